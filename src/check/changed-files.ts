import { InputError } from '../errors.js';
import { mailmapConfig, resolveCommit, type Repository } from '../git/repo.js';
import { runGit } from '../git/run-git.js';
import type { Warning } from '../warnings.js';

/** What pull-request mode compares: the base commit, the commits since, the files they changed. */
export interface ChangedFiles {
  readonly since: string;
  /** The commit `since` names. */
  readonly sinceCommit: string;
  readonly base: string;
  readonly commits: number;
  /** Paths from the top of the repository, both names of a rename. */
  readonly files: readonly string[];
  /** Lower-cased emails (after .mailmap) of the commits' authors. */
  readonly authors: readonly string[];
}

const FETCH_HINT = 'fetch it first (git fetch origin main; in GitHub Actions, actions/checkout with fetch-depth: 0; in GitLab, GIT_DEPTH: 0)';

/**
 * The files the commits since `since` changed, up to `head` (docs/check.md, "Pull-request mode").
 * When `since` is not an ancestor of the head (the target branch moved on since the branch was
 * made), the comparison starts from their merge base, as `git diff since...head` does, with a warning.
 */
export async function changedFiles(repo: Repository, since: string, head: string, warnings: Warning[], signal?: AbortSignal): Promise<ChangedFiles> {
  let sinceCommit: string;
  try {
    sinceCommit = await resolveCommit(repo, since, signal);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`--changed-since ${since}: ${error.message}`, { hint: FETCH_HINT });
    throw error;
  }
  const ancestor = await runGit({ cwd: repo.cwd, signal, okCodes: [0, 1], args: ['merge-base', '--is-ancestor', sinceCommit, head] });
  let base = sinceCommit;
  if (ancestor.code !== 0) {
    const mergeBase = await runGit({ cwd: repo.cwd, signal, okCodes: [0, 1], args: ['merge-base', sinceCommit, head] });
    const found = mergeBase.stdout.toString('utf8').trim().split('\n')[0] ?? '';
    if (mergeBase.code !== 0 || found === '') {
      throw new InputError(`--changed-since ${since}: it shares no history with ${head.slice(0, 12)}`, { hint: `give the branch the changes were made from; ${FETCH_HINT}` });
    }
    base = found;
    warnings.push({
      code: 'changed-since-merge-base',
      message: `check: --changed-since ${since} (${sinceCommit.slice(0, 12)}) is not an ancestor of ${head.slice(0, 12)}: comparing from their merge base ${base.slice(0, 12)}`,
    });
  }
  const [diff, log] = await Promise.all([
    runGit({ cwd: repo.cwd, signal, args: ['diff-tree', '-r', '--name-only', '-z', '--no-renames', '--no-commit-id', base, head, '--'] }),
    // One `@`-marked record per commit, NUL-separated: its author email (%aE, after the analysed
    // commit's .mailmap, as the scan reads them). The mark counts commits whose email is empty too.
    runGit({ cwd: repo.cwd, signal, args: [...mailmapConfig(repo, head), 'log', '-z', '--format=@%aE', `${base}..${head}`, '--'] }),
  ]);
  const files = diff.stdout.toString('utf8').split('\0').filter((path) => path !== '');
  const records = log.stdout.toString('utf8').split('\0').filter((record) => record.startsWith('@'));
  const emails = records.map((record) => record.slice(1).trim().toLowerCase()).filter((email) => email !== '');
  const authors = [...new Set(emails)].sort();
  return { since, sinceCommit, base, commits: records.length, files, authors };
}
