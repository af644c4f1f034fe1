import type { OptionSpec, ValueOf } from './option-schema.js';

/**
 * A repository given as a URL (docs/remote.md): whether to fetch its copy. Per invocation, never
 * from a config file (as the cache options: settings/cache-options.ts): the copy is fetched before
 * any config is read, and a repository may not choose when the tool talks to the network.
 */
export const REMOTE_OPTIONS = {
  fetch: {
    flag: '--fetch',
    type: { kind: 'boolean' },
    default: true,
    negation: { flag: '--no-fetch', help: 'a URL: analyse the copy in the cache folder as it is, without fetching (an error when there is none yet)' },
    inConfig: false,
    help: 'a URL: clone it into the cache folder the first time, fetch it on later runs (the default)',
  },
} as const satisfies Record<string, OptionSpec>;

export type RemoteOptionValues = { -readonly [K in keyof typeof REMOTE_OPTIONS]: ValueOf<(typeof REMOTE_OPTIONS)[K]['type']> };
