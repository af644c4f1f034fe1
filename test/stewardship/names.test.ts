import { describe, expect, it } from 'vitest';
import picomatch from 'picomatch';
import { BUILD_FILE_GLOBS, buildFileCategory, buildFileMatcher, RELEASE_SCRIPT } from '../../src/stewardship/build-files.js';
import { isPlatformCommitter } from '../../src/history/platform-committers.js';
import { releaseTagMatcher } from '../../src/stewardship/release-names.js';

describe('release tag names (docs/stewardship.md, "Releases")', () => {
  it('takes versions and release-* by default', () => {
    const isRelease = releaseTagMatcher([]);
    const yes = ['v1.2.3', '1.2', 'V2.0', 'v2.43.0-rc0', '1.0rc1', '3.0.0+build.5', 'pkg@1.2.3', '@scope/pkg@1.0.0', 'gitgui-0.10.0', 'api/v2.0', 'release-2024-05', 'release/7.1', 'releases/x', 'rel_1.2', 'curl-8_5_0', 'REL_16_1', 'OpenSSL_1_1_1w'];
    const no = ['v1', '12', 'nightly', 'latest', 'stable', 'v1.x', 'before-refactor', '2024-05-01', 'release', 'v1 .2'];
    expect(yes.filter((tag) => !isRelease(tag))).toEqual([]);
    expect(no.filter((tag) => isRelease(tag))).toEqual([]);
  });

  it('lets the config globs replace the rule', () => {
    const isRelease = releaseTagMatcher(['ship-*']);
    expect(['ship-42', 'v1.2.3'].map(isRelease)).toEqual([true, false]);
  });
});

describe('build and delivery files', () => {
  it('knows CI, containers, infrastructure, build and release files, and leaves vendored ones out', () => {
    const matches = buildFileMatcher({ extra: [], not: [] });
    const expected: [string, string | undefined][] = [
      ['.github/workflows/ci.yml', 'ci'],
      ['.gitlab-ci.yml', 'ci'],
      ['Jenkinsfile', 'ci'],
      ['.circleci/config.yml', 'ci'],
      ['azure-pipelines.yml', 'ci'],
      ['ci/run-build-and-tests.sh', 'ci'],
      ['docker/Dockerfile.dev', 'containers'],
      ['services/api/dockerfile', 'containers'],
      ['docker-compose.prod.yml', 'containers'],
      ['infra/main.tf', 'infrastructure'],
      ['charts/app/templates/deployment.yaml', 'infrastructure'],
      ['Makefile', 'build'],
      ['packages/a/package.json', 'build'],
      ['pyproject.toml', 'build'],
      ['config.mak.uname', undefined],
      ['scripts/release.sh', 'release'],
      ['bin/publish', 'release'],
      ['tools/deploy-staging.py', 'release'],
      ['docs/release-notes.md', undefined],
      ['src/index.js', undefined],
      ['vendor/lib/Makefile', undefined],
      ['node_modules/x/package.json', undefined],
      ['test/fixtures/app/package.json', undefined],
    ];
    expect(expected.map(([path]) => [path, matches(path) ? buildFileCategory(path) : undefined])).toEqual(expected);
  });

  it('decides as picomatch does on every default glob (the name globs are tested on the file name)', () => {
    const matches = buildFileMatcher({ extra: [], not: [] });
    const names = ['Makefile', 'makefile', 'package.json', 'Dockerfile', 'Dockerfile.dev', 'app.Dockerfile', 'main.tf', 'x.tfvars', 'Chart.yaml', 'action.yml', 'Jenkinsfile.prod', 'a.jenkinsfile', 'azure-pipelines-ci.yaml', 'BUILD', 'BUILD.bazel', 'x.bzl', 'CMakeLists.txt', 'requirements-dev.txt', 'Cargo.toml', 'app.csproj', 'Directory.Build.props', '.releaserc.json', 'release.config.js', 'compose.yml', 'docker-compose.test.yaml', '.dockerignore', 'devcontainer.json', 'README.md', 'index.js', 'renovate.json5', 'ci.yml', 'x.mk', 'setup.py', 'go.mod', 'build.gradle.kts', 'deploy', 'release-notes.md'];
    const folders = ['', 'a/', 'a/b/', '.github/', '.github/workflows/', '.circleci/', 'charts/', 'ci/', 'helm/x/', '.hidden/', 'gradle/', 'project/'];
    // The oracle: picomatch's own list matcher over each category's globs. The matcher's verdict
    // and the category must agree with it for every path (none of these folders is vendored).
    const oracles = Object.entries(BUILD_FILE_GLOBS).map(([category, globs]) => [category, picomatch(globs as string[], { dot: true, nocase: true })] as const);
    const expectedCategory = (path: string) => oracles.find(([, test]) => test(path))?.[0] ?? (RELEASE_SCRIPT.test(path) ? 'release' : undefined);
    const paths = folders.flatMap((folder) => names.map((name) => folder + name));
    expect(paths.filter((path) => buildFileCategory(path) !== expectedCategory(path))).toEqual([]);
    expect(paths.filter((path) => matches(path) !== (expectedCategory(path) !== undefined))).toEqual([]);
    // Not vacuous: most of these are build files, of every category.
    expect(new Set(paths.map(expectedCategory))).toEqual(new Set(['ci', 'containers', 'infrastructure', 'build', 'release', undefined]));
  });

  it('takes the config lists: more files, and files that never are', () => {
    const matches = buildFileMatcher({ extra: ['tools/*.sh', 'GIT-VERSION-GEN'], not: ['package.json'] });
    expect(['tools/bump.sh', 'GIT-VERSION-GEN', 'package.json', 'a/package.json', 'Makefile'].map(matches)).toEqual([true, true, false, false, true]);
  });
});

describe('platform committers', () => {
  it('recognises GitHub’s web-flow committer, not people named GitHub-something', () => {
    expect(isPlatformCommitter('GitHub', 'noreply@github.com')).toBe(true);
    expect(isPlatformCommitter('GitHub Enterprise', 'noreply@github.example.com')).toBe(true);
    expect(isPlatformCommitter('GitHub Fan', 'fan@example.com')).toBe(false);
    expect(isPlatformCommitter('github', 'me@example.com')).toBe(false);
  });
});
