import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';

/**
 * A small file beside the objects (`.mailmap` of a work tree, `info/attributes`, `shallow`), read
 * as git reads it: not through a symlink where git uses O_NOFOLLOW, never blocking (a FIFO or a
 * device is not read), only a regular file. Undefined when it is absent or not such a file.
 */
export async function readSmallFile(file: string, options: { readonly noFollow: boolean; readonly maxBytes?: number }): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0));
  } catch {
    return undefined;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || (options.maxBytes !== undefined && info.size > options.maxBytes)) return undefined;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * The folder a git dir shares with its repository's other work trees (objects, refs, `info/`): a
 * linked worktree's git dir names it in its `commondir` file, as git reads it; else the git dir.
 */
export async function commonDir(gitDir: string): Promise<string> {
  const text = (await readSmallFile(path.join(gitDir, 'commondir'), { noFollow: false, maxBytes: 64 * 1024 }))?.toString('utf8').trim();
  return text ? path.resolve(gitDir, text) : gitDir;
}

/** A file of the repository's `info/` folder (`attributes`, `grafts`): in the common dir, shared by every work tree. */
export async function infoFile(gitDir: string, name: string): Promise<string> {
  return path.join(await commonDir(gitDir), 'info', name);
}
