import type { OptionSpec, ValueOf } from './option-schema.js';

/**
 * `busfactor trend`'s own options: which points of the history to compute. Per invocation like the
 * output options (a repository's config has no say in what is asked of it), so not in the config
 * file or its JSON Schema: `allOptions()` does not list them.
 */
export const TREND_OPTIONS = {
  every: { flag: '--every <age>', type: { kind: 'age' }, default: '', inConfig: false, help: 'a point every this long, back from the analysed commit (d, w, mo, y: 3mo)' },
  since: {
    flag: '--since <age>',
    type: { kind: 'age' },
    default: '',
    inConfig: false,
    help: 'the points go back this far before the analysed commit (3y; default: the first commit)',
  },
  points: {
    flag: '--points <n>',
    type: { kind: 'count' },
    default: 12,
    inConfig: false,
    help: 'this many points, evenly spaced from the first commit (or --since) to the analysed commit',
  },
} as const satisfies Record<string, OptionSpec>;

export type TrendOptionValues = { -readonly [K in keyof typeof TREND_OPTIONS]: ValueOf<(typeof TREND_OPTIONS)[K]['type']> };
