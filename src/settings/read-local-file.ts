import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { TreeFile } from '../git/read-tree-file.js';

/**
 * Reads a small file from disk without ever blocking on it: opened non-blocking (a FIFO opens at
 * once instead of waiting for a writer), refused unless it is a regular file within `maxBytes`,
 * and — for files inside an analysed work tree — not through a symlink (`O_NOFOLLOW`): the link
 * could point anywhere on the machine. docs/safety.md, "Files the tool reads from the repository".
 */
export async function readLocalFile(file: string, options: { readonly maxBytes: number; readonly followSymlinks: boolean }): Promise<TreeFile> {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.followSymlinks ? 0 : constants.O_NOFOLLOW);
  let handle;
  try {
    handle = await open(file, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
    if (code === 'ELOOP') return { kind: 'unusable', reason: 'is a symbolic link (not followed)' };
    return { kind: 'unusable', reason: `cannot be opened (${code ?? (error as Error).message})` };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { kind: 'unusable', reason: 'is a folder' };
    if (!info.isFile()) return { kind: 'unusable', reason: 'is not a regular file' };
    if (info.size > options.maxBytes) return { kind: 'unusable', reason: `is larger than ${Math.round(options.maxBytes / 1024)} KiB` };
    return { kind: 'file', content: await handle.readFile() };
  } finally {
    await handle.close();
  }
}
