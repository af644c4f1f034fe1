import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRepo } from '../../fixtures/build-repo.js';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runCli, runJson } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** One line on stderr, `busfactor: error: the repository is corrupt: …`, exit code 2, no stack. */
function expectCorrupt(result: { code: number | null; stdout: string; stderr: string }, detail: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(result.stderr).toMatch(/^busfactor: error: the repository is corrupt: /);
  expect(result.stderr).toMatch(detail);
  expect(result.stderr).not.toMatch(/no commits/);
}

const objectFile = (dir: string, oid: string) => path.join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2));

describe('a damaged repository is called damaged, not empty', () => {
  it("HEAD's commit object is missing: corrupt, naming the object", () => {
    const repo = fixture(TEAM_HISTORY);
    const head = repo.rev('HEAD');
    unlinkSync(objectFile(repo.dir, head));
    expectCorrupt(runCli([repo.dir]), new RegExp(`HEAD points to ${head}, which cannot be read`));
  });

  it('a commit in the middle of the history is missing: corrupt, naming it, with or without --lines', () => {
    const repo = fixture(TEAM_HISTORY);
    const middle = repo.rev('HEAD~2');
    unlinkSync(objectFile(repo.dir, middle));
    for (const args of [[], ['--lines']]) expectCorrupt(runCli([repo.dir, '--json', ...args]), new RegExp(`Could not read ${middle}`));
  });

  it('a truncated packfile: corrupt, with git\'s reason once', () => {
    const repo = fixture(TEAM_HISTORY);
    repo.git(['gc', '-q']);
    const packs = path.join(repo.dir, '.git', 'objects', 'pack');
    const pack = path.join(packs, readdirSync(packs).find((name) => name.endsWith('.pack')) as string);
    chmodSync(pack, 0o644);
    truncateSync(pack, Math.floor(statSync(pack).size / 2));
    const result = runCli([repo.dir, '--json']);
    expectCorrupt(result, /does not match index/);
    expect(result.stderr.match(/does not match index/g)).toHaveLength(1);
  });

  it('an empty repository still says it has no commits', () => {
    const repo = fixture([]);
    const result = runCli([repo.dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('busfactor: error: the repository has no commits yet\n');
  });

  it('a path with a newline (or any byte) in it works', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'busfactor-odd-path-'));
    temps.push(parent);
    const odd = path.join(parent, 'line\nbreak "and" quotes');
    mkdirSync(odd);
    const repo = buildRepo(TEAM_HISTORY, { parent: odd });
    const expected = runJson([fixture(TEAM_HISTORY).dir]).report;
    const { report } = runJson([repo.dir]);
    expect(report.busFactor).toBe(expected.busFactor);
    expect(report.files).toEqual(expected.files);
    expect(runJson([path.join(repo.dir, 'lib')]).report.repository.scope).toBe('lib/');
  });
});
