/**
 * `-c` settings for the long, object-heavy git processes (the history scan, the replay's diff
 * streams): bounded pack windows and delta-base cache. git/git's `git log -M` maps ~400 MB of pack
 * by default; with these it stays near 150 MB at no measured cost in time (ALGORITHMS.md §5 saw
 * 0.8 GB instead of 1.2 GB for the whole replay with a 32 MiB delta cache).
 */
export const BOUNDED_MEMORY_CONFIG: readonly string[] = [
  '-c', 'core.deltaBaseCacheLimit=32m',
  '-c', 'core.packedGitWindowSize=64m',
  '-c', 'core.packedGitLimit=256m',
];

/**
 * No limit on rename detection (git's diff.renameLimit defaults to 1000 sources × destinations,
 * past which it silently gives up): on the command line, never written to the user's config.
 */
export const NO_RENAME_LIMIT: readonly string[] = ['-c', 'diff.renameLimit=999999'];
