import { stat } from 'node:fs/promises';
import path from 'node:path';
import { GitError, InputError } from '../errors.js';
import { runGit } from './run-git.js';

/** Where a repository is and what kind it is; resolved once, then passed to every stage. */
export interface Repository {
  /** Directory every git command runs in: the work tree's top level, or the git dir when bare. */
  readonly cwd: string;
  /** Absolute git dir (for a linked worktree: its private git dir). */
  readonly gitDir: string;
  readonly isBare: boolean;
  /** True when the history is truncated (`git clone --depth`). */
  readonly isShallow: boolean;
  /** `sha1` or `sha256`. */
  readonly objectFormat: string;
  /**
   * The part of the tree the user pointed at, with a trailing slash (`packages/api/`), or '' for
   * the whole repository: `busfactor packages/api` analyses the files below that folder.
   */
  readonly scope: string;
  /** A short display name: the top-level folder's name (without `.git`). */
  readonly name: string;
}

function describeOpenFailure(target: string, error: GitError): InputError {
  const reason = error.stderr;
  if (/not a git repository/i.test(reason)) return new InputError(`not a git repository: ${target}`);
  if (/dubious ownership/i.test(reason)) {
    return new InputError(`git refuses to read ${target}: it is owned by another user`, {
      hint: `if you trust it: git config --global --add safe.directory ${target}`,
    });
  }
  return new InputError(`cannot open ${target} as a git repository: ${error.message.replace(/^git \S+ failed: /, '')}`);
}

/** Resolves a path (work tree, subfolder, bare repository, linked worktree) to a {@link Repository}. */
export async function openRepository(target: string, signal?: AbortSignal): Promise<Repository> {
  const absolute = path.resolve(target);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new InputError(`path does not exist: ${target}`);
  if (!info.isDirectory()) throw new InputError(`not a directory: ${target}`);

  let lines: string[];
  try {
    const { stdout } = await runGit({
      cwd: absolute,
      signal,
      args: ['rev-parse', '--absolute-git-dir', '--is-bare-repository', '--is-shallow-repository', '--show-object-format', '--is-inside-work-tree', '--show-prefix'],
    });
    lines = stdout.toString('utf8').split('\n');
  } catch (error) {
    if (error instanceof GitError) throw describeOpenFailure(target, error);
    throw error;
  }
  const [gitDir = '', bare, shallow, objectFormat = 'sha1', insideWorkTree, prefix = ''] = lines;
  const isBare = bare === 'true';
  let cwd = gitDir;
  if (insideWorkTree === 'true') {
    const { stdout } = await runGit({ cwd: absolute, signal, args: ['rev-parse', '--show-toplevel'] });
    cwd = stdout.toString('utf8').replace(/\n$/, '');
  }
  const nameSource = insideWorkTree === 'true' ? cwd : gitDir.replace(/\/\.git$/, '');
  return {
    cwd,
    gitDir,
    isBare,
    isShallow: shallow === 'true',
    objectFormat,
    scope: prefix,
    name: path.basename(nameSource).replace(/\.git$/, '') || nameSource,
  };
}

/**
 * Resolves a revision to a full commit id. `--end-of-options` keeps a revision that starts with
 * `-` from being read as an option.
 */
export async function resolveCommit(repo: Repository, rev: string, signal?: AbortSignal): Promise<string> {
  try {
    const { stdout } = await runGit({ cwd: repo.cwd, signal, args: ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`] });
    return stdout.toString('utf8').trim();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (rev === 'HEAD' && (await hasNoCommits(repo, signal))) throw new InputError('the repository has no commits yet');
    throw new InputError(`unknown revision: ${rev}`, { hint: 'give a commit, branch or tag that exists in this repository' });
  }
}

async function hasNoCommits(repo: Repository, signal?: AbortSignal): Promise<boolean> {
  const { stdout } = await runGit({ cwd: repo.cwd, signal, args: ['rev-list', '-n', '1', '--all'], okCodes: [0, 128] });
  return stdout.length === 0;
}
