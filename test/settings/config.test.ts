import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import { MONOREPO } from '../../fixtures/module-histories.js';
import { configJsonSchema } from '../../src/settings/config-schema.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runCli, runJson } from '../helpers/run-cli.js';
import { execFileSync } from 'node:child_process';

const fixture = useFixtureRepos();
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempFile = (name: string, content: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'busfactor-config-'));
  temps.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
const repoWith = (config: unknown, name = 'busfactor.json') => {
  const repo = fixture(MONOREPO);
  writeFileSync(path.join(repo.dir, name), typeof config === 'string' ? config : JSON.stringify(config));
  return repo;
};
const warningsOf = (report: { warnings: readonly { code: string; message: string }[] }) => report.warnings.filter((w) => w.code === 'config-unusable' || w.code === 'module-unmatched').map((w) => w.message);

describe('the config file', () => {
  it('the repository\'s busfactor.json: settings, configured modules; flags win over it', () => {
    const repo = repoWith({ $schema: './node_modules/busfactor/schema/busfactor.schema.json', depth: 1, minFiles: 1, moduleKinds: ['config', 'dirs'], modules: { payments: ['packages/billing/**', 'infra/dns.js'] } });
    const { report } = runJson([repo.dir]);
    expect(report.settings).toMatchObject({ depth: 1, minFiles: 1, moduleKinds: ['config', 'dirs'], configuredModules: ['payments'], config: { source: 'repository', path: 'busfactor.json' } });
    // payments: billing's 3 files (Alice) and dns.js (Carol): 4/4 → −Alice 1/4: 1.
    expect(report.modules.find((m) => m.id === 'config:payments')).toMatchObject({ kind: 'config', name: 'payments', files: 4, busFactor: 1 });
    expect(report.modules.filter((m) => m.kind === 'directory').map((m) => m.path)).toEqual(['infra', 'packages', 'tools']);
    const flagged = runJson([repo.dir, '--depth', '2', '--modules', 'dirs']).report;
    expect(flagged.settings).toMatchObject({ depth: 2, minFiles: 1, moduleKinds: ['dirs'] });
    expect(flagged.modules.some((m) => m.kind === 'config')).toBe(false);
  });

  it('.busfactor.json, and in a bare repository the analysed commit\'s copy', () => {
    const repo = repoWith({ minFiles: 4 }, '.busfactor.json');
    expect(runJson([repo.dir]).report.settings.minFiles).toBe(4);
    repo.git(['add', '.busfactor.json']);
    repo.git(['commit', '-q', '-m', 'config'], { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x', GIT_AUTHOR_DATE: '2022-02-01T00:00:00Z', GIT_COMMITTER_DATE: '2022-02-01T00:00:00Z' });
    const bare = path.join(path.dirname(tempFile('x', '')), 'bare.git');
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare], { env: isolatedGitEnv() });
    expect(runJson([bare]).report.settings).toMatchObject({ minFiles: 4, config: { source: 'repository', path: '.busfactor.json' } });
    // An older commit has no config: defaults.
    expect(runJson([bare, '--rev', 'HEAD~1']).report.settings.minFiles).toBe(3);
  });

  it('--config FILE instead of the repository\'s file; it may choose the revision', () => {
    const repo = repoWith({ minFiles: 4 });
    const file = tempFile('mine.json', JSON.stringify({ minFiles: 2, rev: 'HEAD~1' }));
    const { report } = runJson([repo.dir, '--config', file]);
    expect(report.settings).toMatchObject({ minFiles: 2, config: { source: 'file', path: file } });
    expect(report.head).toBe(repo.rev('HEAD~1'));
  });

  it('a repository\'s config with problems: one warning each, the entry at fault ignored, the rest applied', () => {
    const repo = repoWith({ depth: 'x', minFiles: 1, nope: true, modules: { billing: 3, ok: ['tools/**'], gone: ['nowhere/**'], bad: ['src/[abc'], out: ['../secrets/**'] }, rev: 'HEAD~1' });
    const { report, result } = runJson([repo.dir]);
    expect(result.code).toBe(0);
    expect(report.head).toBe(repo.rev('HEAD'));
    expect(report.settings).toMatchObject({ depth: 2, minFiles: 1, configuredModules: ['ok', 'gone'] });
    expect(warningsOf(report)).toEqual([
      'busfactor.json: depth: expected a whole number of 1 or more, got "x" (ignored)',
      'busfactor.json: modules.billing: expected an array of globs, got 3 (ignored)',
      expect.stringMatching(/^busfactor\.json: modules\.bad\[0\]: expected a glob that parses \(Missing closing: "\]".*\), got "src\/\[abc" \(ignored\)$/),
      'busfactor.json: modules.out[0]: expected a glob inside the repository (no ..), got "../secrets/**" (ignored)',
      expect.stringMatching(/^busfactor\.json: unknown key "nope" \(known: \$schema, rev, algorithm, departedAfter, stewardshipWindow, coAuthors, moduleKinds, depth, .*aliases, people, stewardship, check\) \(ignored\)$/),
      "busfactor.json: rev: a repository's own config cannot choose the revision it is read from (ignored; give --rev)",
      'configured module "gone" matches no counted file (nowhere/**)',
    ]);
  });

  it('an unknown key inside an object: that key ignored, the rest of the object applied', () => {
    const repo = repoWith({ minFiles: 1, stewardship: { releaseTag: ['v*'], notBuildFiles: ['Makefile'] } });
    const { report, result } = runJson([repo.dir]);
    expect(result.code).toBe(0);
    expect(report.settings).toMatchObject({ minFiles: 1, notBuildFiles: ['Makefile'], releaseTags: [] });
    expect(warningsOf(report)).toEqual(['busfactor.json: stewardship: unknown key "releaseTag" (known: releaseTags, buildFiles, notBuildFiles) (ignored)']);
  });

  it('a repository\'s config that is not JSON, or a symlink: a warning, defaults', () => {
    const broken = repoWith('{ "depth": 1,');
    const report = runJson([broken.dir]).report;
    expect(report.settings.depth).toBe(2);
    expect(warningsOf(report)).toEqual([expect.stringMatching(/^busfactor\.json: not JSON \(.*\) \(ignored\)$/)]);
    const linked = fixture(MONOREPO);
    symlinkSync(tempFile('elsewhere.json', '{"depth": 1}'), path.join(linked.dir, 'busfactor.json'));
    const fromLink = runJson([linked.dir]).report;
    expect(fromLink.settings.depth).toBe(2);
    expect(warningsOf(fromLink)).toEqual(['busfactor.json is a symbolic link (not followed): it is ignored']);
  });

  it('--config FILE with a problem: one line, exit 2, naming the key, the value and what was expected', () => {
    const repo = fixture(MONOREPO);
    const cases: [string, RegExp][] = [
      [JSON.stringify({ modules: { billing: 3 } }), /^busfactor: error: \S+bad\.json: modules\.billing: expected an array of globs, got 3\n$/],
      [JSON.stringify({ lines: 'yes' }), /^busfactor: error: \S+bad\.json: lines: expected true or false, got "yes"\n$/],
      [JSON.stringify({ moduleKinds: ['dirs', 'tests'] }), /^busfactor: error: \S+bad\.json: moduleKinds\[1\]: expected one of "dirs", "workspaces", "codeowners", "config", "auto", got "tests"\n$/],
      [JSON.stringify({ output: 'x.json' }), /^busfactor: error: \S+bad\.json: unknown key "output"/],
      ['[1, 2]', /^busfactor: error: \S+bad\.json: expected a JSON object of settings, got an array\n$/],
      ['nope', /^busfactor: error: \S+bad\.json: not JSON/],
    ];
    for (const [content, message] of cases) {
      const result = runCli([repo.dir, '--config', tempFile('bad.json', content)]);
      expect({ content, code: result.code, stdout: result.stdout }).toEqual({ content, code: 2, stdout: '' });
      expect(result.stderr).toMatch(message);
    }
    const missing = runCli([repo.dir, '--config', '/nonexistent/busfactor.json']);
    expect([missing.code, missing.stderr]).toEqual([2, 'busfactor: error: /nonexistent/busfactor.json: no such file\n']);
  });

  it('ships a JSON Schema equal to the one the option list makes (npm run schema rewrites it)', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../schema/busfactor.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(configJsonSchema());
    expect(Object.keys(shipped.properties)).toEqual(['$schema', 'rev', 'algorithm', 'departedAfter', 'stewardshipWindow', 'coAuthors', 'moduleKinds', 'depth', 'minFiles', 'include', 'exclude', 'includeBots', 'allText', 'lines', 'firstParent', 'ignoreRevs', 'modules', 'aliases', 'people', 'stewardship', 'check']);
    expect(shipped.additionalProperties).toBe(false);
  });
});
