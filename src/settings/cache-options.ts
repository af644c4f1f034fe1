import type { OptionSpec, ValueOf } from './option-schema.js';

/** The default size limit of the cache folder, in MiB (docs/cache.md). */
export const DEFAULT_CACHE_LIMIT_MIB = 1024;

/**
 * Where the cache lives and whether to use it (docs/cache.md). Per invocation, never from a
 * config file: a repository may not choose where the tool writes.
 */
export const CACHE_OPTIONS = {
  cache: {
    flag: '--cache',
    type: { kind: 'boolean' },
    default: true,
    negation: { flag: '--no-cache', help: 'neither read nor write the cache: a cold run that stores nothing' },
    inConfig: false,
    help: 'reuse the analysis of a commit already analysed, or of an ancestor, from the cache (the default)',
  },
  cacheDir: {
    flag: '--cache-dir <dir>',
    type: { kind: 'string' },
    default: '',
    inConfig: false,
    help: 'the cache folder (default: $XDG_CACHE_HOME/busfactor, else ~/.cache/busfactor)',
  },
  cacheLimit: {
    flag: '--cache-limit <MiB>',
    type: { kind: 'count' },
    default: DEFAULT_CACHE_LIMIT_MIB,
    inConfig: false,
    help: 'least recently used cache entries are removed once the folder holds more than this many MiB',
  },
} as const satisfies Record<string, OptionSpec>;

export type CacheOptionValues = { -readonly [K in keyof typeof CACHE_OPTIONS]: ValueOf<(typeof CACHE_OPTIONS)[K]['type']> };
