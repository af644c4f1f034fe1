import { describe, expect, it } from 'vitest';
import type { Progress } from '../../src/analyze.js';
import { createProgressLine, formatEta, formatProgress } from '../../src/cli/progress.js';

const at = (progress: Partial<Progress>): Progress => ({ phase: 'history', commits: 0, totalCommits: undefined, ...progress });

describe('progress line', () => {
  it('says the phase, then commits so far, then of how many once counted', () => {
    expect(formatProgress(at({ phase: 'opening' }))).toBe('busfactor: opening repository…');
    expect(formatProgress(at({ commits: 0 }))).toBe('busfactor: scanning history…');
    expect(formatProgress(at({ commits: 12_000 }))).toBe('busfactor: scanning history · 12,000 commits');
    expect(formatProgress(at({ commits: 12_000, totalCommits: 81_966 }))).toBe('busfactor: scanning history · 12,000 / 81,966 commits (14%)');
    expect(formatProgress(at({ phase: 'authorship', commits: 81_966, totalCommits: 81_966 }))).toBe('busfactor: computing authorship…');
  });

  it('gives the line replay an estimate of the time left, from its pace so far', () => {
    const replay = at({ phase: 'ownership', commits: 81_966, replayed: 40_000, replayTotal: 80_000 });
    expect(formatProgress(replay, 30_000)).toBe('busfactor: line ownership · 40,000 / 80,000 commits (50%) · about 30 s left');
    expect(formatProgress(replay, 1_000)).toBe('busfactor: line ownership · 40,000 / 80,000 commits (50%)');
    expect(formatEta(10_000, 80_000, 20_000)).toBe(' · about 2 min left');
    expect(formatEta(0, 80_000, 20_000)).toBe('');
  });

  it('draws the whole line on a terminal that reports 0 columns (taken as 80 wide)', () => {
    let written = '';
    const stream = { columns: 0, write: (text: string) => ((written += text), true) } as unknown as NodeJS.WriteStream;
    createProgressLine(stream).update(at({ commits: 12_000 }));
    expect(written).toBe('\r\x1b[2Kbusfactor: scanning history · 12,000 commits');
  });

  it('stays erased once cleared: a late update (the commit count answering after the analysis) draws nothing', () => {
    let written = '';
    const stream = { columns: 100, write: (text: string) => ((written += text), true) } as unknown as NodeJS.WriteStream;
    const line = createProgressLine(stream);
    line.update(at({ phase: 'done' }));
    line.clear();
    expect(written).toBe('\r\x1b[2Kbusfactor: done…\r\x1b[2K');
    line.update(at({ phase: 'done', totalCommits: 81_966 }));
    expect(written).toBe('\r\x1b[2Kbusfactor: done…\r\x1b[2K');
  });
});
