import type { CoAuthor, CommitRecord } from '../history/commit-record.js';

/** One distinct (name, email) pair as the history shows it, after `.mailmap`. */
export interface RawIdentity {
  readonly name: string;
  readonly email: string;
  /** Commits authored. */
  commits: number;
  /** Commits they are a credited co-author of (`--co-authors credit`). */
  coAuthored: number;
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
  private readonly index = new Map<string, number>();

  /** @param identities what an earlier pass interned (src/cache/): their indices stay. */
  constructor(readonly identities: RawIdentity[] = []) {
    identities.forEach((identity, id) => this.index.set(`${identity.name}\0${identity.email}`, id));
  }

  /** Records one commit; returns the identity index of who made it, or -1. */
  add(commit: CommitRecord): number {
    let name = commit.authorName;
    let email = commit.authorEmail;
    if (name === '' && email === '') {
      name = commit.committerName;
      email = commit.committerEmail;
    }
    if (name === '' && email === '') return -1;
    const id = this.intern(name, email, commit.authorTime);
    (this.identities[id] as RawIdentity).commits += 1;
    return id;
  }

  /**
   * Records a credited co-author of a commit (the caller ensures name or email is set): their
   * first and last times include the commits they co-authored.
   */
  addCoAuthor(coAuthor: CoAuthor, time: number | undefined): number {
    const id = this.intern(coAuthor.name, coAuthor.email, time);
    (this.identities[id] as RawIdentity).coAuthored += 1;
    return id;
  }

  /**
   * Records someone who ran the project on a commit or a tag (committer, releaser, reviewer;
   * docs/stewardship.md): interned like authors so the same merging applies, without counting a
   * commit or moving their commit dates. Returns -1 when neither name nor email is set.
   */
  addSteward(name: string, email: string): number {
    if (name === '' && email === '') return -1;
    return this.intern(name, email, undefined);
  }

  /**
   * Takes in an identity of an earlier pass over older commits (src/cache/): the same person
   * keeps one index, their counts add up. Returns the index it has here.
   */
  absorb(identity: RawIdentity): number {
    const id = this.intern(identity.name, identity.email, identity.firstTime);
    const here = this.identities[id] as RawIdentity;
    here.commits += identity.commits;
    here.coAuthored += identity.coAuthored;
    if (identity.lastTime !== undefined && (here.lastTime === undefined || identity.lastTime > here.lastTime)) here.lastTime = identity.lastTime;
    return id;
  }

  private intern(name: string, email: string, time: number | undefined): number {
    const key = `${name}\0${email}`;
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.identities.length;
      this.identities.push({ name, email, commits: 0, coAuthored: 0, firstTime: time, lastTime: time });
      this.index.set(key, id);
    }
    const identity = this.identities[id] as RawIdentity;
    if (time !== undefined) {
      if (identity.firstTime === undefined || time < identity.firstTime) identity.firstTime = time;
      if (identity.lastTime === undefined || time > identity.lastTime) identity.lastTime = time;
    }
    return id;
  }
}
