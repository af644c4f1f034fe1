import { CHECK_FORMATS } from '../render/check/check-formats.js';
import { OUTPUT_OPTIONS, type OptionSpec, type OptionValues } from './option-schema.js';

/**
 * `busfactor check`'s policy flags (docs/check.md). They win over the config file's `check`
 * section; like every per-invocation option they are not config keys themselves (the section is).
 */
export const CHECK_POLICY_OPTIONS = {
  min: { flag: '--min <n>', type: { kind: 'count' }, default: '', inConfig: false, help: 'fail when the repository\'s bus factor is below this' },
  minActive: { flag: '--min-active <n>', type: { kind: 'count' }, default: '', inConfig: false, help: 'fail when the repository\'s bus factor over people still here is below this' },
  maxLost: { flag: '--max-lost <share>', type: { kind: 'share' }, default: '', inConfig: false, help: 'fail when more than this share of the repository\'s files (0.25 or 25%) has lost every author' },
  moduleMin: { flag: '--module-min <n>', type: { kind: 'count' }, default: '', inConfig: false, help: 'every module\'s minimum bus factor (wins over the config\'s per-module values)' },
  moduleMinActive: { flag: '--module-min-active <n>', type: { kind: 'count' }, default: '', inConfig: false, help: 'every module\'s minimum bus factor over people still here' },
  moduleMaxLost: { flag: '--module-max-lost <share>', type: { kind: 'share' }, default: '', inConfig: false, help: 'every module\'s largest share of files that have lost every author' },
  stewardshipMin: { flag: '--stewardship-min <n>', type: { kind: 'count' }, default: '', inConfig: false, help: 'minimum bus factor of each stewardship activity the history shows (integration, releases, review, build)' },
  stewardshipMinActive: {
    flag: '--stewardship-min-active <n>',
    type: { kind: 'count' },
    default: '',
    inConfig: false,
    help: 'minimum active bus factor of each stewardship activity (within --stewardship-window, people still here)',
  },
  maxDrift: {
    flag: '--max-drift <kind=n>',
    type: { kind: 'strings' },
    default: [],
    inConfig: false,
    help: 'most CODEOWNERS drift findings of a kind: owner-without-knowledge, key-person-not-owner, unowned (files) (repeatable)',
  },
  ignore: { flag: '--ignore <module>', type: { kind: 'strings' }, default: [], inConfig: false, help: 'no policy applies to this module (id, name or glob over module folders; repeatable)' },
  warnOnly: { flag: '--warn-only', type: { kind: 'boolean' }, default: false, inConfig: false, help: 'every rule at level warning: report, never fail (exit 0)' },
  baseline: { flag: '--baseline <file>', type: { kind: 'string' }, default: '', inConfig: false, help: 'known debt from this file only warns; only a regression or a new breach fails' },
  updateBaseline: { flag: '--update-baseline', type: { kind: 'boolean' }, default: false, inConfig: false, help: 'write the current findings to the --baseline file (sorted JSON to commit) and pass' },
  changedSince: {
    flag: '--changed-since <rev>',
    type: { kind: 'string' },
    default: '',
    inConfig: false,
    help: 'pull-request mode: check only the modules the commits since this revision touch (origin/main), and name reviewers who would spread their knowledge',
  },
  allowShallow: { flag: '--allow-shallow', type: { kind: 'boolean' }, default: false, inConfig: false, help: 'run on a shallow clone (refused by default: its bus factors are wrong)' },
} as const satisfies Record<string, OptionSpec>;

/** How `busfactor check` writes its result: its own formats, and several files at once. */
export const CHECK_OUTPUT_OPTIONS = {
  format: { flag: '--format <name>', type: { kind: 'choice', choices: CHECK_FORMATS }, default: 'text', inConfig: false, help: 'format on stdout (and of a plain -o FILE)' },
  json: OUTPUT_OPTIONS.json,
  outputs: {
    flag: '--output <[format=]file>',
    short: '-o',
    type: { kind: 'strings' },
    default: [],
    inConfig: false,
    help: 'write to a file (atomically) instead of stdout; format=FILE writes that format beside stdout\'s (-o sarif=busfactor.sarif -o junit=junit.xml; repeatable)',
  },
  config: { ...OUTPUT_OPTIONS.config, help: 'read settings and policies from this file instead of the repository\'s busfactor.json' },
  color: OUTPUT_OPTIONS.color,
  quiet: OUTPUT_OPTIONS.quiet,
} as const satisfies Record<string, OptionSpec>;

export type CheckPolicyValues = OptionValues<typeof CHECK_POLICY_OPTIONS>;
export type CheckOutputValues = OptionValues<typeof CHECK_OUTPUT_OPTIONS>;
