import { stat } from 'node:fs/promises';
import path from 'node:path';
import { GitError, InputError } from '../errors.js';
import { runGit } from './run-git.js';
import { isPartialClone, userConfigValue } from './read-config.js';
import type { RepositoryReader } from '../engine/repository-reader.js';

/**
 * Where a repository is and what kind it is, and the reader every stage asks for its contents
 * (engine/repository-reader.ts: git's plumbing, or isomorphic-git without git); resolved once, by
 * engine/open-repository.ts, then passed to every stage.
 */
export interface Repository extends RepositoryFacts {
  readonly reader: RepositoryReader;
}

/** What a repository is, whichever engine found it out. */
export interface RepositoryFacts {
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
  /**
   * `mailmap.file` from the user's own (global or system) config. The repository's config may
   * not name a file to read: it could be any path on the machine, a FIFO among them.
   */
  readonly userMailmapFile: string | undefined;
  /** A partial clone: objects may be missing, and must be listed before any is read (missing-objects.ts). */
  readonly isPartialClone: boolean;
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

/** One path printed by `git rev-parse`: everything but the one newline git ends it with. */
async function revParsePath(cwd: string, option: string, signal: AbortSignal | undefined): Promise<string> {
  const { stdout } = await runGit({ cwd, signal, args: ['rev-parse', option] });
  return stdout.toString('utf8').replace(/\n$/, '');
}

/**
 * Resolves a path (work tree, subfolder, bare repository, linked worktree) to what git says the
 * repository is; engine/open-repository.ts adds the reader.
 */
export async function openGitRepository(target: string, signal?: AbortSignal): Promise<RepositoryFacts> {
  const absolute = path.resolve(target);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new InputError(`path does not exist: ${target}`);
  if (!info.isDirectory()) throw new InputError(`not a directory: ${target}`);

  let facts: string[];
  let gitDir: string;
  let prefix: string;
  let userMailmapFile: string | undefined;
  let partial: boolean;
  try {
    // Paths each get a call of their own: a path may contain a newline, so lines cannot be split.
    const [flags, dir, prefixed, mailmap, isPartial] = await Promise.all([
      runGit({ cwd: absolute, signal, args: ['rev-parse', '--is-bare-repository', '--is-shallow-repository', '--show-object-format', '--is-inside-work-tree'] }),
      revParsePath(absolute, '--absolute-git-dir', signal),
      revParsePath(absolute, '--show-prefix', signal),
      userConfigValue(absolute, 'mailmap.file', signal),
      isPartialClone(absolute, signal),
    ]);
    facts = flags.stdout.toString('utf8').split('\n');
    gitDir = dir;
    prefix = prefixed;
    userMailmapFile = mailmap;
    partial = isPartial;
  } catch (error) {
    if (error instanceof GitError) throw describeOpenFailure(target, error);
    throw error;
  }
  const [bare, shallow, objectFormat = 'sha1', insideWorkTree] = facts;
  const isBare = bare === 'true';
  const cwd = insideWorkTree === 'true' ? await revParsePath(absolute, '--show-toplevel', signal) : gitDir;
  const nameSource = insideWorkTree === 'true' ? cwd : gitDir.replace(/\/\.git$/, '');
  return {
    cwd,
    gitDir,
    isBare,
    isShallow: shallow === 'true',
    objectFormat,
    scope: prefix,
    name: path.basename(nameSource).replace(/\.git$/, '') || nameSource,
    userMailmapFile,
    isPartialClone: partial,
  };
}

/**
 * The `.mailmap` settings of the history scan. git reads the work tree's `.mailmap` by itself (not
 * through a symlink); a bare repository has none, so the analysed commit's copy is named. A mailmap
 * file comes only from the user's own config (`safety.ts` clears the repository's).
 */
export function mailmapConfig(repo: RepositoryFacts, commit: string): string[] {
  return [
    ...(repo.userMailmapFile ? ['-c', `mailmap.file=${repo.userMailmapFile}`] : []),
    ...(repo.isBare ? ['-c', `mailmap.blob=${commit}:.mailmap`] : []),
  ];
}

/**
 * The id of the `.mailmap` blob {@link mailmapConfig} names for a commit, '' when it has none: in
 * a bare repository two commits with different ids map the history's names differently.
 */
export async function commitMailmapBlob(repo: Repository, commit: string, signal?: AbortSignal): Promise<string> {
  const { code, stdout } = await runGit({ cwd: repo.cwd, signal, okCodes: [0, 1, 128], args: ['rev-parse', '--verify', '--quiet', '--end-of-options', `${commit}:.mailmap`] });
  return code === 0 ? stdout.toString('utf8').trim() : '';
}

/**
 * Resolves a revision to a full commit id. `--end-of-options` keeps a revision that starts with
 * `-` from being read as an option. A revision that names an object the repository cannot read is
 * reported as corruption, not as an unknown revision or an empty repository.
 */
export async function resolveCommit(repo: Repository, rev: string, signal?: AbortSignal): Promise<string> {
  const verify = (spec: string) => runGit({ cwd: repo.cwd, signal, okCodes: [0, 1, 128], args: ['rev-parse', '--verify', '--quiet', '--end-of-options', spec] });
  const commit = await verify(`${rev}^{commit}`);
  if (commit.code === 0) return commit.stdout.toString('utf8').trim();

  const named = await verify(rev);
  if (named.code === 0) {
    const oid = named.stdout.toString('utf8').trim();
    const type = await runGit({ cwd: repo.cwd, signal, okCodes: [0, 128], args: ['cat-file', '-t', oid] });
    // A full object id "resolves" whether or not the object exists: a mistyped id is unknown, a
    // name (HEAD, a branch, a tag) pointing at an object that is not there is damage.
    if (type.code !== 0 && rev.toLowerCase() === oid) throw unknownRevision(rev);
    if (type.code !== 0) throw corruption(`${rev} points to ${oid}, which cannot be read`, type.stderr);
    throw new InputError(`not a commit: ${rev} is a ${type.stdout.toString('utf8').trim()}`, { hint: 'give a commit, branch or tag' });
  }
  if (rev === 'HEAD') {
    const any = await runGit({ cwd: repo.cwd, signal, okCodes: [0, 128], args: ['rev-list', '-n', '1', '--all'] });
    if (any.code !== 0) throw corruption('its refs name objects that cannot be read', any.stderr);
    if (any.stdout.length === 0) throw new InputError('the repository has no commits yet');
    throw new InputError('HEAD has no commits yet (its branch is unborn)', { hint: 'give a branch or commit with --rev' });
  }
  throw unknownRevision(rev);
}

function unknownRevision(rev: string): InputError {
  return new InputError(`unknown revision: ${rev}`, { hint: 'give a commit, branch or tag that exists in this repository' });
}

/** The repository is damaged: named, with git's own reason (each distinct line once). */
export function corruption(what: string, stderr: string): InputError {
  const lines = stderr
    .split('\n')
    .map((line) => line.replace(/^(fatal|error):\s*/, '').trim())
    .filter(Boolean);
  const reason = [...new Set(lines)].join('; ');
  return new InputError(`the repository is corrupt: ${what}${reason ? ` (git: ${reason})` : ''}`, { hint: 'git fsck names the damage' });
}

/** What git says when objects it needs are missing or damaged (not a usage error). */
const DAMAGE = /could not read|unable to read|bad object|missing (blob|tree|commit|object)|corrupt|does not match index|inflate|packfile|invalid object|unable to parse/i;

/**
 * A git failure that escaped every fallback because an object the history needs (a commit, a
 * tree) is missing or damaged: reported as corruption, with git's reason, instead of as the failure
 * of whichever subcommand met it first. Other errors pass through unchanged.
 */
export function asCorruption(error: unknown): unknown {
  if (!(error instanceof GitError) || !DAMAGE.test(error.stderr)) return error;
  return corruption('objects its history needs are missing or damaged', error.stderr);
}
