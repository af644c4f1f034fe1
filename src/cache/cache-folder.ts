import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Where the cache lives, or why it is not used this run. */
export type CacheFolder = { readonly ok: true; readonly dir: string } | { readonly ok: false; readonly reason: string };

/**
 * The cache folder: `--cache-dir`, else `$XDG_CACHE_HOME/busfactor`, else `~/.cache/busfactor`
 * (the XDG base-directory rule; an XDG value that is not absolute is ignored, as the spec says).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(base, 'busfactor');
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Makes the folder if needed (private to the user) and checks it can be trusted and written: a
 * folder another user owns, or that others may write to, could hand us a crafted file or read
 * ours, so it is not used. Never a folder inside the analysed repository (`avoid`): the tool
 * writes nothing there.
 */
export async function prepareCacheFolder(dir: string, avoid: readonly string[]): Promise<CacheFolder> {
  const absolute = path.resolve(dir);
  if (avoid.some((folder) => isInside(absolute, path.resolve(folder)))) return { ok: false, reason: `${absolute} is inside the analysed repository` };
  try {
    await mkdir(absolute, { recursive: true, mode: 0o700 });
    const info = await stat(absolute);
    if (!info.isDirectory()) return { ok: false, reason: `${absolute} is not a folder` };
    const uid = process.getuid?.();
    if (uid !== undefined && info.uid !== uid) return { ok: false, reason: `${absolute} belongs to another user` };
    if ((info.mode & 0o022) !== 0) return { ok: false, reason: `${absolute} is writable by other users` };
    await access(absolute, constants.W_OK | constants.R_OK | constants.X_OK);
    return { ok: true, dir: absolute };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ok: false, reason: `${absolute} cannot be used (${code})` };
  }
}
