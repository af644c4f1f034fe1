import { describe, expect, it } from 'vitest';
import { analyzeSession } from '../../src/analyze.js';
import { FactStore } from '../../src/history/fact-store.js';
import type { CommitRecord } from '../../src/history/commit-record.js';
import { ancestorMask, firstParentChain } from '../../src/trend/ancestry.js';
import { MAX_POINTS, chooseCheckpoints, pointDates, trendCheckpoints } from '../../src/trend/checkpoints.js';
import { computeTrend } from '../../src/trend/compute-trend.js';
import { MERGE_HISTORY, THREE_COMMITS } from '../../fixtures/trend-histories.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();
const at = (iso: string): number => Date.parse(iso) / 1000;
const DAY = 86_400;

/** A stored history without git: commits newest first, each `[oid, committer time, parents]`. */
function storeOf(commits: readonly (readonly [string, number, readonly string[]])[]): FactStore {
  const store = new FactStore();
  for (const [oid, time, parents] of commits) {
    const record: CommitRecord = { oid, authorName: 'A', authorEmail: 'a@x', authorTime: time, committerName: 'A', committerEmail: 'a@x', committerTime: time, parents, coAuthors: [], reviewers: [], changes: [] };
    store.consume(record);
  }
  return store;
}

describe('point dates', () => {
  it('--points N: evenly spaced from the first commit to the analysed one, the last exactly the analysed commit', () => {
    expect(pointDates({ points: 4 }, 0, 300 * DAY).dates).toEqual([0, 100 * DAY, 200 * DAY, 300 * DAY]);
    expect(pointDates({ points: 1 }, 0, 300 * DAY).dates).toEqual([300 * DAY]);
    // --since 100d with 3 points: 200d, 250d, 300d.
    expect(pointDates({ points: 3, since: 100 * DAY }, 0, 300 * DAY)).toEqual({ dates: [200 * DAY, 250 * DAY, 300 * DAY], warnings: [] });
  });

  it('--every with --since: every step back from the analysed commit, the range end included', () => {
    // 3y back in steps of 3mo (a quarter of 365 days): 13 points, the first exactly 3y back.
    const head = at('2024-01-01T00:00:00Z');
    const quarter = Math.round((365 / 4) * DAY);
    const { dates, warnings } = pointDates({ every: quarter, since: 3 * 365 * DAY }, at('2015-01-01T00:00:00Z'), head);
    expect(dates).toHaveLength(13);
    expect(dates[0]).toBe(head - 3 * 365 * DAY);
    expect(dates[12]).toBe(head);
    expect(warnings).toEqual([]);
  });

  it('--every alone: back to the first commit, which is a point too', () => {
    // first 0, head 250d, every 100d: 50d, 150d, 250d, and the first commit at 0.
    expect(pointDates({ every: 100 * DAY }, 0, 250 * DAY).dates).toEqual([0, 50 * DAY, 150 * DAY, 250 * DAY]);
    // A grid that lands on the first commit does not repeat it.
    expect(pointDates({ every: 125 * DAY }, 0, 250 * DAY).dates).toEqual([0, 125 * DAY, 250 * DAY]);
  });

  it('a range reaching before the first commit starts there, with a trend-range warning', () => {
    const { dates, warnings } = pointDates({ every: 100 * DAY, since: 1000 * DAY }, 0, 250 * DAY);
    expect(dates).toEqual([0, 50 * DAY, 150 * DAY, 250 * DAY]);
    expect(warnings).toEqual([{ code: 'trend-range', message: 'the range asked for starts before the first commit (1970-01-01): the points start there' }]);
    expect(pointDates({ points: 3, since: 1000 * DAY }, 0, 200 * DAY).dates).toEqual([0, 100 * DAY, 200 * DAY]);
  });

  it('more than MAX_POINTS points is refused, before any work', () => {
    expect(() => pointDates({ points: MAX_POINTS + 1 }, 0, DAY)).toThrow(/--points 101: at most 100/);
    expect(() => pointDates({ every: DAY, since: 3650 * DAY }, 0, 3650 * DAY)).toThrow(/--every gives 3651 points over that range; at most 100/);
  });
});

describe('checkpoint commits', () => {
  it('follow the first-parent chain: a merged branch’s commits are never a checkpoint, but its changes are in the merge’s ancestry', async () => {
    const repo = fixture(MERGE_HISTORY);
    const session = await analyzeSession({ path: repo.dir, keepFacts: true });
    const store = await (session.facts as () => Promise<FactStore>)();
    const [m1, f1, f2, m2, merge] = ['m1', 'f1', 'f2', 'm2', 'M'].map((tag) => repo.rev(tag)) as [string, string, string, string, string];
    const chain = firstParentChain(store, session.head);
    expect(chain.map((index) => store.commits[index]?.oid)).toEqual([merge, m2, m1]);

    const dates = ['2020-06-01T00:00:00Z', '2021-02-15T00:00:00Z', '2021-04-15T00:00:00Z', '2021-05-01T12:00:00Z'].map(at);
    const { checkpoints, warnings } = chooseCheckpoints(store, chain, dates);
    // Before the first commit: the root. 2021-02-15: m1 (f1, 2021-02-01, is on the branch).
    // 2021-04-15: m2 (f2, 2021-04-01, is newer but on the branch). 2021-05-01 12:00: the merge.
    // The second m1 is the point before's commit again: dropped.
    expect(checkpoints.map((point) => point.commit)).toEqual([m1, m2, merge]);
    expect(checkpoints.map((point) => point.date)).toEqual([dates[0], dates[2], dates[3]]);
    expect(warnings).toEqual([{ code: 'trend-range', message: '1 of the 4 points fell on the same commit as the point before (fewer commits than points there): dropped' }]);

    const members = (oid: string) => [...ancestorMask(store, oid)].flatMap((bit, i) => (bit ? [store.commits[i]?.oid] : [])).sort();
    expect(members(m2)).toEqual([m1, m2].sort());
    expect(members(merge)).toEqual([m1, f1, f2, m2, merge].sort());
    expect(members(f2)).toEqual([m1, f1, f2].sort());
  });

  it('the model at each checkpoint sees only that commit’s ancestors and tree', async () => {
    const repo = fixture(MERGE_HISTORY);
    const session = await analyzeSession({ path: repo.dir, keepFacts: true });
    const trend = await computeTrend(session, { points: 3 });
    // first = m1 (2021-01-01 12:00), head = M (2021-05-01 12:00), 120 days: points at 0, 60 and 120
    // days, 2021-03-02 12:00 falling on m2 (2021-03-01).
    expect(trend.points.map((point) => point.commit)).toEqual([repo.rev('m1'), repo.rev('m2'), repo.rev('M')]);
    // m1: src/one.js (Alice) → 1 of 1 file, Alice removed → 0: bus factor 1.
    // m2: one.js, four.js, both Alice (the branch's two.js is no ancestor of m2) → 1.
    // M: one.js, four.js (Alice), two.js, three.js (Bob): 2 each, 2 changes each → Alice first (id) →
    //    2/4 = 0.5 keeps going → Bob → 0: bus factor 2.
    expect(trend.points.map((point) => [point.files, point.busFactor])).toEqual([[1, 1], [2, 1], [4, 2]]);
    // src/ has 1, 2, then 4 files: a module (--min-files 3) only at the merge.
    expect(trend.modules).toEqual([{ id: 'directory:src', name: 'src' }]);
    expect(trend.points.map((point) => point.modules['directory:src'])).toEqual([null, null, { busFactor: 2, activeBusFactor: 2, lostShare: 0, files: 4 }]);
  });

  it('more points than commits: duplicates dropped, with a warning; one commit: one point, silently', async () => {
    const repo = fixture(THREE_COMMITS);
    const session = await analyzeSession({ path: repo.dir, keepFacts: true });
    const store = await (session.facts as () => Promise<FactStore>)();
    const chain = firstParentChain(store, session.head);
    // 2 days in 7 points, 8 h apart: each commit is the checkpoint of the points up to the next.
    const { checkpoints, warnings } = trendCheckpoints(store, session.head, chain, { points: 7 });
    expect(checkpoints.map((point) => point.commit)).toEqual([repo.rev('HEAD~2'), repo.rev('HEAD~1'), repo.rev('HEAD')]);
    // The earliest date of each run is kept: the first commit, then +24 h, then the head.
    expect(checkpoints.map((point) => point.date)).toEqual([at('2022-01-01T12:00:00Z'), at('2022-01-02T12:00:00Z'), at('2022-01-03T12:00:00Z')]);
    expect(warnings).toEqual([{ code: 'trend-range', message: '4 of the 7 points fell on the same commit as the point before (fewer commits than points there): dropped' }]);

    const single = storeOf([['c1', 1000, []]]);
    expect(trendCheckpoints(single, 'c1', firstParentChain(single, 'c1'), { points: 12 })).toEqual({ checkpoints: [{ date: 1000, commit: 'c1', index: 0 }], warnings: [] });
  });

  it('skewed clocks: the newest chain commit dated at or before the date, walking back from the head', () => {
    // c3 (30) ← c2 (35, committed "after" its child) ← c1 (10).
    const store = storeOf([['c3', 30, ['c2']], ['c2', 35, ['c1']], ['c1', 10, []]]);
    const chain = firstParentChain(store, 'c3');
    // 29: c3 is too new, c2 too, c1 fits. 32: c3. The first commit's date is the chain's oldest, 10.
    expect(chooseCheckpoints(store, chain, [29, 32]).checkpoints.map((point) => point.commit)).toEqual(['c1', 'c3']);
    expect(trendCheckpoints(store, 'c3', chain, { points: 2 }).checkpoints.map((point) => [point.date, point.commit])).toEqual([[10, 'c1'], [30, 'c3']]);
  });

  it('parents outside the store (a shallow boundary) end the walk', () => {
    const store = storeOf([['c2', 20, ['c1']], ['c1', 10, ['gone']]]);
    expect(firstParentChain(store, 'c2')).toEqual([0, 1]);
    expect([...ancestorMask(store, 'c2')]).toEqual([1, 1]);
  });
});
