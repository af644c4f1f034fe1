import { rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CatFileBatch } from '../git/cat-file-batch.js';
import { readTreeFile } from '../git/read-tree-file.js';
import type { Repository } from '../git/repo.js';
import { createTempFolder } from '../temp-folder.js';
import type { Warning } from '../warnings.js';
import { applyHunks } from './apply-hunks.js';
import { guessIgnoredLines } from './guess-ignored-lines.js';
import type { FileLines, IgnoredCommitHandler } from './line-replay.js';
import type { FilePatch } from './parse-patch.js';

export const IGNORE_REVS_FILE = '.git-blame-ignore-revs';

export interface IgnoreRevs {
  /** A file with the same revisions for `git blame --ignore-revs-file` (fallbacks, verification). */
  readonly file: string;
  readonly handler: { readonly commits: ReadonlySet<string>; readonly handle: IgnoredCommitHandler };
  /** Deletes the temporary copy and ends the blob reader. */
  close(): void;
}

/**
 * git's ignore-revs format (oidset_parse_file): one full object id per line, `#` starts a comment,
 * surrounding whitespace ignored.
 */
export function parseIgnoreRevs(text: string): Set<string> {
  const commits = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(line)) commits.add(line.toLowerCase());
  }
  return commits;
}

/** Larger than any real ignore-revs file (git/git's own lists a few dozen revisions). */
const MAX_IGNORE_REVS_BYTES = 1024 * 1024;

/**
 * The analysed commit's `.git-blame-ignore-revs`, as `git blame --ignore-revs-file
 * .git-blame-ignore-revs` reads it at the top of a checkout of that commit. Read from the commit's
 * tree, never from the work tree (there it could be a symlink to a FIFO, which would block the
 * read for ever, or to a file outside the repository): docs/safety.md. A copy in a temporary
 * folder is what the `git blame` fallback gets. Undefined when there is none, it lists nothing,
 * or it cannot be used — then with a warning.
 */
export async function loadIgnoreRevs(repo: Repository, head: string, warnings: Warning[], signal?: AbortSignal): Promise<IgnoreRevs | undefined> {
  const found = await readTreeFile(repo, head, IGNORE_REVS_FILE, { maxBytes: MAX_IGNORE_REVS_BYTES, signal });
  if (found.kind === 'unusable') {
    warnings.push({ code: 'ignore-revs-unusable', message: `${IGNORE_REVS_FILE} ${found.reason}: it is not honoured (no revisions are ignored)` });
    return undefined;
  }
  if (found.kind === 'absent') return undefined;
  const commits = parseIgnoreRevs(found.content.toString('utf8'));
  if (commits.size === 0) return undefined;
  const temp = await createTempFolder('busfactor-ignore-revs-');
  const file = path.join(temp, IGNORE_REVS_FILE);
  await writeFile(file, found.content);
  // Only now, with revisions to ignore: their blobs are read for the line-matching heuristic.
  const reader = new CatFileBatch(repo.cwd);
  return {
    file,
    handler: { commits, handle: (commit, patch, parent) => ignoredOwners(reader, commit, patch, parent) },
    close: () => {
      reader.close();
      rmSync(temp, { recursive: true, force: true });
    },
  };
}

/**
 * Owners after an ignored commit: unchanged lines as usual; changed lines go where git blame's
 * fingerprint heuristic sends them (a parent line's owner), or stay with the commit.
 */
async function ignoredOwners(reader: CatFileBatch, commit: number, patch: FilePatch, parent: FileLines): Promise<Int32Array | null> {
  if (!parent.owners || !patch.newOid) return null;
  const ordinary = applyHunks(parent.owners, patch.hunks, commit);
  const [before, after] = await Promise.all([reader.read(parent.oid), reader.read(patch.newOid)]);
  if (!ordinary || !before.content || !after.content) return ordinary;
  const guesses = guessIgnoredLines(before.content, after.content, patch.hunks);
  if (guesses.length !== ordinary.length) return ordinary;
  const owners = new Int32Array(ordinary.length);
  for (let i = 0; i < owners.length; i += 1) {
    const guess = guesses[i] as number;
    owners[i] = guess === -2 ? (ordinary[i] as number) : guess === -1 ? commit : ((parent.owners[guess] as number) ?? commit);
  }
  return owners;
}
