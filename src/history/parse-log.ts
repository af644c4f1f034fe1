import type { CoAuthor, CommitRecord, FileChange, ReviewKind, ReviewTrailer } from './commit-record.js';
import { COMMIT_START, LOG_FIELD_COUNT, TRAILER_SEPARATOR } from './log-format.js';

type Status = FileChange['status'];

/** The last second JavaScript dates can hold (year 275760): later times cannot be reported. */
const LATEST_SECOND = 8.64e12;

/**
 * A `%at` / `%ct` field: whole seconds since the epoch. git prints what the commit says, so a forged
 * or damaged commit gives an empty field (negative dates) or a number past any calendar
 * (`99999999999999999999`): those are unknown, not clamped to a date that never was.
 */
export function parseEpochSeconds(text: string): number | undefined {
  if (!/^[0-9]{1,13}$/.test(text)) return undefined;
  const seconds = Number(text);
  return seconds <= LATEST_SECOND ? seconds : undefined;
}

/** A trailer value `Name <email>`; a value without an email is kept as a name (`Name`). */
const PERSON = /^(.*?)\s*<([^<>]*)>\s*$/;

/** A trailer key, lower-cased, → what it records. */
const REVIEW_KINDS: ReadonlyMap<string, ReviewKind> = new Map([
  ['reviewed-by', 'reviewed'],
  ['acked-by', 'acked'],
  ['tested-by', 'tested'],
  ['signed-off-by', 'signedOff'],
]);

/** The people of the trailers field: co-authors, and the review and sign-off trailers. */
export interface TrailerPeople {
  readonly coAuthors: CoAuthor[];
  readonly reviewers: ReviewTrailer[];
}

const NO_TRAILERS: TrailerPeople = Object.freeze({ coAuthors: [], reviewers: [] }) as TrailerPeople;

/**
 * The trailers field (`Key: value`, separated by 0x1F): every distinct co-author, and every
 * distinct (kind, person) of the review trailers, in trailer order. A value naming nobody is dropped.
 */
export function parseTrailers(field: string): TrailerPeople {
  if (field === '') return NO_TRAILERS;
  const seen = new Set<string>();
  const coAuthors: CoAuthor[] = [];
  const reviewers: ReviewTrailer[] = [];
  for (const trailer of field.split(TRAILER_SEPARATOR)) {
    const colon = trailer.indexOf(':');
    if (colon < 0) continue;
    const key = trailer.slice(0, colon).trim().toLowerCase();
    const value = trailer.slice(colon + 1).trim();
    const match = PERSON.exec(value);
    const name = (match ? (match[1] as string) : value).trim();
    const email = match ? (match[2] as string).trim() : '';
    if (name === '' && email === '') continue;
    const kind = key === 'co-authored-by' ? 'coAuthor' : REVIEW_KINDS.get(key);
    if (kind === undefined) continue;
    const dedupe = `${kind}\0${name}\0${email}`.toLowerCase();
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    if (kind === 'coAuthor') coAuthors.push({ name, email });
    else reviewers.push({ kind, name, email });
  }
  return { coAuthors, reviewers };
}

const TWO_PATH_STATUSES = new Set(['R', 'C']);

/**
 * Folds the NUL-separated tokens of `git log -z --name-status --format=LOG_FORMAT` into commits.
 * Token layout per commit: `\x01<oid>`, the other header fields, then per change a status token
 * (`M`, `R087`, …; the first one prefixed by `\n`) followed by one path, or two for R and C.
 * Tokens may arrive in any batching; a commit is emitted once the next one starts (or at `end`).
 */
export class LogParser {
  private header: string[] = [];
  private changes: FileChange[] = [];
  private pendingStatus: Status | undefined;
  private pendingOldPath: string | undefined;
  private pathsWanted = 0;
  private inCommit = false;

  push(tokens: readonly Buffer[]): CommitRecord[] {
    const done: CommitRecord[] = [];
    for (const token of tokens) {
      if (this.header.length < LOG_FIELD_COUNT && this.inCommit) {
        this.header.push(token.toString('utf8'));
      } else if (this.pathsWanted > 0) {
        this.takePath(token.toString('utf8'));
      } else if (token[0] === COMMIT_START) {
        if (this.inCommit) done.push(this.finish());
        this.inCommit = true;
        this.header.push(token.toString('utf8', 1));
      } else if (this.inCommit) {
        this.takeStatus(token);
      }
      // Anything before the first commit start (nothing, in practice) is ignored.
    }
    return done;
  }

  /** Emits the last commit. */
  end(): CommitRecord[] {
    return this.inCommit && this.header.length === LOG_FIELD_COUNT ? [this.finish()] : [];
  }

  /**
   * The commit being read when git died on a missing object. git computes a commit's whole diff
   * (rename detection included, which is what reads blobs) before printing any of it (log-tree.c:
   * diffcore_std, then the header, then the changes), so a commit whose header arrived was printed
   * completely: it is innocent, and the failing commit is the next one.
   */
  completedBeforeFailure(): CommitRecord[] {
    return this.end();
  }

  private takeStatus(token: Buffer): void {
    const text = token.toString('latin1').replace(/^\n/, '');
    if (text.length === 0) return;
    const letter = text[0] as string;
    if (!'AMRDCT'.includes(letter)) {
      // U (unmerged) / X (unknown) never appear in log output, nor should a letter a future git
      // adds: skipped, as one-path statuses, so the stream stays in step.
      this.pendingStatus = undefined;
      this.pathsWanted = 1;
      return;
    }
    this.pendingStatus = letter as Status;
    this.pathsWanted = TWO_PATH_STATUSES.has(letter) ? 2 : 1;
  }

  private takePath(path: string): void {
    this.pathsWanted -= 1;
    if (this.pathsWanted === 1) {
      this.pendingOldPath = path;
      return;
    }
    if (this.pendingStatus !== undefined) {
      this.changes.push(this.pendingOldPath === undefined ? { status: this.pendingStatus, path } : { status: this.pendingStatus, path, oldPath: this.pendingOldPath });
    }
    this.pendingStatus = undefined;
    this.pendingOldPath = undefined;
  }

  private finish(): CommitRecord {
    const [oid = '', authorName = '', authorEmail = '', authorTime = '', committerName = '', committerEmail = '', committerTime = '', parents = '', trailers = ''] = this.header;
    const { coAuthors, reviewers } = parseTrailers(trailers);
    const record: CommitRecord = {
      oid,
      authorName,
      authorEmail,
      authorTime: parseEpochSeconds(authorTime),
      committerName,
      committerEmail,
      committerTime: parseEpochSeconds(committerTime),
      parents: parents === '' ? [] : parents.split(' '),
      coAuthors,
      reviewers,
      changes: this.changes,
    };
    this.header = [];
    this.changes = [];
    this.pathsWanted = 0;
    this.pendingStatus = undefined;
    this.pendingOldPath = undefined;
    return record;
  }
}
