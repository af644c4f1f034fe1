import type { CommitRecord } from './commit-record.js';
import type { HistoryAnalysis } from './history-pass.js';

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
 * Dated per-person-per-file activity, the second analysis of the history pass (docs/algorithms.md
 * §3): what the recency model weighs and what successors are ranked by. Ages are measured from the
 * reference time (the analysed commit's committer time), never from the clock, so a rerun at the
 * same commit gives the same answer. A change dated after the reference time (clock skew, a rebase)
 * counts as made on it (0 days).
 */
export class ActivityCollector implements HistoryAnalysis {
  /** How old a change may be, at the pass's reference time, and still be kept in `dated`. */
  private readonly keepSeconds: number;

  /**
   * @param recentSeconds the recent window: changes this young count in `recent`.
   * @param paths what an earlier pass left (src/cache/: a cached analysis restored).
   */
  constructor(
    private readonly recentSeconds: number,
    readonly paths = new Map<string, Map<number, PathActivity>>(),
  ) {
    this.keepSeconds = Math.max(recentSeconds, RECENCY_WINDOW_DAYS * DAY);
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
        if (!activity) byIdentity.set(who, (activity = { changes: 0, recent: 0, last: 0, windowChanges: 0, weight: 0, ownWeight: 0, dated: undefined }));
        activity.changes += 1;
        if (time !== undefined && time > activity.last) activity.last = time;
        if (keep) (activity.dated ??= []).push(time);
      }
    }
  }

  /** Adds what a pass over older commits found (src/cache/), as {@link LineageCollector.absorb}. */
  absorb(older: ReadonlyMap<string, ReadonlyMap<number, PathActivity>>, remap: Int32Array): void {
    for (const [path, old] of older) {
      let byIdentity = this.paths.get(path);
      if (!byIdentity) this.paths.set(path, (byIdentity = new Map()));
      for (const [who, activity] of old) {
        const id = remap[who] as number;
        const here = byIdentity.get(id);
        if (!here) {
          byIdentity.set(id, { ...activity, dated: activity.dated ? [...activity.dated] : undefined });
          continue;
        }
        here.changes += activity.changes;
        if (activity.last > here.last) here.last = activity.last;
        if (activity.dated) here.dated = [...(here.dated ?? []), ...activity.dated];
      }
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
