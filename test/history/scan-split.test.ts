import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_HISTORY } from '../../fixtures/cache-histories.js';
import { IDENTITY_HISTORY, RENAME_CHAIN_HISTORY, TEAM_HISTORY } from '../../fixtures/histories.js';
import { ALICE, BOB, CAROL } from '../../fixtures/people.js';
import type { Step } from '../../fixtures/build-repo.js';
import type { Report } from '../../src/report/report.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runCli } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();

/** The report of a run with the scan split as `split` says (BUSFACTOR_SCAN_SPLIT, docs/performance.md). */
function scanWith(dir: string, split: string, extra: readonly string[] = []): string {
  const result = runCli([dir, '--no-cache', '--json', ...extra], { env: { BUSFACTOR_SCAN_SPLIT: split } });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** Splits at every point of the walk: before it, after each commit, and after the last. */
function everySplit(commits: number): string[] {
  return Array.from({ length: commits + 1 }, (_, i) => `after:${i}`);
}

/**
 * The scan in two processes must give what one process gives, byte for byte, wherever the walk
 * stops: the newer part's commits come first, the older part's after them, in git log's order.
 */
describe('the history scan split in two processes', () => {
  const histories: readonly [string, readonly Step[], string[]][] = [
    // fixtures/histories.ts: bus factor 2 (Bob, Carol); a merged branch with a rename on it.
    ['a team with a merged branch and a rename', TEAM_HISTORY, []],
    ['identities merged and mapped', IDENTITY_HISTORY, []],
    ['a chain of renames', RENAME_CHAIN_HISTORY, []],
    // fixtures/cache-histories.ts: co-authors, releases, build files, under both models. (Line
    // ownership scans in one process: engine/repository-reader.ts, mayParallelize.)
    ['co-authors, releases and build files', CACHE_HISTORY, []],
    ['the same under the recency model', CACHE_HISTORY, ['--algorithm', 'recency']],
  ];
  for (const [name, steps, extra] of histories) {
    it(`${name}: the same report at every split point`, () => {
      const repo = fixture(steps);
      const commits = Number(repo.git(['rev-list', '--count', 'HEAD']));
      const alone = scanWith(repo.dir, 'never', extra);
      for (const split of everySplit(commits)) expect(scanWith(repo.dir, split, extra), split).toBe(alone);
      // The automatic policy leaves a history this short to one process: the same report again.
      expect(scanWith(repo.dir, 'auto', extra)).toBe(alone);
    });
  }

  it('TEAM_HISTORY split before the walk: bus factor 2, key people Bob and Carol, as in one process', () => {
    const repo = fixture(TEAM_HISTORY);
    const report = JSON.parse(scanWith(repo.dir, 'after:0')) as Report;
    expect(report.busFactor).toBe(2);
    expect(report.keyPeople.map((person) => person.name)).toEqual(['Bob Baker', 'Carol Chen']);
  });

  it('a missing object in either part: that commit alone falls back to exact renames, as in one process', () => {
    const lines = (n: number, tag: string) => `${Array.from({ length: n }, (_, i) => `${tag} line ${i}`).join('\n')}\n`;
    const repo = fixture([
      { commit: { author: ALICE, at: '2021-01-01T00:00:00Z', write: { 'old.js': lines(40, 'old'), 'tmp.js': lines(30, 'tmp') } } },
      // Bob's inexact rename makes git read tmp.js's blob, deleted below: git log dies on it.
      { commit: { author: BOB, at: '2021-02-01T00:00:00Z', rename: { 'tmp.js': 'tmp2.js' }, write: { 'tmp2.js': `${lines(30, 'tmp')}bob\n` } } },
      // Carol's rename with a one-line change: found only by similarity.
      { commit: { author: CAROL, at: '2021-03-01T00:00:00Z', rename: { 'old.js': 'new.js' }, write: { 'new.js': `${lines(39, 'old')}carol\n` } } },
      { commit: { author: ALICE, at: '2021-04-01T00:00:00Z', write: { 'more.js': lines(5, 'more') } } },
    ]);
    const blob = repo.git(['rev-parse', 'HEAD~3:tmp.js']);
    unlinkSync(path.join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const alone = scanWith(repo.dir, 'never');
    const report = JSON.parse(alone) as Report;
    // Only Bob's commit is scanned with -M100%: 1 of 4; new.js keeps Alice's history through Carol's rename.
    const fallback = report.warnings.find((warning) => warning.code === 'rename-detection-fallback');
    expect(fallback?.message).toContain('in 1 of 4 commits');
    expect(report.files.find((file) => file.path === 'new.js')?.authors).toEqual(['alice@example.com', 'carol@example.com']);
    // after:0 splits 4 commits 2 + 2 (Bob's in the older part), after:1 the other 3 as 1 + 2, and
    // after:2 stops the walk right before Bob's; after:3, the walk has died on it already.
    for (const split of everySplit(4)) expect(scanWith(repo.dir, split), split).toBe(alone);
  });

  it('a BUSFACTOR_SCAN_SPLIT it does not know: one line, exit 2', () => {
    const repo = fixture(TEAM_HISTORY);
    const result = runCli([repo.dir, '--no-cache', '--json'], { env: { BUSFACTOR_SCAN_SPLIT: 'sometimes' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('busfactor: error: BUSFACTOR_SCAN_SPLIT=sometimes: expected auto, never or after:N (docs/performance.md)\n');
    expect(result.stdout).toBe('');
  });
});
