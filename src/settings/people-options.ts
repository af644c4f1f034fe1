import type { OptionSpec } from './option-schema.js';

/**
 * Output options of `busfactor people` only (docs/people.md). Like every output option they are
 * per invocation, never from a config file: a repository may not choose what a pipeline gets.
 */
export const PEOPLE_OPTIONS = {
  mailmap: {
    flag: '--mailmap',
    type: { kind: 'boolean' },
    default: false,
    inConfig: false,
    help: 'print the merge suggestions as .mailmap lines to review (nothing is written to .mailmap)',
  },
} as const satisfies Record<string, OptionSpec>;
