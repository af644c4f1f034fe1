import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CatFileBatch } from '../git/cat-file-batch.js';
import type { Repository } from '../git/repo.js';
import { runGit } from '../git/run-git.js';
import { applyHunks } from './apply-hunks.js';
import { guessIgnoredLines } from './guess-ignored-lines.js';
import type { FileLines, IgnoredCommitHandler } from './line-replay.js';
import type { FilePatch } from './parse-patch.js';

export const IGNORE_REVS_FILE = '.git-blame-ignore-revs';

export interface IgnoreRevs {
  /** A file with the same revisions for `git blame --ignore-revs-file` (fallbacks, verification). */
  readonly file: string;
  readonly handler: { readonly commits: ReadonlySet<string>; readonly handle: IgnoredCommitHandler };
  /** Deletes the temporary copy (bare repositories) and ends the blob reader. */
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

/**
 * The repository's `.git-blame-ignore-revs`, as `git blame --ignore-revs-file .git-blame-ignore-revs`
 * run at the top of the work tree reads it (in a bare repository: the analysed commit's copy).
 * Undefined when there is none or it lists nothing.
 */
export async function loadIgnoreRevs(repo: Repository, head: string): Promise<IgnoreRevs | undefined> {
  let text: string | undefined;
  let file: string | undefined;
  let temp: string | undefined;
  if (!repo.isBare && existsSync(path.join(repo.cwd, IGNORE_REVS_FILE))) {
    file = path.join(repo.cwd, IGNORE_REVS_FILE);
    text = readFileSync(file, 'utf8');
  } else if (repo.isBare) {
    const blob = await runGit({ cwd: repo.cwd, args: ['cat-file', 'blob', `${head}:${IGNORE_REVS_FILE}`], okCodes: [0, 128] });
    if (blob.code === 0) {
      text = blob.stdout.toString('utf8');
      temp = mkdtempSync(path.join(tmpdir(), 'busfactor-ignore-revs-'));
      file = path.join(temp, IGNORE_REVS_FILE);
      writeFileSync(file, blob.stdout);
    }
  }
  const commits = text === undefined ? new Set<string>() : parseIgnoreRevs(text);
  if (!file || commits.size === 0) {
    if (temp) rmSync(temp, { recursive: true, force: true });
    return undefined;
  }
  // Only now, with revisions to ignore: their blobs are read for the line-matching heuristic.
  const reader = new CatFileBatch(repo.cwd);
  return {
    file,
    handler: { commits, handle: (commit, patch, parent) => ignoredOwners(reader, commit, patch, parent) },
    close: () => {
      reader.close();
      if (temp) rmSync(temp, { recursive: true, force: true });
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
