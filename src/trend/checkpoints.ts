import { InputError } from '../errors.js';
import type { CommitRecord } from '../history/commit-record.js';
import type { FactStore } from '../history/fact-store.js';
import type { Warning } from '../warnings.js';

/**
 * Which points to compute (docs/trend.md): `points` evenly spaced, or one point `every` seconds
 * back from the analysed commit; either way back to `since` seconds before it, or to the first
 * commit when `since` is not given.
 */
export type TrendRequest = { readonly points: number; readonly since?: number } | { readonly every: number; readonly since?: number };

/**
 * Most points one trend computes: each costs a file universe and a replay of the history (about
 * half a second on git/git), so `--every 1d --since 10y` is refused rather than run for an hour.
 */
export const MAX_POINTS = 100;

/** One point of a trend: the date asked for, and the commit whose model stands for it. */
export interface Checkpoint {
  /** Seconds since the epoch; undefined when the analysed commit has no usable date. */
  readonly date: number | undefined;
  readonly commit: string;
  /** Position of the commit in `FactStore.commits`. */
  readonly index: number;
}

/** A commit's date for the trend: its committer time, as ages are measured (its author time if that is unusable). */
export function commitTime(commit: CommitRecord): number | undefined {
  return commit.committerTime ?? commit.authorTime;
}

const day = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * The dates of the points, oldest first, the last one `head`. `first` is the first commit's date:
 * a range reaching before it starts there instead, and says so.
 */
export function pointDates(request: TrendRequest, first: number, head: number): { dates: number[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  let start = request.since === undefined ? first : head - request.since;
  // The first commit is a point whenever the range starts there (no --since, or one reaching further).
  const fromFirst = start <= first;
  if (start < first) {
    if (request.since !== undefined) {
      warnings.push({ code: 'trend-range', message: `the range asked for starts before the first commit (${day(first)}): the points start there` });
    }
    start = first;
  }
  if ('every' in request) {
    const steps = Math.floor((head - start) / request.every);
    const total = steps + 1 + (fromFirst && head - steps * request.every > start ? 1 : 0);
    if (total > MAX_POINTS) throw new InputError(`--every gives ${total} points over that range; at most ${MAX_POINTS} (a longer --every, or a shorter --since)`);
    const dates: number[] = [];
    for (let k = steps; k >= 0; k -= 1) dates.push(head - k * request.every);
    if (total > steps + 1) dates.unshift(start);
    return { dates, warnings };
  }
  if (request.points > MAX_POINTS) throw new InputError(`--points ${request.points}: at most ${MAX_POINTS}`);
  if (request.points === 1) return { dates: [head], warnings };
  const dates: number[] = [];
  for (let i = 0; i < request.points; i += 1) dates.push(i === request.points - 1 ? head : Math.round(start + ((head - start) * i) / (request.points - 1)));
  return { dates, warnings };
}

/**
 * The commit of each date: the newest commit of the first-parent chain (`chain`, newest first)
 * whose date is at most that date — what the branch was at that moment. Dates oldest first. A
 * later date never maps to an older commit, so points that fall on the commit of the point before
 * (fewer commits than points in that stretch) are consecutive: they are dropped, the earliest kept.
 */
export function chooseCheckpoints(store: FactStore, chain: readonly number[], dates: readonly number[]): { checkpoints: Checkpoint[]; warnings: Warning[] } {
  const found: Checkpoint[] = [];
  // Dates newest first: the answer moves back along the chain only.
  let position = 0;
  for (let d = dates.length - 1; d >= 0; d -= 1) {
    const date = dates[d] as number;
    while (position < chain.length - 1) {
      const time = commitTime(store.commits[chain[position] as number] as CommitRecord);
      if (time !== undefined && time <= date) break;
      position += 1;
    }
    const index = chain[position] as number;
    found.push({ date, commit: (store.commits[index] as CommitRecord).oid, index });
  }
  found.reverse();
  const checkpoints = found.filter((point, i) => i === 0 || point.index !== found[i - 1]?.index);
  const dropped = found.length - checkpoints.length;
  const warnings: Warning[] =
    dropped > 0 && chain.length > 1
      ? [{ code: 'trend-range', message: `${dropped} of the ${found.length} points fell on the same commit as the point before (fewer commits than points there): dropped` }]
      : [];
  return { checkpoints, warnings };
}

/**
 * The checkpoints of a request on the history of `head` (in `store`): dates from the first commit
 * of the first-parent chain (its oldest date, should clocks have been skewed) to `head`'s date.
 * Without a usable date on `head` there is no time axis: one point, the analysed commit.
 */
export function trendCheckpoints(store: FactStore, head: string, chain: readonly number[], request: TrendRequest): { checkpoints: Checkpoint[]; warnings: Warning[] } {
  const headIndex = chain[0];
  const headTime = headIndex === undefined ? undefined : commitTime(store.commits[headIndex] as CommitRecord);
  let first = headTime;
  for (const index of chain) {
    const time = commitTime(store.commits[index] as CommitRecord);
    if (time !== undefined && first !== undefined && time < first) first = time;
  }
  if (headIndex === undefined || headTime === undefined || first === undefined) {
    const warnings: Warning[] = [{ code: 'trend-range', message: 'the analysed commit has no usable date: the trend is that commit alone' }];
    return { checkpoints: headIndex === undefined ? [] : [{ date: undefined, commit: head, index: headIndex }], warnings };
  }
  const { dates, warnings } = pointDates(request, first, headTime);
  const chosen = chooseCheckpoints(store, chain, dates);
  return { checkpoints: chosen.checkpoints, warnings: [...warnings, ...chosen.warnings] };
}
