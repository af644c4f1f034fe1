import type { CommitRecord } from './commit-record.js';
import type { HistoryAnalysis } from './history-pass.js';

/**
 * Keeps the pass's commits (newest first), so analyses can be replayed over any part of the
 * history without another git process: a trend point is the analyses fed with the ancestors of
 * one commit (trend/compute-trend.ts). Registered only when a trend is asked for.
 *
 * The scan only appends: the explorer's first frame waits for the scan, and its trend is computed
 * after it. Each commit is kept as the parser made it (nothing else holds or changes it), and the
 * ids are indexed when a trend first asks: copying every commit with its paths interned, and
 * indexing it as it came, took 200–250 ms of the main thread during git/git's scan (docs/
 * performance.md, "The explorer's first frame, third round").
 */
export class FactStore implements HistoryAnalysis {
  readonly commits: CommitRecord[] = [];
  private index: Map<string, number> | undefined;

  /** Each stored commit's position in {@link commits}, by commit id; built on first use. */
  get indexOf(): ReadonlyMap<string, number> {
    if (this.index === undefined) {
      const index = new Map<string, number>();
      this.commits.forEach((commit, position) => index.set(commit.oid, position));
      this.index = index;
    }
    return this.index;
  }

  /** Appends the commits of a pass over older commits (src/cache/), after this pass's own. */
  append(older: readonly CommitRecord[]): void {
    for (const commit of older) this.commits.push(commit);
    this.index = undefined;
  }

  consume(commit: CommitRecord): void {
    this.commits.push(commit);
    this.index = undefined;
  }
}
