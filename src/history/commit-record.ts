/** One file change of a commit, as `git log --name-status` reports it. */
export interface FileChange {
  /** A added, M modified, R renamed, D deleted, C copied, T type changed. */
  readonly status: 'A' | 'M' | 'R' | 'D' | 'C' | 'T';
  /** The path after the change. */
  readonly path: string;
  /** The source path of a rename or copy. */
  readonly oldPath?: string;
}

/** One `Co-authored-by: Name <email>` trailer. */
export interface CoAuthor {
  readonly name: string;
  readonly email: string;
}

/** The review trailers (docs/stewardship.md, "Review"), by the key they were written with. */
export type ReviewKind = 'reviewed' | 'acked' | 'tested' | 'signedOff';

/** One person named in a `Reviewed-by:`, `Acked-by:`, `Tested-by:` or `Signed-off-by:` trailer. */
export interface ReviewTrailer {
  readonly kind: ReviewKind;
  readonly name: string;
  readonly email: string;
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
  /** Full ids of the parents (none for a root commit, two or more for a merge). */
  readonly parents: readonly string[];
  /** The people of its `Co-authored-by:` trailers, as written (no `.mailmap` applies to trailers). */
  readonly coAuthors: readonly CoAuthor[];
  /** The people of its review and sign-off trailers, as written, in trailer order (one per person and kind). */
  readonly reviewers: readonly ReviewTrailer[];
  readonly changes: readonly FileChange[];
}
