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
}

/**
 * Dated per-person-per-file activity, the second analysis of the history pass (docs/algorithms.md
 * §3): what the recency model weighs and what successors are ranked by. Ages are measured from the
 * reference time (the analysed commit's committer time), never from the clock, so a rerun at the
 * same commit gives the same answer. A change dated after the reference time (clock skew, a rebase)
 * counts as made on it (0 days).
 */
export class ActivityCollector implements HistoryAnalysis {
  readonly paths = new Map<string, Map<number, PathActivity>>();

  /** @param recentSeconds the recent window: changes this young count in `recent`. */
  constructor(private readonly recentSeconds: number) {}

  consume(commit: CommitRecord, credited: readonly number[], referenceTime: number | undefined): void {
    if (credited.length === 0) return;
    const time = commit.authorTime;
    let recent = 0;
    let weight = 0;
    if (time !== undefined && referenceTime !== undefined) {
      const age = Math.max(0, referenceTime - time);
      recent = age <= this.recentSeconds ? 1 : 0;
      const days = Math.floor(age / DAY);
      weight = days < RECENCY_WINDOW_DAYS ? Math.exp(-days / RECENCY_DECAY_DAYS) : 0;
    }
    for (const change of commit.changes) {
      if (change.status !== 'A' && change.status !== 'M' && change.status !== 'R') continue;
      let byIdentity = this.paths.get(change.path);
      if (!byIdentity) this.paths.set(change.path, (byIdentity = new Map()));
      for (const who of credited) {
        let activity = byIdentity.get(who);
        if (!activity) byIdentity.set(who, (activity = { changes: 0, recent: 0, last: 0, windowChanges: 0, weight: 0, ownWeight: 0 }));
        activity.changes += 1;
        activity.recent += recent;
        if (time !== undefined && time > activity.last) activity.last = time;
        if (weight > 0) activity.windowChanges += 1;
        activity.weight += weight;
        if (weight > activity.ownWeight) activity.ownWeight = weight;
      }
    }
  }
}
