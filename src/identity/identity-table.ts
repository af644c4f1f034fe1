import type { CommitRecord } from '../history/commit-record.js';

/** One distinct (name, email) pair as the history shows it, after `.mailmap`. */
export interface RawIdentity {
  readonly name: string;
  readonly email: string;
  commits: number;
  /** Seconds since the epoch (author time) of the first and last dated commit; undefined if none is. */
  firstTime: number | undefined;
  lastTime: number | undefined;
}

/**
 * Interns the people of the history scan into small integers, so per-file statistics store numbers,
 * not strings. Author fields are used; the committer's only when both author name and email are
 * empty (docs/algorithms.md §1, as the reference's `getUserSource`). Commits without any identity get
 * -1 and are skipped, as the reference skips them.
 */
export class IdentityTable {
  readonly identities: RawIdentity[] = [];
  private readonly index = new Map<string, number>();

  /** Records one commit; returns the identity index of who made it, or -1. */
  add(commit: CommitRecord): number {
    let name = commit.authorName;
    let email = commit.authorEmail;
    if (name === '' && email === '') {
      name = commit.committerName;
      email = commit.committerEmail;
    }
    if (name === '' && email === '') return -1;
    const key = `${name}\0${email}`;
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.identities.length;
      this.identities.push({ name, email, commits: 0, firstTime: commit.authorTime, lastTime: commit.authorTime });
      this.index.set(key, id);
    }
    const identity = this.identities[id] as RawIdentity;
    identity.commits += 1;
    const time = commit.authorTime;
    if (time !== undefined) {
      if (identity.firstTime === undefined || time < identity.firstTime) identity.firstTime = time;
      if (identity.lastTime === undefined || time > identity.lastTime) identity.lastTime = time;
    }
    return id;
  }
}
