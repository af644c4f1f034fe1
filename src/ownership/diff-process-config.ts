/**
 * Pack access for the replay's long-lived `git diff-tree --stdin` processes (docs/performance.md).
 * They run side by side for the whole history, and each process's mapped pack windows and delta
 * base cache count as its own resident memory: the repository-wide bounds (git/safety.ts: a 64 MiB
 * window, 256 MiB of windows, a 32 MiB delta cache) let each grow to 230–275 MB on git/git, four
 * at a time. They are bounded tighter here (docs/performance.md, "After the changes"). `-c`
 * settings given here come after the safety settings, so they win; they bound memory only and
 * never change an output.
 */
export const DIFF_PROCESS_CONFIG: readonly string[] = [
  // 16 MiB instead of 32: no measurable change in git's CPU time over the whole history.
  '-c', 'core.deltaBaseCacheLimit=16m',
  // Small windows cost a little system time (more mmap calls); the limit is what bounds memory.
  '-c', 'core.packedGitWindowSize=8m',
  '-c', 'core.packedGitLimit=48m',
];
