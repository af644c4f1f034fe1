import type { PrivateObjects } from '../git/private-objects.js';
import type { Repository } from '../git/repo.js';
import { runGit, streamGitRecords } from '../git/run-git.js';
import { parentsOf, type CommitGraph } from './commit-graph.js';
import { PatchParser, type CommitPatch } from './parse-patch.js';
import type { BlobDiffer } from './blob-differ.js';
import { RawParser, rawChunkParser, type CommitRaw } from './parse-raw.js';
import { patchFromPresentBlobs, unknownCommitPatch } from './patch-without-diff.js';
import { DIFF_PROCESS_CONFIG } from './diff-process-config.js';
import { ResilientBatches } from './resilient-batches.js';

/** What the replay gets for one commit: its patch (non-merges), or its raw changes against parent 1 (merges). */
export type CommitInput = { readonly commit: number; readonly patch: CommitPatch } | { readonly commit: number; readonly raw: CommitRaw };

const BATCH_SIZE = 500;

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Exact renames only, no content read: the answer for a commit whose blobs git cannot read. The
 * line goes through `--stdin` like every other request: there `<commit> <parent>` diffs parent →
 * commit, while the same two ids as arguments would diff commit → parent, every change reversed.
 */
async function rawWithoutContent(repo: Repository, line: string): Promise<CommitRaw> {
  const { stdout } = await runGit({ cwd: repo.cwd, input: `${line}\n`, args: ['diff-tree', '--stdin', '--root', '--always', '-r', '-z', '--raw', '--no-abbrev', '-M100%'] });
  const parser = rawChunkParser();
  const [raw] = [...parser.push(stdout), ...parser.end()];
  return raw ?? { oid: line.split(' ')[0] ?? '', changes: [] };
}

/** The request line for a commit: `<commit>`, or `<commit> <parent>` for a merge (against parent 1). */
function requestLine(graph: CommitGraph, commit: number, firstParent: boolean): string {
  const parents = parentsOf(graph, commit);
  const oid = graph.oids[commit] as string;
  // A merge reduced to its first parent (--first-parent) names it; others diff against their own.
  if (parents.length === 1) return firstParent ? `${oid} ${graph.oids[parents[0] as number]}` : oid;
  return parents.length === 0 ? oid : `${oid} ${graph.oids[parents[0] as number]}`;
}

/**
 * The commits of a partial clone whose diffs need objects it lacks, with their changes as far as
 * git can give them without content (exact renames): one `diff-tree --raw -M100%` pass, which
 * reads trees only. Asked instead of those commits' patches, git would die on each (git < 2.45),
 * and restarting it once per commit would cost a process per commit of the history.
 */
export async function findUnreadableCommits(
  repo: Repository,
  graph: CommitGraph,
  missing: ReadonlySet<string>,
  options: { readonly firstParent: boolean; readonly pathspec: readonly string[]; readonly signal?: AbortSignal },
): Promise<Map<number, CommitRaw>> {
  const unreadable = new Map<number, CommitRaw>();
  if (missing.size === 0 || graph.oids.length === 0) return unreadable;
  const input = `${graph.oids.map((_, commit) => requestLine(graph, commit, options.firstParent)).join('\n')}\n`;
  const args = ['diff-tree', '--stdin', '--always', '--root', '-r', '-z', '--raw', '--no-abbrev', '-M100%', ...(options.pathspec.length > 0 ? ['--', ...options.pathspec] : [])];
  const parser = new RawParser();
  let commit = 0;
  const take = (raws: readonly CommitRaw[]) => {
    for (const raw of raws) {
      if (raw.changes.some((change) => missing.has(change.oldOid) || missing.has(change.newOid))) unreadable.set(commit, raw);
      commit += 1;
    }
  };
  for await (const tokens of streamGitRecords({ cwd: repo.cwd, args, input, signal: options.signal }, 0)) take(parser.push(tokens));
  take(parser.end());
  return unreadable;
}

/**
 * Feeds the replay: one long-lived `git diff-tree --stdin -p -U0` per core for non-merge commits
 * (and, with `--first-parent`, merges against their first parent), and one `--raw` stream for
 * merges against parent 1 (paths and blob ids only; their line diffs come from the BlobDiffer,
 * only where a file changed on both sides). Commits known to need missing objects
 * ({@link findUnreadableCommits}) are answered from what is known of them. Inputs come back in
 * commit order.
 */
export class CommitFeed {
  private readonly patches: ResilientBatches<CommitPatch>;
  private readonly merges: ResilientBatches<CommitRaw>;
  private readonly patchCommits: number[] = [];
  private readonly mergeCommits: number[] = [];

  constructor(
    repo: Repository,
    private readonly graph: CommitGraph,
    objects: PrivateObjects,
    options: { readonly firstParent: boolean; readonly workers: number; readonly pathspec: readonly string[] },
    /** Commits known to need missing objects ({@link findUnreadableCommits}), and what is known of them. */
    private readonly unreadable: ReadonlyMap<number, CommitRaw>,
    /** Line diffs for the files of those commits whose blobs are there. */
    private readonly differ: BlobDiffer,
    private readonly missing: ReadonlySet<string>,
  ) {
    const patchLines: string[] = [];
    const mergeLines: string[] = [];
    for (let commit = 0; commit < graph.oids.length; commit += 1) {
      if (unreadable.has(commit)) continue;
      const isMerge = parentsOf(graph, commit).length > 1;
      (isMerge ? this.mergeCommits : this.patchCommits).push(commit);
      (isMerge ? mergeLines : patchLines).push(requestLine(graph, commit, options.firstParent));
    }
    // Renames as `git blame` finds them by default: similarity ≥ 50 %, and no rename limit (blame
    // searches a source per destination, so it never hits one; the wrapper pins the limit).
    const common = [...DIFF_PROCESS_CONFIG, 'diff-tree', '--stdin', '--always', '--root', '-r', '--full-index', '-M'];
    const pathspec = options.pathspec.length > 0 ? ['--', ...options.pathspec] : [];
    const { terminator, terminatorEcho, env } = objects;
    this.patches = new ResilientBatches(
      { cwd: repo.cwd, env, args: [...common, '-p', '-U0', '--indent-heuristic', ...pathspec] },
      () => new PatchParser(terminatorEcho),
      batches(patchLines, BATCH_SIZE),
      async (line) => unknownCommitPatch(await rawWithoutContent(repo, line)),
      options.workers,
      terminator,
    );
    this.merges = new ResilientBatches(
      { cwd: repo.cwd, env, args: [...common, '-z', '--raw', '--no-abbrev', ...pathspec] },
      () => rawChunkParser(terminatorEcho),
      batches(mergeLines, BATCH_SIZE),
      (line) => rawWithoutContent(repo, line),
      1,
      terminator,
    );
  }

  /** Commits whose diff git could not read (answered without content). */
  get degradedCommits(): number {
    return this.patches.degraded.length + this.merges.degraded.length + this.unreadable.size;
  }

  /** Every commit's input, in commit order. */
  async *inputs(): AsyncGenerator<CommitInput> {
    let patchBatch: CommitPatch[] = [];
    let mergeBatch: CommitRaw[] = [];
    let p = 0;
    let m = 0;
    for (let commit = 0; commit < this.graph.oids.length; commit += 1) {
      const known = this.unreadable.get(commit);
      if (known) {
        yield parentsOf(this.graph, commit).length > 1 ? { commit, raw: known } : { commit, patch: await patchFromPresentBlobs(known, this.differ, this.missing) };
      } else if (this.patchCommits[p] === commit) {
        if (p % BATCH_SIZE === 0) patchBatch = await this.patches.batch(p / BATCH_SIZE);
        const patch = patchBatch[p % BATCH_SIZE] as CommitPatch;
        p += 1;
        yield { commit, patch };
      } else {
        if (m % BATCH_SIZE === 0) mergeBatch = await this.merges.batch(m / BATCH_SIZE);
        const raw = mergeBatch[m % BATCH_SIZE] as CommitRaw;
        m += 1;
        yield { commit, raw };
      }
    }
  }

  stop(): void {
    this.patches.stop();
    this.merges.stop();
  }
}
