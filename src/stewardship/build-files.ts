import picomatch from 'picomatch';
import { compileGlobs } from '../files/match-globs.js';

/** What a build or delivery file is for (docs/stewardship.md, "Build and delivery"). */
export type BuildFileCategory = 'ci' | 'containers' | 'infrastructure' | 'build' | 'release';

/** Script extensions of release and deployment scripts (a document named release-notes.md is not one). */
/**
 * Release and deployment scripts: `release`, `deploy` or `publish`, alone or with a `-`/`_` suffix
 * (`deploy-staging`), with no extension or a script's (`release-notes.md` is a document, not one).
 */
export const RELEASE_SCRIPT = /(?:^|\/)(?:release|deploy|publish)(?:[-_][^./]*)?(?:\.(?:sh|bash|zsh|py|rb|js|mjs|cjs|ts|mts|pl|ps1|cmd|bat|mk))?$/i;

/**
 * The files that run the project rather than make it, counted whatever Linguist says about them.
 * Data, documented in docs/stewardship.md, with {@link RELEASE_SCRIPT}: extend it with the config's `stewardship.buildFiles`,
 * narrow it with `stewardship.notBuildFiles`. picomatch globs over the path from the top, matched
 * case-insensitively (`dockerfile`, `makefile`).
 */
export const BUILD_FILE_GLOBS: Readonly<Record<BuildFileCategory, readonly string[]>> = {
  ci: [
    '.github/workflows/**', '.github/actions/**', '**/action.{yml,yaml}', '.github/dependabot.{yml,yaml}',
    '{,.github/}renovate.json{,5}', '.renovaterc{,.json}',
    '**/.gitlab-ci.yml', '.gitlab/ci/**', '**/Jenkinsfile{,.*}', '**/*.jenkinsfile', '.circleci/**',
    '**/azure-pipelines*.{yml,yaml}', '.azure-pipelines/**', '.azuredevops/**', '.travis.yml', '{.,}appveyor.yml',
    'bitbucket-pipelines.yml', '.drone.yml', '.buildkite/**', '.cirrus.yml', '.woodpecker.yml', '.woodpecker/**',
    '.semaphore/**', 'buildspec.{yml,yaml}', 'cloudbuild.{yml,yaml}', '.pre-commit-config.yaml', '{.,}codecov.yml',
    'ci/**', '.ci/**',
  ],
  containers: [
    '**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/Containerfile', '**/docker-compose*.{yml,yaml}',
    '**/compose.{yml,yaml}', '**/.dockerignore', '**/devcontainer.json',
  ],
  infrastructure: [
    '**/*.tf', '**/*.tfvars', '**/terragrunt.hcl', '**/Chart.yaml', '**/charts/**', '**/helm/**', '**/k8s/**',
    '**/kubernetes/**', '**/kustomization.{yml,yaml}', '**/skaffold.yaml', '**/Tiltfile', '**/Procfile', '**/fly.toml',
    '**/netlify.toml', '**/vercel.json', '**/serverless.{yml,yaml}', '**/Vagrantfile', '**/ansible/**',
  ],
  build: [
    '**/{GNUmakefile,Makefile,makefile}', '**/*.mk', '**/Makefile.am', '**/configure.ac', '**/configure.in',
    '**/CMakeLists.txt', '**/*.cmake', '**/meson.build', '**/meson{_options.txt,.options}', '**/BUILD{,.bazel}',
    'WORKSPACE{,.bazel}', 'MODULE.bazel', '**/*.bzl', '.bazelrc', '**/build.gradle{,.kts}', '**/settings.gradle{,.kts}',
    '**/gradle.properties', 'gradle/libs.versions.toml', 'gradle/wrapper/gradle-wrapper.properties', '**/pom.xml',
    '**/build.xml', '**/build.sbt', 'project/*.sbt', 'project/build.properties', '**/Rakefile', '**/*.gemspec',
    '**/Gemfile', '**/package.json', '**/.npmrc', '**/.npmignore', '**/.yarnrc{,.yml}', 'lerna.json',
    'pnpm-workspace.yaml', 'turbo.json', 'nx.json', '**/setup.{py,cfg}', '**/pyproject.toml', '**/MANIFEST.in',
    '**/tox.ini', '**/noxfile.py', '**/requirements*.txt', '**/Pipfile', '**/Cargo.toml', '**/go.mod',
    '**/composer.json', '**/*.{csproj,fsproj,vbproj,sln,nuspec}', '**/Directory.{Build,Packages}.{props,targets}',
    '**/build.{sh,ps1,cmd,bat}', '**/Package.swift', '**/Podfile', '**/*.podspec', '**/mix.exs', '**/rebar.config',
    '**/stack.yaml', '**/*.cabal', '**/dune-project', '**/deno.json{,c}', '**/{justfile,Justfile}',
    '**/Taskfile.{yml,yaml}', '**/build.zig', '**/flake.nix',
  ],
  release: [
    '**/.releaserc{,.*}', '**/release.config.*', 'release-please-config.json', '.release-please-manifest.json',
    '.changeset/config.json', '.goreleaser.{yml,yaml}', '**/.goreleaser.{yml,yaml}',
  ],
};

/**
 * Never build files, whatever they are named: other people's code vendored in (its Makefile builds
 * someone else's project) and test fixtures (a package.json a test reads).
 */
const NOT_OURS = /(?:^|\/)(?:node_modules|bower_components|vendors?|third[-_]party|extern(?:al)?|deps|fixtures|__fixtures__|testdata)\//i;

export interface BuildFileOptions {
  /** The config's `stewardship.buildFiles`: more build files (globs as `--include` takes them). */
  readonly extra: readonly string[];
  /** The config's `stewardship.notBuildFiles`: never build files. */
  readonly not: readonly string[];
}

/** The build and delivery file test, memoised: the history pass asks for every path of every commit. */
export function buildFileMatcher(options: BuildFileOptions): (path: string) => boolean {
  const defaults = defaultBuildFileTest();
  const extra = compileGlobs(options.extra);
  const not = compileGlobs(options.not);
  const known = new Map<string, boolean>();
  return (path) => {
    let verdict = known.get(path);
    if (verdict === undefined) {
      verdict = !not?.(path) && (extra?.(path) === true || (!NOT_OURS.test(path) && (defaults(path) || RELEASE_SCRIPT.test(path))));
      known.set(path, verdict);
    }
    return verdict;
  };
}

/**
 * The default globs as two regular expressions, not picomatch's list matcher (which tests them one
 * by one). The any-depth name globs (two stars, a slash, a name), most of them, are tested against
 * the last path segment: a file's name decides them, and picomatch's any-depth prefix is a slow
 * pattern. The rest are tested against the whole path.
 */
function defaultBuildFileTest(): (path: string) => boolean {
  return globsTest(Object.values(BUILD_FILE_GLOBS).flat());
}

function globsTest(globs: readonly string[]): (path: string) => boolean {
  const byName = globs.filter(isNameGlob).map((glob) => glob.slice(3));
  const byPath = globs.filter((glob) => !isNameGlob(glob));
  const names = combinedRegExp(byName);
  const paths = combinedRegExp(byPath);
  return (path) => names.test(path.slice(path.lastIndexOf('/') + 1)) || paths.test(path);
}

/** Each glob's regular expression, made once: the history pass's test and the categories share them. */
const globSources = new Map<string, string>();

function combinedRegExp(globs: readonly string[]): RegExp {
  const sources = globs.map((glob) => {
    let source = globSources.get(glob);
    if (source === undefined) globSources.set(glob, (source = picomatch.makeRe(glob, { dot: true, nocase: true }).source));
    return `(?:${source})`;
  });
  // No glob matches nothing (an empty alternation would match everything).
  return sources.length === 0 ? /(?!)/ : new RegExp(sources.join('|'), 'i');
}

/** Two stars, a slash, then a pattern of one path segment: a glob that a file name decides. */
function isNameGlob(glob: string): boolean {
  return glob.startsWith('**/') && !glob.slice(3).includes('/') && !glob.slice(3).includes('**');
}

let categoryTests: [BuildFileCategory, (path: string) => boolean][] | undefined;

/** The category of a default build file (undefined for one only the config names). */
export function buildFileCategory(path: string): BuildFileCategory | undefined {
  categoryTests ??= (Object.entries(BUILD_FILE_GLOBS) as [BuildFileCategory, readonly string[]][]).map(([category, globs]) => [category, globsTest(globs)]);
  return categoryTests.find(([, matches]) => matches(path))?.[0] ?? (RELEASE_SCRIPT.test(path) ? 'release' : undefined);
}
