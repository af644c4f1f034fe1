import type { CommitRecord } from './commit-record.js';
import type { HistoryAnalysis } from './history-pass.js';
import { renumber } from './lineage-collector.js';

/** Seconds in a day: ages are counted in whole days (docs/algorithms.md §3). */
export const DAY = 86_400;

/** The recency model's window and decay (docs/algorithms.md §3, JetBrains). */
export const RECENCY_WINDOW_DAYS = 547;
export const RECENCY_DECAY_DAYS = 90;

/** One identity's dated changes (A, M, R entries) to one path. */
export interface PathActivity {
  /** Every change, whenever made. */
  changes: number;
  /** Changes within the recent window (`--departed-after`) before the reference time. */
  recent: number;
  /** Author time of the latest dated change; 0 when none is dated. */
  last: number;
  /** Recency model: changes in the 547-day window. */
  windowChanges: number;
  /** Recency model: Σ exp(−days/90) over the changes in the 547-day window (wC). */
  weight: number;
  /** Recency model: the largest of those weights (w_own). */
  ownWeight: number;
  /**
   * Author times of the dated changes still young enough to count at a later reference time (within
   * the longer of the two windows): the four windowed figures above are computed from them by
   * {@link ActivityCollector.finish}, so a cached pass can be extended with newer commits and measured
   * again from the new analysed commit (src/cache/). Undefined when there is none.
   */
  dated: number[] | undefined;
}

/**
 * One entry, made in one place so that every entry has one hidden class. The fractional fields
 * start as -0, a double (0 would be a small integer): the first weight or time stored would
 * otherwise change the class of all 47,000 entries of git/git, each moved on its next use
 * (measured: `finish` 63 ms instead of 25 on a cached run). -0 reads as 0 everywhere they are used.
 */
function newActivity(changes: number, last: number, dated: number[] | undefined): PathActivity {
  return { changes, recent: 0, last, windowChanges: 0, weight: -0, ownWeight: -0, dated };
}

/**
 * A pass's activity as columns (src/cache/ stores them): in the map's order, identities of a path
 * in theirs. Only what later passes add to is kept; the windowed figures are measured again by
 * {@link ActivityCollector.finish}.
 */
export interface ActivityState {
  readonly paths: readonly string[];
  /** Where each path's identities end: path i holds [ends[i-1], ends[i]). */
  readonly ends: Int32Array;
  readonly who: Int32Array;
  readonly changes: Int32Array;
  readonly last: Float64Array;
  /** Where each entry's dated changes end in `dated` (entry j holds [datedEnds[j-1], datedEnds[j])); an empty range is undefined. */
  readonly datedEnds: Int32Array;
  readonly dated: Float64Array;
}

/**
 * Dated per-person-per-file activity, the second analysis of the history pass (docs/algorithms.md
 * §3): what the recency model weighs and what successors are ranked by. Ages are measured from the
 * reference time (the analysed commit's committer time), never from the clock, so a rerun at the
 * same commit gives the same answer. A change dated after the reference time (clock skew, a rebase)
 * counts as made on it (0 days).
 */
export class ActivityCollector implements HistoryAnalysis {
  /** How old a change may be, at the pass's reference time, and still be kept in `dated`. */
  private readonly keepSeconds: number;

  readonly paths = new Map<string, Map<number, PathActivity>>();

  /**
   * @param recentSeconds the recent window: changes this young count in `recent`.
   * @param saved what an earlier pass left (src/cache/: a cached analysis restored).
   */
  constructor(
    private readonly recentSeconds: number,
    saved?: ActivityState,
  ) {
    this.keepSeconds = Math.max(recentSeconds, RECENCY_WINDOW_DAYS * DAY);
    if (saved) this.absorb(saved, undefined);
  }

  /** Everything this analysis holds, for the cache. */
  state(): ActivityState {
    const paths = [...this.paths.keys()];
    let entries = 0;
    let datedCount = 0;
    for (const byIdentity of this.paths.values()) {
      entries += byIdentity.size;
      for (const activity of byIdentity.values()) datedCount += activity.dated?.length ?? 0;
    }
    const ends = new Int32Array(paths.length);
    const who = new Int32Array(entries);
    const changes = new Int32Array(entries);
    const last = new Float64Array(entries);
    const datedEnds = new Int32Array(entries);
    const dated = new Float64Array(datedCount);
    let at = 0;
    let datedAt = 0;
    let index = 0;
    for (const byIdentity of this.paths.values()) {
      for (const [identity, activity] of byIdentity) {
        who[at] = identity;
        changes[at] = activity.changes;
        last[at] = activity.last;
        for (const time of activity.dated ?? []) dated[datedAt++] = time;
        datedEnds[at] = datedAt;
        at += 1;
      }
      ends[index++] = at;
    }
    return { paths, ends, who, changes, last, datedEnds, dated };
  }

  consume(commit: CommitRecord, credited: readonly number[], referenceTime: number | undefined): void {
    if (credited.length === 0) return;
    const time = commit.authorTime;
    // Ages only grow when the analysed commit moves forward, so what is too old now stays too old.
    const keep = time !== undefined && referenceTime !== undefined && referenceTime - time <= this.keepSeconds;
    for (const change of commit.changes) {
      if (change.status !== 'A' && change.status !== 'M' && change.status !== 'R') continue;
      let byIdentity = this.paths.get(change.path);
      if (!byIdentity) this.paths.set(change.path, (byIdentity = new Map()));
      for (const who of credited) {
        let activity = byIdentity.get(who);
        if (!activity) byIdentity.set(who, (activity = newActivity(0, -0, undefined)));
        activity.changes += 1;
        if (time !== undefined && time > activity.last) activity.last = time;
        if (keep) (activity.dated ??= []).push(time);
      }
    }
  }

  /** Adds what a pass over older commits found (src/cache/), as {@link LineageCollector.absorb}; no `remap`: identities kept. */
  absorb(older: ActivityState, remap: Int32Array | undefined): void {
    const { paths, ends, who, changes, last, datedEnds, dated } = older;
    let start = 0;
    for (let index = 0; index < paths.length; index += 1) {
      const path = paths[index] as string;
      const end = ends[index] as number;
      let byIdentity = this.paths.get(path);
      if (!byIdentity) this.paths.set(path, (byIdentity = new Map()));
      for (let at = start; at < end; at += 1) {
        const id = renumber(who[at] as number, remap);
        const from = at === 0 ? 0 : (datedEnds[at - 1] as number);
        const to = datedEnds[at] as number;
        const times = from === to ? undefined : Array.from(dated.subarray(from, to));
        const here = byIdentity.get(id);
        if (!here) {
          byIdentity.set(id, newActivity(changes[at] as number, last[at] as number, times));
          continue;
        }
        here.changes += changes[at] as number;
        if ((last[at] as number) > here.last) here.last = last[at] as number;
        if (times) here.dated = [...(here.dated ?? []), ...times];
      }
      start = end;
    }
  }

  /**
   * The windowed figures, measured from the analysed commit's time. The weights are summed youngest
   * first whatever order the commits came in, so a pass extended from a cache sums exactly as a
   * fresh one does.
   */
  finish(referenceTime: number | undefined): void {
    for (const byIdentity of this.paths.values()) {
      for (const activity of byIdentity.values()) {
        activity.recent = 0;
        activity.windowChanges = 0;
        activity.weight = 0;
        activity.ownWeight = 0;
        if (!activity.dated || referenceTime === undefined) continue;
        activity.dated.sort((a, b) => b - a);
        for (const time of activity.dated) {
          const age = Math.max(0, referenceTime - time);
          if (age <= this.recentSeconds) activity.recent += 1;
          const days = Math.floor(age / DAY);
          if (days >= RECENCY_WINDOW_DAYS) continue;
          const weight = Math.exp(-days / RECENCY_DECAY_DAYS);
          activity.windowChanges += 1;
          activity.weight += weight;
          if (weight > activity.ownWeight) activity.ownWeight = weight;
        }
      }
    }
  }
}
