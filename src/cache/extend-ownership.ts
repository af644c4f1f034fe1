import pLimit from 'p-limit';
import type { FileUniverse } from '../files/types.js';
import type { Repository } from '../git/repo.js';
import { runGit } from '../git/run-git.js';
import type { CommitRecord } from '../history/commit-record.js';
import type { HistoryAnalysis } from '../history/history-pass.js';
import { blameFile } from '../ownership/blame-file.js';
import { IGNORE_REVS_FILE } from '../ownership/ignore-revs.js';
import type { FileOwnership, LineOwnershipResult } from '../ownership/line-ownership.js';

/** Every path the commits since a cached head touched, old names of renames included. */
export class TouchedPaths implements HistoryAnalysis {
  readonly paths = new Set<string>();

  consume(commit: CommitRecord): void {
    for (const change of commit.changes) {
      this.paths.add(change.path);
      if (change.oldPath !== undefined) this.paths.add(change.oldPath);
    }
  }
}

/** Beyond this many changed files (or this share of them) one replay of the history is cheaper than blaming each. */
const MAX_BLAMED_FILES = 200;
const MAX_BLAMED_SHARE = 0.05;
/** `git blame` two at a time, as the benchmark's own baseline runs it. */
const BLAME_CONCURRENCY = 2;

export interface ExtendOwnershipInput {
  readonly repo: Repository;
  readonly base: string;
  readonly head: string;
  readonly universe: FileUniverse;
  /** The line owners at `base`, by the cached pass's identities. */
  readonly cached: LineOwnershipResult;
  /** Cached identity → identity of this run. */
  readonly remap: Int32Array;
  /** Paths the commits since `base` changed. */
  readonly touched: ReadonlySet<string>;
  /** The author of every commit of the history, by this run's identities. */
  readonly authorOf: ReadonlyMap<string, number>;
  readonly firstParent: boolean;
  readonly ignoreRevs: boolean;
  readonly signal?: AbortSignal;
}

/**
 * Line ownership at `head` from the cached owners at its ancestor `base`: a file no commit since
 * changed has the same `git blame` at both (its lines and every commit blame reaches are the
 * same), so its owners are kept; a changed or new file is blamed with git. Undefined when the
 * full replay is the better way (docs/cache.md): too many files changed, the cached result had
 * warnings, or `.git-blame-ignore-revs` is honoured (the replay's reading of ignored lines is
 * its own, and must not mix with blame's).
 */
export async function extendOwnership(input: ExtendOwnershipInput): Promise<LineOwnershipResult | undefined> {
  const { repo, universe, cached, remap, signal } = input;
  if (cached.warnings.length > 0) return undefined;
  if (input.ignoreRevs && universe.blobs.has(IGNORE_REVS_FILE)) return undefined;
  // A merge can change a file none of the commits it brings in changed (a conflict's resolution).
  const { stdout } = await runGit({ cwd: repo.cwd, args: ['diff-tree', '-r', '-z', '--name-only', '--no-renames', input.base, input.head, '--'], signal });
  const changed = new Set(input.touched);
  for (const name of stdout.toString('utf8').split('\0')) if (name !== '') changed.add(name);

  const before = new Map(cached.files.map((file) => [file.path, file]));
  const toBlame = universe.files.filter((file) => changed.has(file.path) || !before.has(file.path)).map((file) => file.path);
  if (toBlame.length > Math.max(MAX_BLAMED_FILES, universe.files.length * MAX_BLAMED_SHARE)) return undefined;

  const limit = pLimit(BLAME_CONCURRENCY);
  const blamed = await Promise.all(
    toBlame.map((path) => limit(async () => blameFile(repo, input.head, path, { firstParent: input.firstParent, signal }).catch(() => undefined))),
  );
  const byPath = new Map<string, FileOwnership>();
  for (const [i, path] of toBlame.entries()) {
    const lines = blamed[i];
    // A file blame cannot read: the full run decides what to say about it.
    if (!lines) return undefined;
    const byIdentity = new Map<number, number>();
    for (const oid of lines) {
      const identity = input.authorOf.get(oid) ?? -1;
      byIdentity.set(identity, (byIdentity.get(identity) ?? 0) + 1);
    }
    byPath.set(path, { path, lines: lines.length, byIdentity });
  }
  const files: FileOwnership[] = [];
  for (const { path } of universe.files) {
    const fresh = byPath.get(path);
    if (fresh) {
      files.push(fresh);
      continue;
    }
    const old = before.get(path) as FileOwnership;
    const byIdentity = new Map<number, number>();
    for (const [identity, lines] of old.byIdentity) byIdentity.set(identity < 0 ? identity : (remap[identity] as number), lines);
    files.push({ path, lines: old.lines, byIdentity });
  }
  return { files, warnings: [] };
}
