import { BOUNDED_MEMORY_CONFIG, NO_RENAME_LIMIT } from '../git/config-flags.js';
import type { PrivateObjects } from '../git/private-objects.js';
import type { Repository } from '../git/repo.js';
import { runGit } from '../git/run-git.js';
import { SAFE_DIFF_FLAGS } from '../git/safety.js';
import { parentsOf, type CommitGraph } from './commit-graph.js';
import { PatchParser, type CommitPatch, type FilePatch } from './parse-patch.js';
import { rawChunkParser, type CommitRaw, type RawChange } from './parse-raw.js';
import { ResilientBatches } from './resilient-batches.js';

/** What the replay gets for one commit: its patch (non-merges), or its raw changes against parent 1 (merges). */
export type CommitInput = { readonly commit: number; readonly patch: CommitPatch } | { readonly commit: number; readonly raw: CommitRaw };

const BATCH_SIZE = 500;

/**
 * Renames as `git blame` finds them by default (similarity ≥ 50 %, no rename limit: blame searches
 * a source per destination, so it never hits one); pack memory bounded.
 */
const GIT_SETTINGS = [...NO_RENAME_LIMIT, ...BOUNDED_MEMORY_CONFIG];

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Exact renames only, no content read: the answer for a commit whose blobs git cannot read. */
async function rawWithoutContent(repo: Repository, line: string): Promise<CommitRaw> {
  const { stdout } = await runGit({ cwd: repo.cwd, args: ['diff-tree', '--root', '--always', '-r', '-z', '--raw', '--no-abbrev', '-M100%', ...SAFE_DIFF_FLAGS, ...line.split(' ')] });
  const parser = rawChunkParser();
  const [raw] = [...parser.push(stdout), ...parser.end()];
  return raw ?? { oid: line.split(' ')[0] ?? '', changes: [] };
}

/** A raw change as a patch git could not give: binary, so its lines are unknown. */
function unknownPatch(change: RawChange): FilePatch {
  const kind = change.status === 'A' ? 'add' : change.status === 'D' ? 'delete' : change.status === 'R' ? 'rename' : change.status === 'C' ? 'copy' : 'modify';
  return {
    kind,
    oldPath: change.oldPath,
    path: change.path,
    oldOid: change.oldOid,
    newOid: change.newOid,
    binary: true,
    submodule: change.newMode === '160000' || change.oldMode === '160000',
    hunks: [],
  };
}

/**
 * Feeds the replay: one long-lived `git diff-tree --stdin -p -U0` per core for non-merge commits
 * (and, with `--first-parent`, merges against their first parent), and one `--raw` stream for
 * merges against parent 1 (paths and blob ids only; their line diffs come from the BlobDiffer,
 * only where a file changed on both sides). Inputs come back in commit order.
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
  ) {
    const patchLines: string[] = [];
    const mergeLines: string[] = [];
    for (let commit = 0; commit < graph.oids.length; commit += 1) {
      const parents = parentsOf(graph, commit);
      const oid = graph.oids[commit] as string;
      if (parents.length <= 1) {
        this.patchCommits.push(commit);
        // A merge reduced to its first parent (--first-parent) names it; others diff against their own.
        patchLines.push(options.firstParent && parents.length === 1 ? `${oid} ${graph.oids[parents[0] as number]}` : oid);
      } else {
        this.mergeCommits.push(commit);
        mergeLines.push(`${oid} ${graph.oids[parents[0] as number]}`);
      }
    }
    const common = [...GIT_SETTINGS, 'diff-tree', '--stdin', '--always', '--root', '-r', '--full-index', '-M', ...SAFE_DIFF_FLAGS];
    const pathspec = options.pathspec.length > 0 ? ['--', ...options.pathspec] : [];
    const { terminator, terminatorEcho, env } = objects;
    this.patches = new ResilientBatches(
      { cwd: repo.cwd, env, args: [...common, '-p', '-U0', '--indent-heuristic', ...pathspec] },
      () => new PatchParser(terminatorEcho),
      batches(patchLines, BATCH_SIZE),
      async (line) => {
        const raw = await rawWithoutContent(repo, line);
        return { oid: raw.oid, files: raw.changes.map(unknownPatch) };
      },
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
    return this.patches.degraded.length + this.merges.degraded.length;
  }

  /** Every commit's input, in commit order. */
  async *inputs(): AsyncGenerator<CommitInput> {
    let patchBatch: CommitPatch[] = [];
    let mergeBatch: CommitRaw[] = [];
    let p = 0;
    let m = 0;
    for (let commit = 0; commit < this.graph.oids.length; commit += 1) {
      if (this.patchCommits[p] === commit) {
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
