import { describe, expect, it } from 'vitest';
import { degreeOfAuthorship, isAuthor } from '../../src/knowledge/degree-of-authorship.js';

// The worked values of docs/algorithms.md §1.
describe('degree of authorship (docs/algorithms.md §1 vectors)', () => {
  it('creator, nobody else touched: 4.391', () => {
    expect(degreeOfAuthorship(1, 0, 0)).toBeCloseTo(4.391, 3);
  });

  it('non-creator, one edit, nobody else: 3.457', () => {
    expect(degreeOfAuthorship(0, 1, 0)).toBeCloseTo(3.457, 3);
  });

  it('A created + 1 edit, B 3 edits: both author', () => {
    const a = degreeOfAuthorship(1, 1, 3);
    const b = degreeOfAuthorship(0, 3, 1);
    expect(a).toBeCloseTo(4.11, 3);
    expect(b).toBeCloseTo(3.5625, 3);
    expect(b / a).toBeCloseTo(0.8668, 4);
    expect(isAuthor(a, a, 1)).toBe(true);
    expect(isAuthor(b, a, 0)).toBe(true);
  });

  it('A created only, B 10 edits: A is not an author', () => {
    const a = degreeOfAuthorship(1, 0, 10);
    const b = degreeOfAuthorship(0, 10, 0);
    expect(a).toBeCloseTo(3.6213, 4);
    expect(b).toBeCloseTo(4.933, 3);
    expect(a / b).toBeCloseTo(0.7341, 4);
    expect(isAuthor(a, b, 1)).toBe(false);
    expect(isAuthor(b, b, 0)).toBe(true);
  });

  it('uses the reference float threshold: DOA exactly 3.293 without creation still authors', () => {
    // FA 0, DL 0, AC 0 (e.g. only a repeat add): DOA = 3.293 ≥ float(3.293).
    const doa = degreeOfAuthorship(0, 0, 0);
    expect(doa).toBe(3.293);
    expect(isAuthor(doa, doa, 0)).toBe(true);
    // Below the threshold without creating the file: not an author even when normalised to 1.
    const low = degreeOfAuthorship(0, 0, 1);
    expect(isAuthor(low, low, 0)).toBe(false);
  });
});
