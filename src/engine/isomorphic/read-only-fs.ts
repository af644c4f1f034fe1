import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { lstat, open, readdir, readlink, stat } from 'node:fs/promises';

/** Thrown by every write: isomorphic-git is given no way to change the analysed repository. */
function refuseWrite(): Promise<never> {
  return Promise.reject(Object.assign(new Error('busfactor reads the repository only: isomorphic-git may not write to it'), { code: 'EROFS' }));
}

/**
 * Reads a whole file, refusing what is not a regular file: a FIFO or a device named `packed-refs`
 * in an untrusted repository would otherwise block the read for ever (docs/safety.md). The file is
 * opened non-blocking, then checked.
 */
async function readRegularFile(file: string, options?: BufferEncoding | { readonly encoding?: BufferEncoding | null }): Promise<Buffer | string> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' });
    if (!info.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: 'EINVAL' });
    const encoding = typeof options === 'string' ? options : options?.encoding;
    return encoding ? await handle.readFile({ encoding }) : await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** A loose object's path: `objects/<2 hex>/<38 hex>`. */
const LOOSE_OBJECT = /^(.*\/objects\/[0-9a-f]{2})\/([0-9a-f]{38})$/;

function memoise<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (!found) {
    found = load();
    cache.set(key, found);
  }
  return found;
}

/**
 * The file system isomorphic-git is given (docs/engine.md, "Nothing written"): reads only, and no
 * read that could hang. Its write methods all fail, so whatever isomorphic-git might try — an
 * index, a cache, a lock — never reaches the repository; `test/engine/` also fingerprints the git
 * folder before and after a run.
 *
 * isomorphic-git stats the git dir, lists the pack folder and tries the loose object's file on every
 * object it reads: with `remember`, folder listings and stats are kept for the life of the object
 * store that asks (one opened repository: it is read, not watched), and a loose object its folder's
 * listing does not name fails at once, without a system call.
 */
export function createReadOnlyFs(options: { readonly remember: boolean } = { remember: false }) {
  const { remember } = options;
  const listings = new Map<string, Promise<string[]>>();
  const stats = new Map<string, Promise<Stats>>();
  const lstats = new Map<string, Promise<Stats>>();
  // isomorphic-git wraps the file system again on every call and probes it with `readFile()` (no
  // path) to see whether it returns promises: one settled answer, not a new error each time.
  const probe = Promise.reject(Object.assign(new Error('no path'), { code: 'ENOENT' }));
  probe.catch(() => {});
  const readFile = (file: string, options?: BufferEncoding | { readonly encoding?: BufferEncoding | null }): Promise<Buffer | string> =>
    file === undefined ? probe : readObjectFile(file, options);
  const readObjectFile = async (file: string, options?: BufferEncoding | { readonly encoding?: BufferEncoding | null }) => {
    const loose = remember && typeof file === 'string' ? LOOSE_OBJECT.exec(file) : null;
    if (loose) {
      const names = await memoise(listings, loose[1] as string, () => readdir(loose[1] as string)).catch(() => [] as string[]);
      if (!names.includes(loose[2] as string)) throw Object.assign(new Error(`${file}: no such file`), { code: 'ENOENT' });
    }
    return readRegularFile(file, options);
  };
  return {
    promises: {
      readFile,
      stat: (file: string) => (remember ? memoise(stats, file, () => stat(file)) : stat(file)),
      lstat: (file: string) => (remember ? memoise(lstats, file, () => lstat(file)) : lstat(file)),
      readdir: (folder: string) => (remember ? memoise(listings, folder, () => readdir(folder)) : readdir(folder)),
      readlink,
      writeFile: refuseWrite,
      mkdir: refuseWrite,
      rmdir: refuseWrite,
      rm: refuseWrite,
      unlink: refuseWrite,
      symlink: refuseWrite,
      cp: refuseWrite,
    },
  };
}

/** For isomorphic-git's calls outside the object store (refs, config): nothing remembered, refs move. */
export const readOnlyFs = createReadOnlyFs();
