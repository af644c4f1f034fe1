import { existsSync } from 'node:fs';
import { defaultCacheDir } from '../cache/cache-folder.js';
import type { TransferProgress } from '../git/transfer-git.js';
import type { Warning } from '../warnings.js';
import { cloneOrFetch, type CopyAction } from './clone-or-fetch.js';
import { parseRemoteUrl, type RemoteUrl } from './parse-url.js';

/** What the analysis runs on: a local path, or the copy of a remote repository (docs/remote.md). */
export interface ResolvedTarget {
  /** The folder to open: the path as given, or the bare copy. */
  readonly path: string;
  /** For a URL: what was analysed (no secret in it), and the repository's name from its path. */
  readonly source: { readonly url: string; readonly name: string } | undefined;
  readonly warnings: readonly Warning[];
}

export interface RemoteOptions {
  /** false: `--no-fetch`. Default true. */
  readonly fetch?: boolean | undefined;
  /** The cache folder the copies live in (`repos/`); default: the user's cache folder. */
  readonly cacheDir?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((action: CopyAction, url: string, progress: TransferProgress | undefined) => void) | undefined;
}

/** The last segment of the URL's path without `.git`: the name a clone would get. */
function repositoryName(remote: RemoteUrl): string {
  const last = remote.path.split('/').filter(Boolean).pop() ?? remote.host;
  let name = last.replace(/\.git$/, '') || last;
  if (remote.pathEncoded) {
    try {
      name = decodeURIComponent(name);
    } catch {
      // Kept as written.
    }
  }
  return name;
}

/** Whether the repository argument is a URL (throws InputError for one busfactor refuses, as resolveTarget would). */
export function isRemoteTarget(target: string): boolean {
  return parseRemoteUrl(target, existsSync(target)) !== undefined;
}

/**
 * The one entry for a repository argument, used by every analysis (analyze.ts): a local path is
 * returned as it is; a URL is cloned or fetched into the cache folder first.
 */
export async function resolveTarget(target: string, options: RemoteOptions = {}): Promise<ResolvedTarget> {
  const remote = parseRemoteUrl(target, existsSync(target));
  if (!remote) return { path: target, source: undefined, warnings: [] };
  const copy = await cloneOrFetch({
    remote,
    cacheDir: options.cacheDir ?? defaultCacheDir(),
    fetch: options.fetch !== false,
    signal: options.signal,
    onProgress: options.onProgress ? (action, progress) => options.onProgress?.(action, remote.displayUrl, progress) : undefined,
  });
  const warnings: Warning[] = [];
  if (remote.protocol === 'http' && remote.credentials && copy.action !== 'as-is') {
    warnings.push({ code: 'unencrypted-credentials', message: `the user name and password given with ${remote.displayUrl} go over the network unencrypted (http://) when the server asks for them: use https://` });
  }
  return { path: copy.path, source: { url: remote.displayUrl, name: repositoryName(remote) }, warnings };
}
