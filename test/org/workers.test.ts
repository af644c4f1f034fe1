import { describe, expect, it } from 'vitest';
import { defaultJobs, MEMORY_PER_JOB } from '../../src/cli/workers/default-jobs.js';
import { describeCrash } from '../../src/cli/workers/run-analyses.js';

describe('--jobs when not given (docs/org.md, "Concurrency")', () => {
  it('is the cores, no more than one per GiB of free memory, at least 1, at most the repositories', () => {
    expect(defaultJobs(40, { cores: 8, freeBytes: 16 * MEMORY_PER_JOB })).toBe(8);
    expect(defaultJobs(40, { cores: 8, freeBytes: 3.5 * MEMORY_PER_JOB })).toBe(3);
    expect(defaultJobs(40, { cores: 8, freeBytes: 0.2 * MEMORY_PER_JOB })).toBe(1);
    expect(defaultJobs(2, { cores: 8, freeBytes: 16 * MEMORY_PER_JOB })).toBe(2);
    expect(defaultJobs(0, { cores: 8, freeBytes: 16 * MEMORY_PER_JOB })).toBe(1);
  });
});

describe('a worker that ends without an answer', () => {
  it('says why: out of memory, a signal, an exit code', () => {
    expect(describeCrash(134, null, '<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n', undefined)).toBe(
      'the analysis ran out of memory (its worker process was ended; the other repositories are not affected)',
    );
    expect(describeCrash(null, 'SIGKILL', '', undefined)).toBe('the analysis process was killed by SIGKILL (the system may have run out of memory) before it finished');
    expect(describeCrash(null, 'SIGSEGV', '', undefined)).toBe('the analysis process was killed by SIGSEGV before it finished');
    expect(describeCrash(1, null, 'something\nlast words\n', undefined)).toBe('the analysis process exited with code 1 before it finished: last words');
    expect(describeCrash(null, null, '', new Error('spawn EAGAIN'))).toBe('the analysis process could not start: spawn EAGAIN');
  });
});
