import { describe, expect, it } from 'vitest';
import { greedyTruckFactor, removalCurve } from '../../src/bus-factor/greedy-truck-factor.js';
import { compareForRemoval, idRanks } from '../../src/bus-factor/tie-break.js';
import { squarify } from '../../src/report-client/treemap-layout.js';
import { authorshipIndex } from '../../src/report/what-if.js';

describe('removalCurve', () => {
  // Files: {0}, {0}, {0,1}, {1}, {2}: person 0 authors 3, 1 authors 2, 2 authors 1.
  // Everyone: 5/5. −0: files 2, 3, 4 still authored, 3/5. −1: only file 4, 1/5. −2: 0/5.
  const input = { fileAuthors: [[0], [0], [0, 1], [1], [2]], tieBreak: (a: number, b: number) => a - b };
  it('removes people in the greedy order past one half, one point each, down to no file authored', () => {
    expect(removalCurve(input, 40).map((point) => [point.removed, point.person, point.coverage])).toEqual([
      [0, undefined, 1],
      [1, 0, Math.fround(3 / 5)],
      [2, 1, Math.fround(1 / 5)],
      [3, 2, 0],
    ]);
    // Its first steps are the truck factor's: 3/5 ≥ 1/2 keeps going, 1/5 stops — bus factor 2.
    expect(greedyTruckFactor(input).busFactor).toBe(2);
    expect(removalCurve(input, 1)).toHaveLength(2);
    expect(removalCurve({ ...input, without: new Set([0]) }, 40).map((point) => point.person)).toEqual([undefined, 1, 2]);
  });
});

describe('squarify', () => {
  it('fills the area with one rectangle per value, areas proportional to the values', () => {
    const area = { x: 0, y: 0, width: 600, height: 400 };
    const values = [6, 6, 4, 3, 2, 2, 1];
    const rects = squarify(values, area);
    expect(rects).toHaveLength(values.length);
    const total = values.reduce((a, b) => a + b, 0);
    rects.forEach((rect, i) => {
      expect(rect.width * rect.height).toBeCloseTo(((values[i] as number) / total) * 600 * 400, 6);
      expect(rect.x).toBeGreaterThanOrEqual(0);
      expect(rect.y).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.width).toBeLessThanOrEqual(600 + 1e-9);
      expect(rect.y + rect.height).toBeLessThanOrEqual(400 + 1e-9);
    });
    // A zero value gets a rectangle of no area, never NaN.
    for (const rect of squarify([3, 0, 2], area)) expect(Number.isFinite(rect.width) && Number.isFinite(rect.height)).toBe(true);
    // Bruls et al.'s worked example (6, 6, 4, 3, 2, 2, 1 in 6×4): the first row is the two 6s, side by side on the left.
    expect(squarify(values, { x: 0, y: 0, width: 6, height: 4 }).slice(0, 2)).toEqual([
      { x: 0, y: 0, width: 3, height: 2 },
      { x: 0, y: 2, width: 3, height: 2 },
    ]);
  });
});

describe('the page\'s tie-break after --anonymize', () => {
  // Two people author as many files with as many changes: the CLI takes the smaller real id first.
  // Pseudonyms sort the other way round here; the rank of the real id still decides.
  it('breaks ties by the real ids\' ranks, not by the pseudonyms', () => {
    const real = [{ id: 'alice@example.com' }, { id: 'bob@example.com' }];
    expect(idRanks(real)).toEqual([0, 1]);
    const pseudonyms = [
      { id: 'ffff0000@anonymized.invalid', name: 'Person ffff0000', email: 'ffff0000@anonymized.invalid', changes: 3, idRank: 0 },
      { id: '0000ffff@anonymized.invalid', name: 'Person 0000ffff', email: '0000ffff@anonymized.invalid', changes: 3, idRank: 1 },
    ];
    expect(authorshipIndex(pseudonyms, []).tieBreak(0, 1)).toBeLessThan(0);
    // Without ranks, the ids decide (the CLI's own rule): the pseudonym 0000ffff first.
    expect(authorshipIndex(pseudonyms.map(({ idRank: _, ...person }) => person), []).tieBreak(0, 1)).toBeGreaterThan(0);
    expect(compareForRemoval(real, [3, 3])(0, 1)).toBeLessThan(0);
  });
});
