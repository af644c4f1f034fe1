import { isMissingObjectFailure, streamGitRecords } from '../git/run-git.js';
import { mailmapConfig, type Repository } from '../git/repo.js';
import type { CommitRecord } from './commit-record.js';
import { LOG_FORMAT } from './log-format.js';
import { LogParser } from './parse-log.js';

/** How renames are found: git's similarity search, or exact (same blob) renames only. */
export type RenameDetection = 'similarity' | 'exact';

export interface ScanHistoryOptions {
  /** Full commit id whose history is scanned. */
  readonly commit: string;
  /**
   * Scan exactly these commits, in this order, instead of walking from `commit`
   * (`--no-walk=unsorted --stdin`): resuming after a failure without walking the history again.
   */
  readonly commits?: readonly string[];
  /** Leave out this commit and its ancestors (`^since`): the commits made since a cached head. */
  readonly since?: string;
  readonly renames: RenameDetection;
  readonly signal?: AbortSignal;
  /** Called for every commit, newest first (git log's default order). */
  readonly consume: (commit: CommitRecord) => void;
}

/**
 * The one `git log` pass of docs/algorithms.md §1: every commit reachable from `commit`, default
 * order, merges without file changes (no `-m`), `--name-status` with renames, authors after
 * `.mailmap`. Streams: nothing but the current commit is held here.
 */
export async function scanHistory(repo: Repository, options: ScanHistoryOptions): Promise<void> {
  const args = [
    // The reference implementation sets diff.renameLimit=999999 so the limit is never hit: the
    // wrapper pins it (git/safety.ts), with every other setting that shapes this output.
    ...mailmapConfig(repo, options.commit),
    'log', '-z', '--name-status', '--diff-merges=off',
    options.renames === 'exact' ? '-M100%' : '-M',
    `--format=${LOG_FORMAT}`,
    ...(options.commits ? ['--no-walk=unsorted', '--stdin'] : [options.commit, ...(options.since ? [`^${options.since}`] : [])]),
    '--',
  ];
  const parser = new LogParser();
  const input = options.commits ? `${options.commits.join('\n')}\n` : undefined;
  try {
    for await (const tokens of streamGitRecords({ cwd: repo.cwd, args, signal: options.signal, input }, 0)) {
      for (const commit of parser.push(tokens)) options.consume(commit);
    }
  } catch (error) {
    // git died on a commit needing a missing object: the commit before it was printed whole and is
    // kept, so the resumed scan starts with the failing one (scan-with-fallback.ts). On any other
    // failure the half-read commit is dropped.
    if (isMissingObjectFailure(error)) for (const commit of parser.completedBeforeFailure()) options.consume(commit);
    throw error;
  }
  for (const commit of parser.end()) options.consume(commit);
}

/** Every commit `scanHistory` walks, in the same order (git log and rev-list share the walk). */
export async function listCommits(repo: Repository, commit: string, signal?: AbortSignal, since?: string): Promise<string[]> {
  const commits: string[] = [];
  for await (const lines of streamGitRecords({ cwd: repo.cwd, args: ['rev-list', commit, ...(since ? [`^${since}`] : []), '--'], signal }, 10)) {
    for (const line of lines) commits.push(line.toString('latin1'));
  }
  return commits;
}
