import type { CacheRequest } from '../cache/analysis-cache.js';
import { defaultCacheDir } from '../cache/cache-folder.js';
import { DEFAULT_CACHE_LIMIT_MIB, type CacheOptionValues } from '../settings/cache-options.js';

/**
 * The cache a command's analysis uses, from its typed output options (every command has the cache
 * options: commands/registry.ts): none with `--no-cache`.
 */
export function cacheRequest(typedOutput: object): { cache?: CacheRequest } {
  const typed = typedOutput as Partial<CacheOptionValues>;
  if (typed.cache === false) return {};
  const dir = typed.cacheDir !== undefined && typed.cacheDir !== '' ? typed.cacheDir : defaultCacheDir();
  return { cache: { dir, limitBytes: (typed.cacheLimit ?? DEFAULT_CACHE_LIMIT_MIB) * 1024 * 1024 } };
}
