import { describe, expect, it } from 'vitest';
import { applyHunks, fittedLength, passToParents } from '../../src/ownership/apply-hunks.js';

const arr = (...values: number[]) => Int32Array.from(values);

describe('applyHunks', () => {
  it('keeps old lines, drops removed ones, inserts new ones owned by the commit', () => {
    // Old: 5 lines owned by 1..5. Hunk -2,2 +2,1 replaces lines 2-3 by one line; +5,2 after old 5.
    const next = applyHunks(arr(1, 2, 3, 4, 5), [2, 2, 2, 1, 5, 0, 5, 2], 9);
    expect(Array.from(next ?? [])).toEqual([1, 9, 4, 5, 9, 9]);
  });

  it('inserts at the start (old start 0) and deletes at the end', () => {
    expect(Array.from(applyHunks(arr(1, 2), [0, 0, 1, 1], 7) ?? [])).toEqual([7, 1, 2]);
    expect(Array.from(applyHunks(arr(1, 2, 3), [3, 1, 2, 0], 7) ?? [])).toEqual([1, 2]);
  });

  it('returns null when a hunk does not fit the old file', () => {
    expect(applyHunks(arr(1, 2), [5, 1, 5, 1], 7)).toBeNull();
    expect(fittedLength(2, [1, 1, 1, 3])).toBe(4);
  });

  it('rejects hunks that outrun the old file before copying anything (chef/chef: a RangeError before)', () => {
    // The first five hunks of chef/spec/unit/couchdb_spec.rb at 698d36b2, diffed by git from a
    // 341-line blob while the state held 331 lines. The fourth hunk removes lines 329-337 of 331,
    // and the new side (264 lines) is too short for the third hunk's copy, which used to throw
    // "offset is out of bounds" from Int32Array.set.
    const hunks = [209, 17, 209, 1, 264, 6, 247, 0, 290, 38, 267, 0, 329, 9, 269, 3, 339, 1, 272, 0];
    expect(fittedLength(331, hunks)).toBe(-1);
    expect(applyHunks(new Int32Array(331), hunks, 5)).toBeNull();
    // Against 341 lines the same hunks fit: 341 + (1-17) + (0-6) + (0-38) + (3-9) + (0-1).
    expect(fittedLength(341, hunks)).toBe(274);
    // Out of order, overlapping, negative or NaN counts never fit.
    expect(fittedLength(10, [5, 1, 5, 1, 2, 1, 2, 1])).toBe(-1);
    expect(fittedLength(10, [5, -1, 5, 1])).toBe(-1);
    expect(fittedLength(10, [Number.NaN, 1, 5, 1])).toBe(-1);
    expect(fittedLength(10, [0, 1, 1, 1])).toBe(-1); // old start 0 with lines removed: no such line
  });
});

describe('passToParents (git blame rule for merges)', () => {
  it('gives each line to the first parent where it is unchanged, the rest to the merge', () => {
    // Result has 4 lines. Parent 1 (owners 1,1) lacks result lines 3-4: hunk -2,0 +3,2.
    // Parent 2 (owners 2,2,2) lacks result line 2 only: hunk -1,0 +2,1 … and has line 4? Its
    // lines map to result 1, 3, 4.
    const result = passToParents(4, [
      { owners: arr(11, 12), hunks: [2, 0, 3, 2] },
      { owners: arr(21, 22, 23), hunks: [1, 0, 2, 1] },
    ], 99);
    expect(Array.from(result ?? [])).toEqual([11, 12, 22, 23]);
  });

  it('leaves lines new to every parent with the merge', () => {
    const result = passToParents(3, [{ owners: arr(1, 2), hunks: [1, 0, 2, 1] }], 99);
    expect(Array.from(result ?? [])).toEqual([1, 99, 2]);
  });
});
