import { describe, expect, it } from 'vitest';
import { greedyTruckFactor } from '../../src/bus-factor/greedy-truck-factor.js';

const byIndex = (a: number, b: number) => a - b;

describe('greedyTruckFactor', () => {
  it('removes the person with most files until coverage drops below one half', () => {
    // Files: 0..5. Person 0 authors 0,1,2; person 1 authors 2,3; person 2 authors 4.
    // Start: covered 5/6 = 0.83 → remove 0 (3 files) → covered {2,3,4} = 0.5 → keep going
    // → remove 1 (2 files) → covered {4} = 0.17 < 0.5 → stop. Bus factor 2.
    const result = greedyTruckFactor({ fileAuthors: [[0], [0], [0, 1], [1], [2], []], tieBreak: byIndex });
    expect(result.busFactor).toBe(2);
    expect(result.keyPeople).toEqual([
      { person: 0, files: 3 },
      { person: 1, files: 2 },
    ]);
    expect(result.files).toBe(6);
    expect(result.authoredFiles).toBe(5);
    expect(result.coverage).toBeCloseTo(1 / 6, 6);
  });

  it('gives 0 when fewer than half the files have an author', () => {
    const result = greedyTruckFactor({ fileAuthors: [[0], [], [], []], tieBreak: byIndex });
    expect(result.busFactor).toBe(0);
    expect(result.keyPeople).toEqual([]);
  });

  it('ranks by whole author set, not by files only that person covers (as the reference)', () => {
    // Person 0 authors 4 files all co-authored by 1 or 2; person 1 authors 2 of them, person 2 the
    // other 2. Removal order is 0 (4), then 1 and 2 (2 each, tie by index).
    // 0 removed: still covered 4/4 → remove 1: 2/4 = 0.5 → remove 2: 0 → bus factor 3.
    const result = greedyTruckFactor({ fileAuthors: [[0, 1], [0, 1], [0, 2], [0, 2]], tieBreak: byIndex });
    expect(result.keyPeople.map((k) => k.person)).toEqual([0, 1, 2]);
    expect(result.busFactor).toBe(3);
  });

  it('breaks ties with the given order', () => {
    const result = greedyTruckFactor({ fileAuthors: [[3], [7]], tieBreak: (a, b) => b - a });
    expect(result.keyPeople.map((k) => k.person)).toEqual([7, 3]);
    expect(result.busFactor).toBe(2);
  });

  it('leaves out people for a what-if without recomputing authorship', () => {
    const files = [[0], [0], [0, 1], [1], [2], []];
    const result = greedyTruckFactor({ fileAuthors: files, tieBreak: byIndex, without: new Set([0]) });
    // Without 0: covered {2,3,4} = 0.5 → remove 1 → {4} → bus factor 1.
    expect(result.busFactor).toBe(1);
    expect(result.keyPeople).toEqual([{ person: 1, files: 2 }]);
  });

  it('handles an empty scope', () => {
    expect(greedyTruckFactor({ fileAuthors: [], tieBreak: byIndex }).busFactor).toBe(0);
  });
});
