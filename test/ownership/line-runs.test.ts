import { describe, expect, it } from 'vitest';
import { applyHunks } from '../../src/ownership/apply-hunks.js';
import { seededRandom as random } from '../../fixtures/seeded-random.js';
import { applyHunksToRuns, expandRuns, newRuns, runsLength, runsOf } from '../../src/ownership/line-runs.js';

const arr = (...values: number[]) => Int32Array.from(values);

/** Random `-U0` hunks that fit a file of `length` lines, as git prints them. */
function randomHunks(next: () => number, length: number): number[] {
  const hunks: number[] = [];
  let from = 0; // 0-based old line where the next hunk may start
  let shift = 0; // new line index − old line index so far
  while (from <= length && next() < 0.7) {
    const start = from + Math.floor(next() * Math.min(8, length - from + 1));
    const removed = Math.floor(next() * Math.min(4, length - start + 1));
    const added = removed === 0 ? 1 + Math.floor(next() * 4) : Math.floor(next() * 4);
    // 1-based starts; an empty side names the line before the change.
    hunks.push(removed === 0 ? start : start + 1, removed, added === 0 ? start + shift : start + shift + 1, added);
    shift += added - removed;
    from = start + removed + 1;
  }
  return hunks;
}

describe('line runs', () => {
  it('round-trip per-line owners, joining equal neighbours', () => {
    const owners = arr(1, 1, 2, 2, 2, 1, 3);
    const runs = runsOf(owners);
    expect(Array.from(runs)).toEqual([1, 2, 2, 5, 1, 6, 3, 7]);
    expect(runsLength(runs)).toBe(7);
    expect(Array.from(expandRuns(runs))).toEqual(Array.from(owners));
    expect(Array.from(expandRuns(newRuns(3, 4)))).toEqual([4, 4, 4]);
    expect(runsLength(newRuns(0, 4))).toBe(0);
  });

  it('apply hunks exactly as on per-line owners, and join runs a removal brings together', () => {
    expect(Array.from(applyHunksToRuns(runsOf(arr(1, 2, 3, 4, 5)), [2, 2, 2, 1, 5, 0, 5, 2], 9) ?? [])).toEqual(Array.from(runsOf(arr(1, 9, 4, 5, 9, 9))));
    // Removing the only line of owner 2 leaves one run of owner 1.
    expect(Array.from(applyHunksToRuns(runsOf(arr(1, 1, 2, 1)), [3, 1, 2, 0], 9) ?? [])).toEqual([1, 3]);
    expect(applyHunksToRuns(runsOf(arr(1, 2)), [5, 1, 5, 1], 7)).toBeNull();
  });

  it('agree with applyHunks on random histories of hunks', () => {
    const next = random(7);
    for (let trial = 0; trial < 300; trial += 1) {
      let owners: Int32Array = Int32Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 3));
      let runs: Int32Array = runsOf(owners);
      for (let commit = 10; commit < 20; commit += 1) {
        const hunks = randomHunks(next, owners.length);
        const expected = applyHunks(owners, hunks, commit);
        const got = applyHunksToRuns(runs, hunks, commit);
        expect(expected).not.toBeNull();
        expect(Array.from(expandRuns(got as Int32Array))).toEqual(Array.from(expected as Int32Array));
        expect(Array.from(got as Int32Array)).toEqual(Array.from(runsOf(expected as Int32Array)));
        owners = expected as Int32Array;
        runs = got as Int32Array;
      }
    }
  });
});
