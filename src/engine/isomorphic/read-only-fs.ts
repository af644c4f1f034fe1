import { constants } from 'node:fs';
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
  if (file === undefined) throw Object.assign(new Error('no path'), { code: 'ENOENT' });
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

/**
 * The file system isomorphic-git is given (docs/engine.md, "Nothing written"): reads only, and no
 * read that could hang. Its write methods all fail, so whatever isomorphic-git might try — an
 * index, a cache, a lock — never reaches the repository; `test/engine/` also fingerprints the git
 * folder before and after a run.
 */
export const readOnlyFs = {
  promises: {
    readFile: readRegularFile,
    stat,
    lstat,
    readdir,
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
