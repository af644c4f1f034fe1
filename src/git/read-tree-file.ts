import { listMissingObjects } from './missing-objects.js';
import type { Repository } from './repo.js';
import { runGit } from './run-git.js';

/** What a repository file at the analysed commit turned out to be. */
export type TreeFile =
  | { readonly kind: 'absent' }
  | { readonly kind: 'file'; readonly content: Buffer }
  /** There, but not usable as a file: `reason` completes "<path> …" in a warning. */
  | { readonly kind: 'unusable'; readonly reason: string };

/** `<mode> SP <type> SP <oid> TAB <path>` of `ls-tree -z`. */
const ENTRY = /^([0-7]{6}) ([a-z]+) ([0-9a-f]{40,64})\t/;

/**
 * Reads a file the tool takes settings from (`.git-blame-ignore-revs`, config files) from the
 * analysed commit's tree — never through the work tree, where it could be a symlink to a FIFO,
 * a device or a file outside the repository, or differ from the commit analysed. A symlink, a
 * folder, a submodule, a blob over `maxBytes` or a missing blob is `unusable`, with the reason.
 */
export async function readTreeFile(repo: Repository, commit: string, path: string, options: { readonly maxBytes: number; readonly signal?: AbortSignal }): Promise<TreeFile> {
  const { signal } = options;
  const listing = await runGit({ cwd: repo.cwd, signal, args: ['ls-tree', '-z', '--full-tree', '--end-of-options', commit, path] });
  const record = listing.stdout.toString('utf8').split('\0').find((entry) => entry.endsWith(`\t${path}`));
  const match = record === undefined ? undefined : ENTRY.exec(record);
  if (!match) return { kind: 'absent' };
  const [, mode, type, oid = ''] = match;
  if (type === 'tree') return { kind: 'unusable', reason: 'is a folder' };
  if (type === 'commit') return { kind: 'unusable', reason: 'is a submodule' };
  if (mode === '120000') return { kind: 'unusable', reason: 'is a symbolic link (not followed)' };
  // A partial clone would try (and fail) to fetch a missing blob: ask whether it is there first.
  if (repo.isPartialClone && (await listMissingObjects(repo, oid, { historyToo: false, signal })).has(oid)) {
    return { kind: 'unusable', reason: 'is missing from this partial clone' };
  }
  const check = await runGit({ cwd: repo.cwd, signal, input: `${oid}\n`, args: ['cat-file', '--batch-check=%(objectsize)'] });
  const size = Number(check.stdout.toString('latin1').trim());
  if (!Number.isFinite(size)) return { kind: 'unusable', reason: 'could not be read (its object is missing)' };
  if (size > options.maxBytes) return { kind: 'unusable', reason: `is larger than ${Math.round(options.maxBytes / 1024)} KiB` };
  const blob = await runGit({ cwd: repo.cwd, signal, args: ['cat-file', 'blob', oid] });
  return { kind: 'file', content: blob.stdout };
}
