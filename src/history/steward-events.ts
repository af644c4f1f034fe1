/**
 * What the stewardship lens counts (docs/stewardship.md), one entry per event of the history pass:
 * - `merge`: a merge commit, credited to whoever made it;
 * - `landed`: a commit committed by someone other than its author (a patch applied, a pull request
 *   rebased or squashed by a maintainer) — whether they are one person is decided after identities
 *   are merged;
 * - `reviewed`, `acked`, `tested`, `signedOff`: a review or sign-off trailer (again only when from
 *   someone other than the author, decided after merging);
 * - `build`: a commit changing a build or delivery file, once per credited identity.
 */
export const EVENT_KINDS = ['merge', 'landed', 'reviewed', 'acked', 'tested', 'signedOff', 'build'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

const INITIAL_CAPACITY = 1024;

/**
 * The events as columns of typed arrays (git/git has ~250k of them: one object each would cost
 * ten times the memory). Times are seconds since the epoch, NaN when the commit has no usable date.
 * The events of one commit are contiguous: a pass pushes them together, a cached pass is appended whole.
 */
export class StewardEvents {
  length = 0;
  kind = new Uint8Array(INITIAL_CAPACITY);
  /** Raw identity of who did it. */
  actor = new Int32Array(INITIAL_CAPACITY);
  /** Raw identity of the commit's author (-1 for build events). */
  author = new Int32Array(INITIAL_CAPACITY);
  /** The commit's position in the pass: review trailers of one commit by one person count once. */
  commit = new Int32Array(INITIAL_CAPACITY);
  time = new Float64Array(INITIAL_CAPACITY);

  push(kind: EventKind, actor: number, author: number, commit: number, time: number | undefined): void {
    if (this.length === this.kind.length) this.grow();
    const i = this.length;
    this.kind[i] = EVENT_KINDS.indexOf(kind);
    this.actor[i] = actor;
    this.author[i] = author;
    this.commit[i] = commit;
    this.time[i] = time ?? Number.NaN;
    this.length += 1;
  }

  /**
   * Appends the events of a pass over older commits (src/cache/): identities through `renumber`,
   * commit positions moved by `commitOffset`.
   */
  append(older: Pick<StewardEvents, 'length' | 'kind' | 'actor' | 'author' | 'commit' | 'time'>, renumber: (id: number) => number, commitOffset: number): void {
    const at = this.length;
    while (this.kind.length < at + older.length) this.grow();
    this.kind.set(older.kind.subarray(0, older.length), at);
    this.time.set(older.time.subarray(0, older.length), at);
    for (let i = 0; i < older.length; i += 1) {
      this.actor[at + i] = renumber(older.actor[i] as number);
      this.author[at + i] = renumber(older.author[i] as number);
      this.commit[at + i] = (older.commit[i] as number) + commitOffset;
    }
    this.length += older.length;
  }

  kindAt(i: number): EventKind {
    return EVENT_KINDS[this.kind[i] as number] as EventKind;
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const widen = <T extends Uint8Array | Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.kind = widen(this.kind, (n) => new Uint8Array(n));
    this.actor = widen(this.actor, (n) => new Int32Array(n));
    this.author = widen(this.author, (n) => new Int32Array(n));
    this.commit = widen(this.commit, (n) => new Int32Array(n));
    this.time = widen(this.time, (n) => new Float64Array(n));
  }
}
