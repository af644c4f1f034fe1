import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, isolatedGitEnv, type BuiltRepo, type Step } from '../../fixtures/build-repo.js';
import { ENGINE_HISTORY } from '../../fixtures/engine-histories.js';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { buildHostileRepo } from '../../fixtures/hostile-repos.js';
import { ALICE, BOB } from '../../fixtures/people.js';
import { runCli } from '../helpers/run-cli.js';
import { fingerprintTree, jsonOf, runWithoutGit } from './without-git.js';

const parent = mkdtempSync(path.join(tmpdir(), 'busfactor-engine-'));
const built: BuiltRepo[] = [];
afterAll(() => {
  built.forEach((repo) => repo.remove());
  execFileSync('rm', ['-rf', parent]);
});

function build(steps: readonly Step[]): BuiltRepo {
  const repo = buildRepo(steps, { parent });
  built.push(repo);
  return repo;
}

/** Exactly one line on stderr, the error's. */
function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

describe('what needs git says so (docs/engine.md)', () => {
  const repo = build(TEAM_HISTORY);

  it('--lines: exit 2 and one line', () => {
    const result = runWithoutGit([repo.dir, '--lines', '--json', '--no-cache']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(oneLine(result.stderr)).toMatch(/^busfactor: error: --lines \(line ownership\) needs git, and this run uses the isomorphic-git engine/);
  });

  it('--lines from a --config file: the same; from the repository\'s own config: left out with a warning', () => {
    const config = path.join(parent, 'lines.json');
    writeFileSync(config, '{ "lines": true }\n');
    const refused = runWithoutGit([repo.dir, '--config', config, '--json', '--no-cache']);
    expect(refused.code).toBe(2);
    expect(oneLine(refused.stderr)).toMatch(/needs git/);
    const own = build([...TEAM_HISTORY, { commit: { author: ALICE, at: '2020-02-01T00:00:00Z', write: { 'busfactor.json': '{ "lines": true }\n' } } }]);
    const report = jsonOf(runWithoutGit([own.dir, '--json', '--no-cache']));
    expect(report.settings.lines).toBe(false);
    expect(report.lineOwnership).toBeUndefined();
    expect(report.warnings.map((warning) => warning.message)).toContain('busfactor.json asks for line ownership (lines: true), which needs git: left out');
  });

  it('--engine git without git: exit 2 and one line', () => {
    const result = runWithoutGit([repo.dir, '--engine', 'git', '--json']);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toBe('busfactor: error: --engine git: no git executable on PATH (install git, or leave --engine out (or give --engine isomorphic-git) to read the repository without it)');
  });

  it('check --changed-since: exit 2 and one line; check without it runs', () => {
    const result = runWithoutGit(['check', repo.dir, '--min', '1', '--changed-since', 'HEAD~1']);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toMatch(/^busfactor: error: --changed-since needs git/);
    // TEAM_HISTORY's bus factor is 2 (fixtures/histories.ts): --min 2 passes, --min 3 fails.
    expect(runWithoutGit(['check', repo.dir, '--min', '2', '--no-cache']).code).toBe(0);
    expect(runWithoutGit(['check', repo.dir, '--min', '3', '--no-cache']).code).toBe(1);
  });

  it('what isomorphic-git cannot read: a sha256 repository, borrowed objects — exit 2 and one line', () => {
    const sha256 = buildRepo(TEAM_HISTORY, { objectFormat: 'sha256', parent });
    built.push(sha256);
    const refused = runWithoutGit([sha256.dir, '--json']);
    expect(refused.code).toBe(2);
    expect(oneLine(refused.stderr)).toBe('busfactor: error: the repository uses sha256 object ids, which the isomorphic-git engine cannot read (install git to analyse it)');
    const shared = path.join(parent, 'shared');
    execFileSync('git', ['clone', '-q', '--shared', repo.dir, shared], { env: isolatedGitEnv() });
    const borrowed = runWithoutGit([shared, '--json']);
    expect(borrowed.code).toBe(2);
    expect(oneLine(borrowed.stderr)).toMatch(/^busfactor: error: the repository borrows objects from another one/);
  });

  it('a bad --engine is refused like any bad choice', () => {
    const result = runCli([repo.dir, '--engine', 'libgit2']);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toMatch(/--engine/);
  });
});

describe('choosing the engine', () => {
  const repo = build(TEAM_HISTORY);

  it('auto is git when it is on PATH, isomorphic-git without it; --engine isomorphic-git forces it with git present', () => {
    expect(jsonOf(runCli([repo.dir, '--json', '--no-cache'])).settings.engine).toBe('git');
    expect(jsonOf(runWithoutGit([repo.dir, '--json', '--no-cache'])).settings.engine).toBe('isomorphic-git');
    const forced = jsonOf(runCli([repo.dir, '--engine', 'isomorphic-git', '--json', '--no-cache']));
    expect(forced.settings.engine).toBe('isomorphic-git');
    // TEAM_HISTORY: bus factor 2, key people Bob, Carol (fixtures/histories.ts).
    expect(forced.busFactor).toBe(2);
    expect(forced.keyPeople.map((person) => person.name)).toEqual(['Bob Baker', 'Carol Chen']);
    expect(jsonOf(runWithoutGit([repo.dir, '--engine', 'auto', '--json', '--no-cache'])).settings.engine).toBe('isomorphic-git');
  });

  it('the text output works, and ends with the engine\'s warning', () => {
    const result = runWithoutGit([repo.dir, '--no-tui', '--no-cache']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Bus factor: 2$/m);
    expect(result.stdout).toMatch(/^\s+1\.\s+Bob Baker\s+3\s+43%$/m);
    expect(result.stdout).toContain('read with the isomorphic-git engine (no git on PATH, or --engine isomorphic-git): renames are followed only where the content is unchanged');
  });

  it('the errors for what is not a repository read as with git', () => {
    const empty = path.join(parent, 'empty');
    mkdirSync(empty);
    const noCommits = path.join(parent, 'no-commits');
    mkdirSync(noCommits);
    execFileSync('git', ['init', '-q'], { cwd: noCommits, env: isolatedGitEnv() });
    const cases = [[path.join(parent, 'missing')], [empty], [noCommits], [repo.dir, '--rev', 'nope'], [repo.dir, '--rev', 'HEAD^{tree}'], [repo.dir, '--rev', '0123456789012345678901234567890123456789']];
    for (const args of cases) {
      const withGit = runCli([...args, '--json', '--no-cache']);
      const withoutGit = runWithoutGit([...args, '--json', '--no-cache']);
      expect({ args, code: withoutGit.code, stderr: withoutGit.stderr }).toEqual({ args, code: withGit.code, stderr: withGit.stderr });
      expect(withGit.code).toBe(2);
    }
  });
});

describe('a renamed and edited file: where the engines differ', () => {
  it('git follows the similarity rename, isomorphic-git starts a new history, and says so', () => {
    // Alice writes a.js (ten lines); Bob renames it to b.js and changes one line. git: R (b.js's
    // history is a.js's: Alice created it, DOA 4.1685; Bob delivered, 3.457 → both author b.js).
    // isomorphic-git: D a.js + A b.js: Bob created b.js and is its only author.
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i}\n`).join('');
    const repo = build([
      { commit: { author: ALICE, at: '2020-01-01T00:00:00Z', write: { 'a.js': lines } } },
      { commit: { author: BOB, at: '2020-01-02T00:00:00Z', rename: { 'a.js': 'b.js' }, write: { 'b.js': lines.replace('line 9', 'line nine') } } },
    ]);
    const withGit = jsonOf(runCli([repo.dir, '--json', '--no-cache']));
    const withoutGit = jsonOf(runWithoutGit([repo.dir, '--json', '--no-cache']));
    expect(withGit.files).toEqual([{ path: 'b.js', authors: ['alice@example.com', 'bob@example.com'] }]);
    expect(withoutGit.files).toEqual([{ path: 'b.js', authors: ['bob@example.com'] }]);
    expect(withGit.settings.renames).toBe('similarity');
    expect(withoutGit.settings.renames).toBe('exact');
    expect(withoutGit.warnings[0]?.code).toBe('engine-isomorphic-git');
  });
});

describe('nothing is written into the repository', () => {
  it('every route, cached and uncached, leaves the git folder and the work tree as they were', () => {
    const repo = build(ENGINE_HISTORY);
    const bare = path.join(parent, 'engine-bare.git');
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare], { env: isolatedGitEnv() });
    const cacheDir = path.join(parent, 'cache');
    const before = [fingerprintTree(repo.dir), fingerprintTree(bare)];
    for (const target of [repo.dir, bare]) {
      for (const args of [['--json', '--no-cache'], ['--no-tui'], ['--json'], ['--json', '--rev', 'HEAD~1'], ['trend', '--json'], ['people', '--json'], ['report', '--format', 'md']]) {
        const [first, ...rest] = args;
        const command = first === 'trend' || first === 'people' || first === 'report' ? [first, target, ...rest] : [target, ...args];
        const result = runWithoutGit([...command, '--cache-dir', cacheDir]);
        expect({ command: command.join(' '), code: result.code }).toEqual({ command: command.join(' '), code: 0 });
      }
    }
    expect([fingerprintTree(repo.dir), fingerprintTree(bare)]).toEqual(before);
  });

  it('a repository whose config and attributes name programs: none runs, nothing is written', () => {
    const { repo, markers, gitDir } = buildHostileRepo(parent);
    const before = fingerprintTree(gitDir);
    const result = runWithoutGit([repo.dir, '--json', '--no-cache']);
    expect(result.code, result.stderr).toBe(0);
    expect(markers.fired()).toEqual([]);
    expect(fingerprintTree(gitDir)).toBe(before);
  });
});
