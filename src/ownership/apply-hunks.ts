/**
 * Line-owner arithmetic of the replay (docs/line-ownership.md). Owners are commit indices, one per line;
 * arrays are never mutated once built, so parents and children share them freely.
 *
 * Hunks are `-U0` quadruples (old start, old count, new start, new count) as git prints them:
 * 1-based, and for an empty side the start is the line *before* the change (0 = file start).
 */

/** Sentinel for a line no parent explains (it goes to the commit itself). */
const UNASSIGNED = -1;

/** 0-based index of the first line a hunk touches on one side, from that side's start and count. */
export function hunkStart(start: number, count: number): number {
  return count === 0 ? start : start - 1;
}

/**
 * A non-merge commit: keep old lines outside the hunks, drop the removed ones, insert the new ones
 * owned by `owner`. Returns null when the hunks do not fit the old array (a parse or state error:
 * the caller falls back to `git blame` for that file).
 */
export function applyHunks(old: Int32Array, hunks: readonly number[], owner: number): Int32Array | null {
  const length = fittedLength(old.length, hunks);
  if (length < 0) return null;
  const next = new Int32Array(length);
  let from = 0;
  let to = 0;
  for (let h = 0; h < hunks.length; h += 4) {
    const start = hunkStart(hunks[h] as number, hunks[h + 1] as number);
    next.set(old.subarray(from, start), to);
    to += start - from;
    const added = hunks[h + 3] as number;
    next.fill(owner, to, to + added);
    to += added;
    from = start + (hunks[h + 1] as number);
  }
  next.set(old.subarray(from), to);
  return next;
}

/**
 * The new side's line count when the hunks fit an old file of `oldLength` lines — in order, not
 * overlapping, within the file — else -1. Checked before anything is copied: hunks that do not fit
 * mean the state is not the blob git diffed, and must never be half applied.
 */
export function fittedLength(oldLength: number, hunks: readonly number[]): number {
  if (hunks.length % 4 !== 0) return -1;
  let from = 0;
  let length = oldLength;
  for (let h = 0; h < hunks.length; h += 4) {
    const removed = hunks[h + 1] as number;
    const added = hunks[h + 3] as number;
    const start = hunkStart(hunks[h] as number, removed);
    if (!(start >= from && removed >= 0 && added >= 0 && start + removed <= oldLength)) return -1;
    from = start + removed;
    length += added - removed;
  }
  return length;
}

/** A new file: every line owned by `owner`. */
export function newLines(count: number, owner: number): Int32Array {
  return new Int32Array(count).fill(owner);
}

/** One parent's view of a merge result: its line owners and the diff from it to the result. */
export interface ParentLines {
  readonly owners: Int32Array;
  readonly hunks: readonly number[];
}

/**
 * `git blame`'s rule for a file a merge changed (blame.c pass_blame): parents in order each take
 * the still-unexplained lines that are unchanged between them and the result; lines new to every
 * parent go to the merge (`owner`). `resultLength` is the merge's line count. Returns null when a
 * diff does not fit.
 */
export function passToParents(resultLength: number, parents: readonly ParentLines[], owner: number): Int32Array | null {
  const result = new Int32Array(resultLength).fill(UNASSIGNED);
  for (const parent of parents) {
    // Walk the unchanged stretches between hunks: result line r ↔ parent line p.
    let p = 0;
    let r = 0;
    const take = (until: number): boolean => {
      // Copy parent owners for result lines [r, until) — unchanged lines, same count on both sides.
      const count = until - r;
      if (count < 0 || p + count > parent.owners.length) return false;
      for (let i = 0; i < count; i += 1) {
        if (result[r + i] === UNASSIGNED) result[r + i] = parent.owners[p + i] as number;
      }
      p += count;
      r = until;
      return true;
    };
    for (let h = 0; h < parent.hunks.length; h += 4) {
      const removed = parent.hunks[h + 1] as number;
      const added = parent.hunks[h + 3] as number;
      const resultStart = hunkStart(parent.hunks[h + 2] as number, added);
      if (!take(resultStart)) return null;
      p += removed;
      r += added;
    }
    if (!take(resultLength) || p !== parent.owners.length) return null;
  }
  for (let i = 0; i < resultLength; i += 1) if (result[i] === UNASSIGNED) result[i] = owner;
  return result;
}
