import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CancelledError, InputError } from '../errors.js';
import { openTransfer, TransferError, transferEnvironment, type Transfer, type TransferContext, type TransferProgress } from '../git/transfer-git.js';
import { prepareCacheFolder } from '../cache/cache-folder.js';
import { acquireCopyLock } from './copy-lock.js';
import { COPIES_FOLDER, copyPath, INCOMING_FOLDER, lockPathOf } from './copy-path.js';
import type { RemoteUrl } from './parse-url.js';
import { describeTransferFailure } from './transfer-failure.js';

/**
 * The bare copy of a remote repository, made or brought up to date (docs/remote.md): cloned the
 * first time (into a folder of its own, renamed into place once complete, so an interrupted clone
 * never passes for a copy), fetched on later runs, one run at a time (remote/copy-lock.ts).
 */

/** Branches and tags, mirrored: forced, and pruned when the remote deletes them. */
export const MIRROR_REFSPECS = ['+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*'];
/** Written into a copy once it is complete: its URL (never a secret) and when it was fetched. */
export const COPY_MARKER = 'busfactor-remote.json';
/** Clones in progress older than this were left by a run that was killed. */
const STALE_INCOMING_MS = 24 * 60 * 60 * 1000;

export interface CopyRequest {
  readonly remote: RemoteUrl;
  /** The cache folder; copies live in `<cacheDir>/repos/`. */
  readonly cacheDir: string;
  /** false: `--no-fetch`, the copy as it is. */
  readonly fetch: boolean;
  readonly signal?: AbortSignal | undefined;
  /** The clone or fetch has started (`action`), and git's progress while it runs. */
  readonly onProgress?: ((action: CopyAction, progress: TransferProgress | undefined) => void) | undefined;
}

export type CopyAction = 'cloning' | 'fetching' | 'waiting';

export interface CopyMarker {
  readonly url: string;
  readonly clonedAt: string;
  readonly fetchedAt: string;
}

export interface LocalCopy {
  readonly path: string;
  /** What this run did to it: `cloned`, `fetched`, `as-is` (`--no-fetch`, or another run fetched it while this one waited). */
  readonly action: 'cloned' | 'fetched' | 'as-is';
  readonly marker: CopyMarker;
}

export async function readCopyMarker(copy: string): Promise<CopyMarker | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path.join(copy, COPY_MARKER), 'utf8')) as Partial<CopyMarker>;
    return typeof parsed.url === 'string' && typeof parsed.fetchedAt === 'string' && typeof parsed.clonedAt === 'string' ? (parsed as CopyMarker) : undefined;
  } catch {
    return undefined;
  }
}

/** Written atomically: a reader sees the old marker or the new one. */
async function writeCopyMarker(copy: string, marker: CopyMarker): Promise<void> {
  const temporary = path.join(copy, `${COPY_MARKER}.${randomUUID()}.tmp`);
  await writeFile(temporary, `${JSON.stringify(marker, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path.join(copy, COPY_MARKER));
}

/** The copy of `request.remote`, cloned or fetched as asked. */
export async function cloneOrFetch(request: CopyRequest): Promise<LocalCopy> {
  const { remote, signal } = request;
  const folder = await prepareCacheFolder(request.cacheDir, []);
  if (!folder.ok) throw new InputError(`cannot keep a copy of ${remote.displayUrl}: ${folder.reason}`, { hint: 'give another folder with --cache-dir' });
  const copy = copyPath(folder.dir, remote);
  const existing = await readCopyMarker(copy);
  if (!request.fetch) {
    if (!existing) throw new InputError(`--no-fetch: there is no copy of ${remote.displayUrl} yet in ${path.join(folder.dir, COPIES_FOLDER)}`, { hint: 'run once without --no-fetch to clone it' });
    return { path: copy, action: 'as-is', marker: existing };
  }

  await mkdir(path.dirname(copy), { recursive: true, mode: 0o700 });
  const lock = await acquireCopyLock(lockPathOf(copy), { signal, onWait: () => request.onProgress?.('waiting', undefined) });
  try {
    const env = await transferEnvironment(folder.dir, remote, signal);
    const current = await readCopyMarker(copy);
    if (current && lock.waited && Date.parse(current.fetchedAt) >= lock.waitedSince) {
      // Another run fetched it while this one waited: a fetch now would bring the same.
      return { path: copy, action: 'as-is', marker: current };
    }
    if (current) {
      request.onProgress?.('fetching', undefined);
      const context: TransferContext = { remote, signal, onProgress: (progress) => request.onProgress?.('fetching', progress) };
      const marker = await updateCopy(copy, { ...current, url: remote.displayUrl }, context, env, 'fetch');
      return { path: copy, action: 'fetched', marker };
    }
    if (await stat(copy).catch(() => undefined)) {
      throw new InputError(`${copy} exists but is no copy busfactor made (it has no ${COPY_MARKER})`, { hint: 'remove it, and busfactor clones the repository again' });
    }
    request.onProgress?.('cloning', undefined);
    const context: TransferContext = { remote, signal, onProgress: (progress) => request.onProgress?.('cloning', progress) };
    const marker = await cloneInto(copy, path.join(folder.dir, COPIES_FOLDER, INCOMING_FOLDER), context, env);
    return { path: copy, action: 'cloned', marker };
  } finally {
    await lock.release();
    // A clone that failed leaves no empty folders behind (a mistyped URL, a hostile list).
    if (!(await stat(copy).catch(() => undefined))) await removeEmptyFolders(path.dirname(copy), path.join(folder.dir, COPIES_FOLDER));
  }
}

/** Removes `folder` and its parents up to (not including) `root` while they are empty. */
export async function removeEmptyFolders(folder: string, root: string): Promise<void> {
  for (let current = folder; current.startsWith(`${root}${path.sep}`); current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
  }
}

/**
 * A new copy: an empty bare repository in `incoming/`, filled by the same fetch as every later run,
 * then renamed to its place. Until the rename there is no copy; a failed or interrupted clone
 * removes its folder (one killed outright is removed by a later clone, a day on).
 */
async function cloneInto(copy: string, incoming: string, context: TransferContext, env: Record<string, string>): Promise<CopyMarker> {
  await mkdir(incoming, { recursive: true, mode: 0o700 });
  await removeStaleIncoming(incoming);
  const folder = await mkdtemp(path.join(incoming, 'clone-'));
  try {
    const init = await openTransfer(incoming, context, env);
    await run(init, ['init', '--bare', '--quiet', folder], context, 'clone');
    const now = new Date().toISOString();
    const marker = await updateCopy(folder, { url: context.remote.displayUrl, clonedAt: now, fetchedAt: now }, context, env, 'clone');
    await rename(folder, copy);
    return marker;
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Fetches every branch and tag into the copy (pruning those the remote deleted) and points its
 * HEAD at the remote's default branch, as `git clone` does, again on every fetch: a remote that
 * changed its default branch is followed.
 */
async function updateCopy(copy: string, marker: CopyMarker, context: TransferContext, env: Record<string, string>, verb: 'clone' | 'fetch'): Promise<CopyMarker> {
  const git = await openTransfer(copy, context, env);
  const { gitUrl } = context.remote;
  // No secret in the URL kept: the password never reaches git's arguments (git/transfer-git.ts).
  await run(git, ['config', 'remote.origin.url', context.remote.displayUrl], context, verb);
  await run(git, ['config', '--replace-all', 'remote.origin.fetch', MIRROR_REFSPECS[0] as string], context, verb);
  await run(git, ['config', '--add', 'remote.origin.fetch', MIRROR_REFSPECS[1] as string], context, verb);
  const head = defaultBranch(await run(git, ['ls-remote', '--symref', gitUrl, 'HEAD'], context, verb));
  await run(git, ['fetch', '--prune', gitUrl, ...MIRROR_REFSPECS], context, verb);
  if (head) await run(git, ['symbolic-ref', 'HEAD', head], context, verb);
  const updated = { ...marker, fetchedAt: new Date().toISOString() };
  await writeCopyMarker(copy, updated);
  return updated;
}

/** `ref: refs/heads/main<TAB>HEAD` from `ls-remote --symref`; undefined when the remote names none (an empty repository). */
export function defaultBranch(lsRemote: string): string | undefined {
  for (const line of lsRemote.split('\n')) {
    const match = /^ref: (refs\/heads\/[^\t\s]+)\tHEAD$/.exec(line);
    // A branch name as git allows it (check-ref-format): no `..`, no control characters or specials.
    if (match && !/\.\.|[\0-\x20~^:?*[\\\x7f]|@\{|\/\.|\.lock$|\/$/.test((match[1] as string).slice('refs/heads/'.length))) return match[1];
  }
  return undefined;
}

/** One git call; a failure becomes one line: what could not be done to which URL, and why. */
async function run(git: Transfer, args: readonly string[], context: TransferContext, verb: 'clone' | 'fetch'): Promise<string> {
  try {
    return await git.run(args);
  } catch (error) {
    if (context.signal?.aborted) throw new CancelledError();
    if (!(error instanceof TransferError)) throw error;
    const { reason, hint } = describeTransferFailure(error.stderr);
    const again = verb === 'fetch' ? '--no-fetch analyses the copy as it was last fetched' : undefined;
    throw new InputError(`cannot ${verb} ${context.remote.displayUrl}: ${reason}`, { hint: [hint, again].filter(Boolean).join('; ') || undefined });
  }
}

/**
 * When a clone in progress last wrote: its folder, or the pack it is receiving (a long clone writes
 * one growing file in `objects/pack/` and touches nothing else).
 */
async function lastWrite(folder: string): Promise<number | undefined> {
  const info = await stat(folder).catch(() => undefined);
  if (!info) return undefined;
  let latest = info.mtimeMs;
  const packs = path.join(folder, 'objects', 'pack');
  for (const name of await readdir(packs).catch(() => [] as string[])) {
    latest = Math.max(latest, (await stat(path.join(packs, name)).catch(() => undefined))?.mtimeMs ?? 0);
  }
  return latest;
}

/** Leftovers of clones killed outright (SIGKILL, a power cut): nothing renames them any more. */
async function removeStaleIncoming(incoming: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(incoming).catch(() => [] as string[])) {
    const folder = path.join(incoming, name);
    const written = await lastWrite(folder);
    if (written !== undefined && now - written > STALE_INCOMING_MS) await rm(folder, { recursive: true, force: true });
  }
}
