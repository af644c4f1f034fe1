import { IdentityTable } from '../identity/identity-table.js';
import type { CommitRecord } from './commit-record.js';

/**
 * `--co-authors` (docs/algorithms.md, "Co-authors"): `ignore` credits a commit's changes to its
 * author only, as the published AVL model does; `credit` credits every `Co-authored-by:` person too.
 */
export type CoAuthorPolicy = 'ignore' | 'credit';

/**
 * One analysis fed by the history pass (docs/architecture.md, "One pass, many analyses"): it sees
 * every commit once, newest first, with the identities credited with its changes (the author, and
 * the co-authors under `credit`; empty for a commit without any identity) and the reference time,
 * the analysed commit's committer time, which dated analyses measure ages from.
 */
export interface HistoryAnalysis {
  consume(commit: CommitRecord, credited: readonly number[], referenceTime: number | undefined): void;
  /** Called once every commit is consumed: figures measured from the reference time are computed here. */
  finish?(referenceTime: number | undefined): void;
}

export interface HistoryPassOptions {
  readonly coAuthors: CoAuthorPolicy;
  /** The table to intern identities in, when an analysis interns people too (stewardship: committers, reviewers). */
  readonly identities?: IdentityTable;
  /** When given, filled with commit id → author identity (line ownership blames lines on it). */
  readonly authorOf?: Map<string, number>;
  /**
   * The commit ages are measured from. By default the first commit consumed, which is the analysed
   * commit (git log starts there); a replay of stored commits for a trend point names its own.
   */
  readonly reference?: CommitRecord;
}

/** The pass's own counts, for the cache (src/cache/): a later pass over newer commits adds to them. */
export interface PassCounts {
  readonly commits: number;
  readonly undatedCommits: number;
  readonly anonymousCommits: number;
  readonly anonymousPaths: ReadonlySet<string>;
  readonly coAuthoredCommits: number;
}

/**
 * The one pass over the history: interns identities and hands every commit to the registered
 * analyses (AVL lineage, dated activity, stored facts for a trend). Counts what it could not use.
 */
export class HistoryPass {
  readonly identities: IdentityTable;
  commits = 0;
  /** Commits whose author date is missing or out of range (CommitRecord.authorTime). */
  undatedCommits = 0;
  /** Commits with neither author nor committer name or email: skipped, as the reference does. */
  anonymousCommits = 0;
  /** Paths such commits added, changed or renamed to: their files may have no other history. */
  readonly anonymousPaths = new Set<string>();
  /** Commits with at least one `Co-authored-by:` trailer. */
  coAuthoredCommits = 0;
  /** The commit ages are measured from: the analysed commit (see {@link HistoryPassOptions.reference}). */
  reference: CommitRecord | undefined;

  constructor(
    readonly analyses: readonly HistoryAnalysis[],
    private readonly options: HistoryPassOptions,
  ) {
    this.reference = options.reference;
    this.identities = options.identities ?? new IdentityTable();
  }

  /** The counts so far (the cache stores them with the analyses' states). */
  counts(): PassCounts {
    const { commits, undatedCommits, anonymousCommits, anonymousPaths, coAuthoredCommits } = this;
    return { commits, undatedCommits, anonymousCommits, anonymousPaths, coAuthoredCommits };
  }

  /** Adds the counts of another pass (src/cache/: a restored one, or one over older commits). */
  addCounts(counts: PassCounts): void {
    this.commits += counts.commits;
    this.undatedCommits += counts.undatedCommits;
    this.anonymousCommits += counts.anonymousCommits;
    for (const path of counts.anonymousPaths) this.anonymousPaths.add(path);
    this.coAuthoredCommits += counts.coAuthoredCommits;
  }

  /** The analysed commit's committer time (its author time if that is unusable). */
  get referenceTime(): number | undefined {
    return this.reference?.committerTime ?? this.reference?.authorTime;
  }

  /** The analysed commit's author time (its committer time if that is unusable): `headTime`. */
  get headTime(): number | undefined {
    return this.reference?.authorTime ?? this.reference?.committerTime;
  }

  /** Ends the pass: every analysis computes what it measures from the reference time. */
  finish(): void {
    for (const analysis of this.analyses) analysis.finish?.(this.referenceTime);
  }

  readonly consume = (commit: CommitRecord): void => {
    this.reference ??= commit;
    this.commits += 1;
    const who = this.identities.add(commit);
    this.options.authorOf?.set(commit.oid, who);
    if (commit.authorTime === undefined) this.undatedCommits += 1;
    if (commit.coAuthors.length > 0) this.coAuthoredCommits += 1;
    let credited: number[] = [];
    if (who < 0) {
      // The reference skips commits with no author or committer information at all.
      this.anonymousCommits += 1;
      for (const change of commit.changes) if (change.status === 'A' || change.status === 'M' || change.status === 'R') this.anonymousPaths.add(change.path);
    } else {
      credited = [who];
      if (this.options.coAuthors === 'credit') {
        for (const coAuthor of commit.coAuthors) {
          const id = this.identities.addCoAuthor(coAuthor, commit.authorTime);
          if (!credited.includes(id)) credited.push(id);
        }
      }
    }
    const referenceTime = this.referenceTime;
    for (const analysis of this.analyses) analysis.consume(commit, credited, referenceTime);
  };
}
