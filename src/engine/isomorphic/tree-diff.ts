import type { FileChange } from '../../history/commit-record.js';
import { S_IFDIR, S_IFMT, S_IFREG, type RawTreeEntry } from './parse-objects.js';

/** Reads a parsed tree by id. */
export type TreeSource = (oid: string) => Promise<readonly RawTreeEntry[]>;

/** One change of a tree diff before rename detection: paths as raw bytes in latin1 (one char per byte). */
interface RawChange {
  readonly status: 'A' | 'D' | 'M' | 'T';
  readonly path: string;
  readonly mode: number;
  /** The blob id after the change (before it, for a deletion). */
  readonly oid: string;
}

const isDir = (mode: number) => (mode & S_IFMT) === S_IFDIR;

/**
 * tree-diff.c's order: names compared as bytes, a folder as if its name ended in `/`
 * (base_name_compare), so `a.txt` < `a/` < `a0`.
 */
function compareEntries(a: RawTreeEntry, b: RawTreeEntry): number {
  const length = Math.min(a.name.length, b.name.length);
  for (let i = 0; i < length; i += 1) {
    const difference = a.name.charCodeAt(i) - b.name.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  const next = (entry: RawTreeEntry) => (entry.name.length > length ? entry.name.charCodeAt(length) : isDir(entry.mode) ? 0x2f : 0);
  return next(a) - next(b);
}

/**
 * The changes between two trees (`undefined` = the empty tree), recursively, in git's order, as
 * `git log --name-status` reports them before rename detection: A, D, M (content or mode), T (type:
 * file ↔ symlink ↔ submodule). A file replaced by a folder is a deletion and additions.
 */
async function diffTrees(before: string | undefined, after: string | undefined, read: TreeSource, prefix: string, out: RawChange[]): Promise<void> {
  const left = before === undefined ? [] : await read(before);
  const right = after === undefined ? [] : await read(after);
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const a = left[i];
    const b = right[j];
    const order = a === undefined ? 1 : b === undefined ? -1 : compareEntries(a, b);
    if (order < 0) {
      await emit('D', a as RawTreeEntry, read, prefix, out);
      i += 1;
    } else if (order > 0) {
      await emit('A', b as RawTreeEntry, read, prefix, out);
      j += 1;
    } else {
      const was = a as RawTreeEntry;
      const now = b as RawTreeEntry;
      i += 1;
      j += 1;
      if (was.oid === now.oid && was.mode === now.mode) continue;
      if (isDir(was.mode)) await diffTrees(was.oid, now.oid, read, `${prefix}${now.name}/`, out);
      else out.push({ status: (was.mode & S_IFMT) === (now.mode & S_IFMT) ? 'M' : 'T', path: prefix + now.name, mode: now.mode, oid: now.oid });
    }
  }
}

/** An entry only one side has: a file, or every file below a folder. */
async function emit(status: 'A' | 'D', entry: RawTreeEntry, read: TreeSource, prefix: string, out: RawChange[]): Promise<void> {
  if (!isDir(entry.mode)) {
    out.push({ status, path: prefix + entry.name, mode: entry.mode, oid: entry.oid });
    return;
  }
  const path = `${prefix}${entry.name}/`;
  if (status === 'A') await diffTrees(undefined, entry.oid, read, path, out);
  else await diffTrees(entry.oid, undefined, read, path, out);
}

/** diffcore-rename.c basename_same: the two paths end in the same file name. */
function sameBasename(a: string, b: string): boolean {
  return a.slice(a.lastIndexOf('/') + 1) === b.slice(b.lastIndexOf('/') + 1);
}

/**
 * Exact renames, as git's first rename pass finds them (diffcore-rename.c find_exact_renames): for
 * each added path in order, the first deleted path with the same blob id not already used,
 * preferring one with the same file name; symlinks and submodules only pair with the same mode.
 * Git's similarity pass, which compares contents, has no counterpart here (docs/engine.md).
 */
function pairExactRenames(changes: RawChange[]): (RawChange | { status: 'R'; path: string; oldPath: string })[] {
  const deleted = changes.filter((change) => change.status === 'D');
  if (deleted.length === 0 || !changes.some((change) => change.status === 'A')) return changes;
  const byOid = new Map<string, RawChange[]>();
  for (const source of deleted) {
    const list = byOid.get(source.oid);
    if (list) list.push(source);
    else byOid.set(source.oid, [source]);
  }
  const used = new Set<RawChange>();
  const renamedTo = new Map<RawChange, RawChange>();
  for (const target of changes) {
    if (target.status !== 'A') continue;
    let best: RawChange | undefined;
    let bestScore = -1;
    let tries = 100;
    for (const source of byOid.get(target.oid) ?? []) {
      const regular = (source.mode & S_IFMT) === S_IFREG && (target.mode & S_IFMT) === S_IFREG;
      if (!regular && source.mode !== target.mode) continue;
      if (used.has(source)) continue;
      const score = 1 + (sameBasename(source.path, target.path) ? 1 : 0);
      if (score > bestScore) {
        best = source;
        bestScore = score;
        if (score === 2) break;
      }
      tries -= 1;
      if (tries === 0) break;
    }
    if (best) {
      used.add(best);
      renamedTo.set(target, best);
    }
  }
  const result: (RawChange | { status: 'R'; path: string; oldPath: string })[] = [];
  for (const change of changes) {
    if (change.status === 'D' && used.has(change)) continue;
    const source = renamedTo.get(change);
    result.push(source ? { status: 'R', path: change.path, oldPath: source.path } : change);
  }
  return result;
}

/** Raw path bytes (latin1) as the UTF-8 text `git log -z` output is read as. */
function asText(path: string): string {
  return Buffer.from(path, 'latin1').toString('utf8');
}

/**
 * A commit's `--name-status -M` changes against its parent's tree (a root commit: against the empty
 * tree), with exact renames only.
 */
export async function commitChanges(parentTree: string | undefined, tree: string, read: TreeSource): Promise<FileChange[]> {
  const raw: RawChange[] = [];
  await diffTrees(parentTree, tree, read, '', raw);
  return pairExactRenames(raw).map((change) =>
    change.status === 'R' ? { status: 'R', path: asText(change.path), oldPath: asText(change.oldPath) } : { status: change.status, path: asText(change.path) },
  );
}
