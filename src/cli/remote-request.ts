import type { CacheOptionValues } from '../settings/cache-options.js';
import type { RemoteOptionValues } from '../settings/remote-options.js';

/**
 * How a command's analysis treats a URL (docs/remote.md), from its typed output options (every
 * analysing command has the remote and cache options: commands/registry.ts). The copy lives in the
 * cache folder, also with `--no-cache`, which is about analysis results only.
 */
export function remoteRequest(typedOutput: object): { fetch?: boolean; cacheDir?: string } {
  const typed = typedOutput as Partial<RemoteOptionValues & CacheOptionValues>;
  return { ...(typed.fetch === false ? { fetch: false } : {}), ...(typed.cacheDir ? { cacheDir: typed.cacheDir } : {}) };
}
