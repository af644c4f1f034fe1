import type { IdentityTable } from '../identity/identity-table.js';
import { isPlatformCommitter } from './platform-committers.js';
import type { CommitRecord } from './commit-record.js';
import type { HistoryAnalysis } from './history-pass.js';
import { EVENT_KINDS, StewardEvents, type EventKind } from './steward-events.js';

/** What {@link StewardshipCollector} holds after a pass: plain data, so the cache can store it. */
export interface StewardshipState {
  readonly events: Pick<StewardEvents, 'length' | 'kind' | 'actor' | 'author' | 'commit' | 'time'>;
  readonly unattributed: number;
  readonly commits: number;
  readonly committerIds: ReadonlyMap<string, number>;
}

/** A committer that is a hosting platform, not a person (platform-committers.ts). */
const PLATFORM = -2;

/**
 * The stewardship analysis of the history pass (docs/stewardship.md): who merges, who lands other
 * people's commits, who reviews and signs off, who changes the build and delivery files. It interns
 * committers and trailer people in the pass's identity table, so they are merged into people by
 * the same rule as authors; whether a committer or reviewer is the author is decided after that.
 */
export class StewardshipCollector implements HistoryAnalysis {
  readonly events: StewardEvents;
  /** Non-merge commits a platform's web interface committed (squash, rebase, web edit): who landed them is not recorded. */
  unattributed: number;
  private commits: number;
  private readonly committerIds: Map<string, number>;

  constructor(
    private readonly identities: IdentityTable,
    /** Whether a path is a build or delivery file (stewardship/build-files.ts). */
    private readonly isBuildFile: (path: string) => boolean,
    /** What an earlier pass left (src/cache/: a cached analysis restored), with its identity table. */
    saved?: StewardshipState,
  ) {
    this.events = saved ? Object.assign(new StewardEvents(), saved.events) : new StewardEvents();
    this.unattributed = saved?.unattributed ?? 0;
    this.commits = saved?.commits ?? 0;
    this.committerIds = saved ? new Map(saved.committerIds) : new Map();
  }

  /** Everything this analysis holds, for the cache. */
  state(): StewardshipState {
    const { length, kind, actor, author, commit, time } = this.events;
    const events = { length, kind: kind.slice(0, length), actor: actor.slice(0, length), author: author.slice(0, length), commit: commit.slice(0, length), time: time.slice(0, length) };
    return { events, unattributed: this.unattributed, commits: this.commits, committerIds: this.committerIds };
  }

  /**
   * Adds the events of a pass over older commits (src/cache/) after this pass's own, as one pass
   * over all the commits would have recorded them: identities renumbered, commit positions moved
   * past this pass's commits.
   */
  absorb(older: StewardshipState, remap: Int32Array): void {
    const renumber = (id: number) => (id < 0 ? id : (remap[id] as number));
    this.events.append(older.events, renumber, this.commits);
    this.unattributed += older.unattributed;
    this.commits += older.commits;
    for (const [key, id] of older.committerIds) if (!this.committerIds.has(key)) this.committerIds.set(key, renumber(id));
  }

  consume(commit: CommitRecord, credited: readonly number[]): void {
    const sequence = this.commits;
    this.commits += 1;
    const author = credited[0];
    if (author === undefined) return; // no identity at all: skipped, as for authorship
    const time = commit.committerTime ?? commit.authorTime;
    const merge = commit.parents.length > 1;
    const committer = this.committer(commit);
    if (committer === PLATFORM) {
      // GitHub's merge button makes the presser the merge's author; a squash, a rebase or a web
      // edit it committed keeps the author and records nobody else.
      if (merge) this.events.push('merge', author, author, sequence, time);
      else this.unattributed += 1;
    } else {
      if (merge) this.events.push('merge', committer < 0 ? author : committer, author, sequence, time);
      else if (committer >= 0 && committer !== author) this.events.push('landed', committer, author, sequence, time);
    }
    for (const trailer of commit.reviewers) {
      const reviewer = this.identities.addSteward(trailer.name, trailer.email);
      this.events.push(trailer.kind, reviewer, author, sequence, time);
    }
    if (commit.changes.some((change) => this.isBuildFile(change.path) || (change.oldPath !== undefined && this.isBuildFile(change.oldPath)))) {
      for (const who of credited) this.events.push('build', who, -1, sequence, commit.authorTime);
    }
  }

  /** The committer's raw identity; -1 when the commit names none, PLATFORM for a hosting platform. */
  private committer(commit: CommitRecord): number {
    const key = `${commit.committerName}\0${commit.committerEmail}`;
    let id = this.committerIds.get(key);
    if (id === undefined) {
      id = isPlatformCommitter(commit.committerName, commit.committerEmail) ? PLATFORM : this.identities.addSteward(commit.committerName, commit.committerEmail);
      this.committerIds.set(key, id);
    }
    return id;
  }
}
