import type { CommitRecord, FileChange } from './commit-record.js';
import type { HistoryAnalysis } from './history-pass.js';

/**
 * Keeps the pass's commits (newest first), so analyses can be replayed over any part of the
 * history without another git process: a trend point is the analyses fed with the ancestors of
 * one commit (trend/compute-trend.ts). Paths are interned: a path changed a thousand times is held
 * once. Registered only when a trend is asked for.
 */
export class FactStore implements HistoryAnalysis {
  readonly commits: CommitRecord[] = [];
  readonly indexOf = new Map<string, number>();
  private readonly paths = new Map<string, string>();

  /** Appends the commits of a pass over older commits (src/cache/), after this pass's own. */
  append(older: readonly CommitRecord[]): void {
    for (const commit of older) {
      this.indexOf.set(commit.oid, this.commits.length);
      this.commits.push(commit);
    }
  }

  consume(commit: CommitRecord): void {
    this.indexOf.set(commit.oid, this.commits.length);
    this.commits.push({ ...commit, changes: commit.changes.map((change) => this.intern(change)) });
  }

  private intern(change: FileChange): FileChange {
    const path = this.shared(change.path);
    return change.oldPath === undefined ? { status: change.status, path } : { status: change.status, path, oldPath: this.shared(change.oldPath) };
  }

  private shared(path: string): string {
    const known = this.paths.get(path);
    if (known !== undefined) return known;
    this.paths.set(path, path);
    return path;
  }
}
