import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heapCeiling } from '../../src/ownership/heap-ceiling.js';

const MB = 1024 * 1024;
const used = () => getHeapStatistics().used_heap_size;

describe('heapCeiling (the line replay keeps its heap near what it holds)', () => {
  it('collects once the heap has grown half again plus 48 MB over what was live, and not before', () => {
    const check = heapCeiling();
    const start = used();
    // 30 arrays of a million doubles: 240 MB, far over 1.5 × start + 48 MB for any start under
    // 120 MB; held while measured, then let go.
    const junk: number[][] = [];
    for (let i = 0; i < 30; i += 1) junk.push(new Array<number>(1_000_000).fill(i + 0.5));
    expect(used()).toBeGreaterThan(start * 1.5 + 48 * MB);
    junk.length = 0;
    const before = used();
    check();
    // The 240 MB were garbage: a full collection leaves about what was live at the start.
    expect(used()).toBeLessThan(before - 200 * MB);
    expect(used()).toBeLessThan(start + 48 * MB);
    // 8 MB more (one large array, which only a full collection frees) is under the ceiling: kept.
    let small: number[] | undefined = new Array<number>(1_000_000).fill(0.5);
    const withSmall = used();
    small = undefined;
    check();
    expect(small).toBeUndefined();
    expect(used()).toBeGreaterThanOrEqual(withSmall - MB);
  });
});
