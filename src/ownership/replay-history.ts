import path from 'node:path';
import { InternalError, withContext } from '../errors.js';
import type { Repository } from '../git/repo.js';
import { runGit } from '../git/run-git.js';
import { PrivateObjects } from '../git/private-objects.js';
import { BlobDiffer } from './blob-differ.js';
import { CommitFeed, findUnreadableCommits } from './commit-feed.js';
import { parentsOf, readCommitGraph, type CommitGraph } from './commit-graph.js';
import { LineReplay, fileLinesOf, type FileLines, type FileRuns, type IgnoredCommitHandler } from './line-replay.js';
import { mergeRenameFinder } from './find-merge-renames.js';
import { MergePlanner } from './plan-merge.js';
import { TreeState } from './tree-state.js';
import { heapCeiling } from './heap-ceiling.js';

export interface ReplayOptions {
  /** Follow first parents only, like `git blame --first-parent`. */
  readonly firstParent: boolean;
  /** Commits whose changes are passed through to their parents (`--ignore-revs-file`). */
  readonly ignored?: { readonly commits: ReadonlySet<string>; readonly handle: IgnoredCommitHandler };
  /** Limits the diffs git produces (e.g. `:(exclude)dist/`): paths that can never matter. */
  readonly pathspec?: readonly string[];
  /**
   * Paths whose lines matter (the analysed files and their history's names): merges search rename
   * sources in other parents (a git process each) only for these. All paths when absent.
   */
  readonly relevant?: ReadonlySet<string>;
  /**
   * Objects a partial clone lacks (git/missing-objects.ts): commits that need them are answered
   * without content, and no git process is ever asked for one.
   */
  readonly missing?: ReadonlySet<string>;
  readonly signal?: AbortSignal;
  /** Commits replayed so far, of all. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ReplayResult {
  readonly graph: CommitGraph;
  /** The analysed commit's files with per-line owners (commit indices into `graph.oids`). */
  readonly head: TreeState<FileLines>;
  /** Commits git could not diff (missing objects): their files' lines are unknown. */
  readonly degradedCommits: number;
}

/** How far the blob-id planner runs ahead of the line replay, so merge diffs are ready in time. */
const LOOKAHEAD = 2000;

async function repositoryObjects(repo: Repository): Promise<string> {
  const { stdout } = await runGit({ cwd: repo.cwd, args: ['rev-parse', '--git-path', 'objects'] });
  return path.resolve(repo.cwd, stdout.toString('utf8').trim());
}

/**
 * Replays the history of `head` once and returns its files' line owners: `git blame` for every file
 * at once (docs/line-ownership.md). Commits are applied parents first, as their diffs arrive; merges are
 * planned ahead by {@link MergePlanner} and applied by {@link LineReplay}.
 */
export async function replayHistory(repo: Repository, head: string, options: ReplayOptions): Promise<ReplayResult> {
  const graph = await readCommitGraph(repo, head, { firstParent: options.firstParent, signal: options.signal });
  if (graph.oids.length === 0) throw new InternalError('no commits to replay');
  const pathspec = options.pathspec ?? [];
  const missing = options.missing ?? new Set<string>();
  const unreadable = await findUnreadableCommits(repo, graph, missing, { firstParent: options.firstParent, pathspec, signal: options.signal });
  const objects = await PrivateObjects.create(await repositoryObjects(repo), repo.objectFormat);
  const differ = new BlobDiffer(repo, objects, missing);
  const feed = new CommitFeed(repo, graph, objects, { firstParent: options.firstParent, workers: 2, pathspec }, unreadable, differ, missing);
  const onAbort = () => feed.stop();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const ignoredOids = options.ignored?.commits;
  const replay = new LineReplay(
    graph.childCount,
    options.ignored && ignoredOids && ignoredOids.size > 0 ? { isIgnored: (commit) => ignoredOids.has(graph.oids[commit] as string), handle: options.ignored.handle } : undefined,
  );
  const relevant = options.relevant;
  const renames = mergeRenameFinder(repo, objects, missing);
  const planner = new MergePlanner(graph.childCount, differ, renames, relevant ? (path) => relevant.has(path) : undefined);
  const pending: { commit: number; apply: () => Promise<TreeState<FileRuns>> }[] = [];
  let last: TreeState<FileRuns> | undefined;
  let done = 0;
  const keepHeapDown = heapCeiling();
  const applyOldest = async () => {
    const { commit, apply } = pending.shift() as (typeof pending)[number];
    try {
      last = await apply();
    } catch (error) {
      throw withContext(error, `replaying commit ${graph.oids[commit]} (${commit + 1} of ${graph.oids.length}, parents first)`);
    }
    done += 1;
    if (done % 200 === 0) {
      options.onProgress?.(done, graph.oids.length);
      keepHeapDown();
    }
  };
  try {
    for await (const input of feed.inputs()) {
      const { commit } = input;
      const expected = graph.oids[commit] as string;
      const parents = parentsOf(graph, commit);
      if ('patch' in input) {
        if (input.patch.oid !== expected) throw new InternalError(`diff stream out of step at ${expected}`);
        const parent = parents.length > 0 ? (parents[0] as number) : undefined;
        planner.patch(commit, parent, input.patch.files);
        pending.push({ commit, apply: () => replay.patch(commit, parent, input.patch.files) });
      } else {
        if (input.raw.oid !== expected) throw new InternalError(`merge stream out of step at ${expected}`);
        const plan = planner.merge(commit, parents, input.raw);
        pending.push({ commit, apply: () => replay.merge(commit, parents, plan) });
      }
      if (pending.length > LOOKAHEAD) await applyOldest();
      if (options.signal?.aborted) break;
    }
    while (pending.length > 0 && !options.signal?.aborted) await applyOldest();
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    feed.stop();
    differ.close();
    renames.close();
    objects.remove();
  }
  options.onProgress?.(done, graph.oids.length);
  if (!last) throw new InternalError('replay produced no state');
  // Per-line owners only now, for the analysed commit's files.
  const lines = TreeState.empty<FileLines>();
  for (const [path, file] of last.entries()) lines.set(path, fileLinesOf(file));
  return { graph, head: lines, degradedCommits: feed.degradedCommits };
}
