/** One file change of a commit, as `git log --name-status` reports it. */
export interface FileChange {
  /** A added, M modified, R renamed, D deleted, C copied, T type changed. */
  readonly status: 'A' | 'M' | 'R' | 'D' | 'C' | 'T';
  /** The path after the change. */
  readonly path: string;
  /** The source path of a rename or copy. */
  readonly oldPath?: string;
}

/** One commit of the history scan: who, when, and which files it changed (merges: none). */
export interface CommitRecord {
  readonly oid: string;
  /** Author name and email after `.mailmap` (`%aN`, `%aE`). */
  readonly authorName: string;
  readonly authorEmail: string;
  /** Seconds since the epoch. */
  readonly authorTime: number;
  readonly committerName: string;
  readonly committerEmail: string;
  readonly changes: readonly FileChange[];
}
