/**
 * Line-owner arithmetic of the replay (ALGORITHMS.md §5). Owners are commit indices, one per line;
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
  const length = newLength(old.length, hunks);
  if (length < 0) return null;
  const next = new Int32Array(length);
  let from = 0;
  let to = 0;
  for (let h = 0; h < hunks.length; h += 4) {
    const start = hunkStart(hunks[h] as number, hunks[h + 1] as number);
    const removed = hunks[h + 1] as number;
    const added = hunks[h + 3] as number;
    if (start < from || start + removed > old.length) return null;
    next.set(old.subarray(from, start), to);
    to += start - from;
    next.fill(owner, to, to + added);
    to += added;
    from = start + removed;
  }
  next.set(old.subarray(from), to);
  return to + (old.length - from) === length ? next : null;
}

/** A new file: every line owned by `owner`. */
export function newLines(count: number, owner: number): Int32Array {
  return new Int32Array(count).fill(owner);
}

/** Total lines on the new side implied by hunks against an old file of `oldLength` lines. */
export function newLength(oldLength: number, hunks: readonly number[]): number {
  let length = oldLength;
  for (let h = 0; h < hunks.length; h += 4) length += (hunks[h + 3] as number) - (hunks[h + 1] as number);
  return length;
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
