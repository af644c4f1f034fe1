import { InternalError } from '../errors.js';
import type { Repository } from '../git/repo.js';
import { listMissingObjects } from '../git/missing-objects.js';
import { streamGitRecords } from '../git/run-git.js';

/** What a tree entry is, from its mode. */
export type EntryKind = 'blob' | 'symlink' | 'submodule';

/** One entry of `git ls-tree -r -l` at the analysed commit. */
export interface TreeEntry {
  readonly kind: EntryKind;
  readonly oid: string;
  /** Bytes; 0 for submodules; undefined when the object is missing (ls-tree prints `BAD`). */
  readonly size: number | undefined;
  /** The path as UTF-8 text (as it is reported). */
  readonly path: string;
  /** The path's bytes as git gave them: what git is asked about again (check-attr). */
  readonly rawPath: Buffer;
}

/**
 * `<mode> SP <type> SP <oid> SP+ <size>` before the TAB of an `ls-tree -l` record; the size is
 * `-` for a submodule and `BAD` for a blob whose object is missing.
 */
const HEADER = /^([0-7]{6}) ([a-z]+) ([0-9a-f]{40,64})(?: +(-|BAD|[0-9]+))?$/;

/** Parses one NUL-terminated `ls-tree -r -z -l` record. */
export function parseTreeRecord(record: Buffer): TreeEntry {
  const tab = record.indexOf(9);
  const header = tab === -1 ? undefined : HEADER.exec(record.subarray(0, tab).toString('latin1'));
  if (!header) throw new InternalError(`unexpected git ls-tree record: ${JSON.stringify(record.toString('utf8').slice(0, 200))}`);
  const [, mode, , oid = '', size] = header;
  const rawPath = Buffer.from(record.subarray(tab + 1));
  // Modes per git's tree format: 160000 gitlink, 120000 symbolic link, 100644/100755 files.
  const kind: EntryKind = mode === '160000' ? 'submodule' : mode === '120000' ? 'symlink' : 'blob';
  return { kind, oid, size: size === undefined || size === 'BAD' ? undefined : size === '-' ? 0 : Number(size), path: rawPath.toString('utf8'), rawPath };
}

/**
 * Every file of the commit's tree, recursively, from the top of the repository whatever the
 * scope. `-z` gives raw path bytes (no C-quoting of spaces, newlines, quotes or non-ASCII).
 *
 * In a partial clone, `ls-tree -l` would ask for the size of every blob, and git (before 2.45) dies
 * at the first one it lacks, after a failed attempt to fetch it: there the missing blobs are listed
 * first, the tree is read without sizes, and only the blobs present are asked for theirs.
 */
export async function listTree(repo: Repository, commit: string, signal?: AbortSignal): Promise<TreeEntry[]> {
  const missing = repo.isPartialClone ? await listMissingObjects(repo, commit, { historyToo: false, signal }) : undefined;
  const entries: TreeEntry[] = [];
  const command = { cwd: repo.cwd, signal, args: ['ls-tree', '-r', '-z', '--full-tree', ...(missing ? [] : ['-l']), '--end-of-options', commit] };
  for await (const batch of streamGitRecords(command, 0)) {
    for (const record of batch) entries.push(parseTreeRecord(record));
  }
  if (!missing) return entries;
  const present = entries.filter((entry) => entry.kind !== 'submodule' && !missing.has(entry.oid));
  const sizes = await blobSizes(repo, present.map((entry) => entry.oid), signal);
  return entries.map((entry) => (entry.kind === 'submodule' ? { ...entry, size: 0 } : { ...entry, size: sizes.get(entry.oid) }));
}

/** Sizes of objects known to be present, through one `cat-file --batch-check`. */
async function blobSizes(repo: Repository, oids: readonly string[], signal?: AbortSignal): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (oids.length === 0) return sizes;
  const command = { cwd: repo.cwd, signal, input: `${[...new Set(oids)].join('\n')}\n`, args: ['cat-file', '--batch-check=%(objectname) %(objectsize)'] };
  for await (const lines of streamGitRecords(command, 10)) {
    for (const line of lines) {
      const [oid = '', size] = line.toString('latin1').split(' ');
      if (size !== undefined && /^[0-9]+$/.test(size)) sizes.set(oid, Number(size));
    }
  }
  return sizes;
}
