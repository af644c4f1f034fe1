import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { analyzeReport, type Progress } from '../../src/analyze.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { useTempDirs } from '../helpers/temp-dirs.js';

const fixture = useFixtureRepos();
const tempDir = useTempDirs();

const split = process.env.BUSFACTOR_SCAN_SPLIT;
afterEach(() => {
  if (split === undefined) delete process.env.BUSFACTOR_SCAN_SPLIT;
  else process.env.BUSFACTOR_SCAN_SPLIT = split;
});

/** Every total the progress reported during one analysis (`counted`: a count beside the scan is awaited). */
async function totalsOf(options: Parameters<typeof analyzeReport>[0], counted = true): Promise<{ totals: number[]; cache: string }> {
  const totals: number[] = [];
  const session = await analyzeReport({
    ...options,
    onProgress: (progress: Progress) => {
      if (progress.totalCommits !== undefined && totals.at(-1) !== progress.totalCommits) totals.push(progress.totalCommits);
    },
  });
  // The count beside the scan may come after it: give it the time a git process takes.
  for (let waited = 0; counted && totals.length === 0 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  return { totals, cache: session.report.cache };
}

/**
 * The progress line's total is the number of commits the scan covers: from the scan's own list
 * when it lists them (the automatic split), else counted beside it (one process, or a split at a
 * fixed point). TEAM_HISTORY has 17 commits (fixtures/histories.ts: 2 + 2 on a branch + 1 + 10 + 1,
 * and the merge); the extension adds one.
 */
describe("the scan's total of commits", () => {
  for (const policy of ['never', 'after:2'] as const) {
    it(`BUSFACTOR_SCAN_SPLIT=${policy}: counted beside the scan, 17 commits`, async () => {
      process.env.BUSFACTOR_SCAN_SPLIT = policy;
      const repo = fixture(TEAM_HISTORY);
      expect(Number(repo.git(['rev-list', '--count', 'HEAD']))).toBe(17);
      expect((await totalsOf({ path: repo.dir })).totals).toEqual([17]);
    });
  }

  it('the isomorphic engine counts them too: 17 commits', async () => {
    const repo = fixture(TEAM_HISTORY);
    expect((await totalsOf({ path: repo.dir, engine: 'isomorphic-git' })).totals).toEqual([17]);
  });

  it('automatic: the list of commits, when it comes before the walk ends, gives 17; never anything else', async () => {
    process.env.BUSFACTOR_SCAN_SPLIT = 'auto';
    const repo = fixture(TEAM_HISTORY);
    // A history this short may be walked before it is listed (the list is then dropped).
    for (const total of (await totalsOf({ path: repo.dir }, false)).totals) expect(total).toBe(17);
  });

  it('extending a cached commit: only the 1 commit since it', async () => {
    process.env.BUSFACTOR_SCAN_SPLIT = 'never';
    const repo = fixture(TEAM_HISTORY);
    const cache = { dir: tempDir(), limitBytes: 64 * 1024 * 1024 };
    expect(await totalsOf({ path: repo.dir, cache })).toEqual({ totals: [17], cache: 'cold' });
    writeFileSync(path.join(repo.dir, 'lib', 'more.js'), 'more\n');
    repo.git(['add', 'lib/more.js']);
    const date = '2020-02-01T12:00:00Z';
    repo.git(['commit', '-q', '-m', 'more'], { GIT_AUTHOR_NAME: 'Alice Archer', GIT_AUTHOR_EMAIL: 'alice@example.com', GIT_COMMITTER_NAME: 'Alice Archer', GIT_COMMITTER_EMAIL: 'alice@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    expect(await totalsOf({ path: repo.dir, cache })).toEqual({ totals: [1], cache: 'extended' });
    // The same commit again: a hit scans nothing, so nothing is counted.
    expect(await totalsOf({ path: repo.dir, cache }, false)).toEqual({ totals: [], cache: 'hit' });
  });
});
