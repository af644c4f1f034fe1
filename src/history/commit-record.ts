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
  /**
   * Seconds since the epoch; undefined when the commit's date is missing or out of range (a forged
   * or damaged commit: `99999999999999999999 +0000`), see {@link parseEpochSeconds}.
   */
  readonly authorTime: number | undefined;
  readonly committerName: string;
  readonly committerEmail: string;
  readonly committerTime: number | undefined;
  readonly changes: readonly FileChange[];
}
