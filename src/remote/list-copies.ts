import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { COPY_MARKER, readCopyMarker, removeEmptyFolders } from './clone-or-fetch.js';
import { acquireCopyLock } from './copy-lock.js';
import { COPIES_FOLDER, INCOMING_FOLDER, lockPathOf } from './copy-path.js';

/** One copy of a remote repository in the cache folder, as `busfactor cache info` lists it. */
export interface CopyInfo {
  /** The URL it was last fetched from (never a secret). */
  readonly url: string;
  readonly path: string;
  readonly bytes: number;
  readonly clonedAt: string;
  readonly fetchedAt: string;
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) total += await folderBytes(full);
    else if (entry.isFile()) total += (await stat(full).catch(() => undefined))?.size ?? 0;
  }
  return total;
}

/** Every copy below `<cache>/repos/` (a folder holding busfactor's marker), most recently fetched first. */
export async function listCopies(cacheDir: string): Promise<CopyInfo[]> {
  const found: CopyInfo[] = [];
  const walk = async (folder: string): Promise<void> => {
    const marker = await readCopyMarker(folder);
    if (marker) {
      found.push({ url: marker.url, path: folder, bytes: await folderBytes(folder), clonedAt: marker.clonedAt, fetchedAt: marker.fetchedAt });
      return;
    }
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      if (entry.isDirectory() && !(folder === path.join(cacheDir, COPIES_FOLDER) && entry.name === INCOMING_FOLDER)) await walk(path.join(folder, entry.name));
    }
  };
  await walk(path.join(cacheDir, COPIES_FOLDER));
  return found.sort((a, b) => b.fetchedAt.localeCompare(a.fetchedAt) || a.url.localeCompare(b.url));
}

/**
 * Removes every copy no run is fetching right now (its lock is taken first, so none is removed
 * under a clone or fetch); returns what was removed and how many were in use.
 */
export async function removeCopies(cacheDir: string): Promise<{ removed: CopyInfo[]; inUse: number }> {
  const removed: CopyInfo[] = [];
  let inUse = 0;
  for (const copy of await listCopies(cacheDir)) {
    let lock;
    try {
      lock = await acquireCopyLock(lockPathOf(copy.path), { waitLimitMs: 0 });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      inUse += 1;
      continue;
    }
    try {
      // The marker first: a copy half removed is no copy to a later run, which clones again.
      await rm(path.join(copy.path, COPY_MARKER), { force: true });
      await rm(copy.path, { recursive: true, force: true });
      removed.push(copy);
    } finally {
      await lock.release();
    }
    await removeEmptyFolders(path.dirname(copy.path), path.join(cacheDir, COPIES_FOLDER));
  }
  return { removed, inUse };
}
