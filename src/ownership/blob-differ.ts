import { BatchFailure, BatchNotStarted, OrderedGitProcess } from '../git/ordered-git-process.js';
import type { PrivateObjects } from '../git/private-objects.js';
import type { Repository } from '../git/repo.js';
import { DIFF_PROCESS_CONFIG } from './diff-process-config.js';
import { PatchParser, type CommitPatch } from './parse-patch.js';

/** Hunks of one blob-to-blob diff, or null when git could not give them (binary, missing object). */
export type BlobHunks = readonly number[] | null;

const BATCH_LIMIT = 4000;

/**
 * Line diffs between arbitrary pairs of blobs, many per git call, without a process per pair and
 * without touching the repository: pairs are written as two small synthetic trees (entries named by
 * request number) into a private object directory, and one long-lived `git diff-tree --stdin -p -U0`
 * diffs the tree pairs. This is how a merge's "changed on both sides" files get their diffs against
 * every parent (docs/line-ownership.md).
 */
export class BlobDiffer {
  private process: OrderedGitProcess<CommitPatch> | undefined;
  private queue: { oldOid: string; newOid: string; resolve: (hunks: BlobHunks) => void }[] = [];
  private scheduled = false;

  /** @param missing objects a partial clone lacks: a pair with one of them has no diff (null). */
  constructor(
    private readonly repo: Repository,
    private readonly objects: PrivateObjects,
    private readonly missing: ReadonlySet<string> = new Set(),
  ) {}

  /** The empty blob: a diff against it gives a file's line count. */
  get emptyBlob(): string {
    return this.objects.emptyBlob;
  }

  /** Diff from `oldOid` to `newOid` (-U0 hunk quadruples). */
  diff(oldOid: string, newOid: string): Promise<BlobHunks> {
    // git would die on it, and take the rest of its batch along.
    if (this.missing.has(oldOid) || this.missing.has(newOid)) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.queue.push({ oldOid, newOid, resolve });
      if (this.queue.length >= BATCH_LIMIT) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Ends the git process. */
  close(): void {
    this.process?.close();
  }

  private flush(): void {
    this.scheduled = false;
    const requests = this.queue;
    this.queue = [];
    if (requests.length === 0) return;
    const names = requests.map((_, i) => i.toString().padStart(8, '0'));
    const before = this.objects.writeTree(names.map((name, i) => [name, requests[i]?.oldOid ?? '']));
    const after = this.objects.writeTree(names.map((name, i) => [name, requests[i]?.newOid ?? '']));
    void this.run(this.objects.commitPair(before, after)).then(
      (patch) => {
        const byName = new Map(patch?.files.map((file) => [file.path, file]));
        requests.forEach((request, i) => {
          const file = byName.get(names[i] as string);
          request.resolve(file && !file.binary ? file.hunks : null);
        });
      },
      () => {
        for (const request of requests) request.resolve(null);
      },
    );
  }

  /** One tree pair through git; undefined when git failed on it (then every pair in it is null). */
  private async run(line: string): Promise<CommitPatch | undefined> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      this.process ??= new OrderedGitProcess<CommitPatch>(
        {
          cwd: this.repo.cwd,
          env: this.objects.env,
          args: [...DIFF_PROCESS_CONFIG, 'diff-tree', '--stdin', '--always', '-p', '-U0', '--no-renames', '--full-index', '--indent-heuristic'],
        },
        new PatchParser(this.objects.terminatorEcho),
        { terminator: this.objects.terminator },
      );
      try {
        const [patch] = await this.process.send([line]);
        return patch;
      } catch (error) {
        this.process = undefined;
        if (error instanceof BatchNotStarted) continue;
        if (error instanceof BatchFailure) return undefined;
        throw error;
      }
    }
    return undefined;
  }
}
