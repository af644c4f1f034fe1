import os from 'node:os';

/** The memory one analysis is allowed for when choosing `--jobs`: git/git takes about 300 MB, rails more; a GiB leaves room. */
export const MEMORY_PER_JOB = 1024 ** 3;

/**
 * `--jobs` when not given (docs/org.md, "Concurrency"): one analysis per core, but no more than the
 * free memory holds at {@link MEMORY_PER_JOB} each, at least one, and never more than there are
 * repositories. Free memory is what this process may still use (`process.availableMemory`: a
 * container's limit counts), else what the system has free.
 */
export function defaultJobs(repositories: number, machine: { cores: number; freeBytes: number } = currentMachine()): number {
  const byMemory = Math.floor(machine.freeBytes / MEMORY_PER_JOB);
  return Math.max(1, Math.min(machine.cores, byMemory, Math.max(1, repositories)));
}

function currentMachine(): { cores: number; freeBytes: number } {
  const available = typeof process.availableMemory === 'function' ? process.availableMemory() : os.freemem();
  return { cores: os.availableParallelism(), freeBytes: available };
}
