import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

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
