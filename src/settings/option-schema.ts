/**
 * Every setting, declared once (docs/config.md): its flag, its config-file key, its type, default
 * and help. The commander options (`cli/command-options.ts`), the config-file validation and the
 * JSON Schema shipped in the package (`settings/config-schema.ts`), and the analysis settings
 * (`settings/resolve-settings.ts`) are all made from this list; a setting is added here and nowhere
 * else.
 */

/** The output formats `--format` takes: each has a renderer in render/renderers.ts (the type checks it). */
export const FORMATS = ['text', 'json'] as const;
export type FormatName = (typeof FORMATS)[number];

/** The module kinds `--modules` takes (`auto` picks, see modules/choose-providers.ts). */
export const MODULE_KINDS = ['dirs', 'workspaces', 'codeowners', 'config'] as const;
export type ModuleKindName = (typeof MODULE_KINDS)[number];

/** The authorship models `--algorithm` takes (docs/algorithms.md §1 and §3). */
export const ALGORITHMS = ['avl', 'recency'] as const;
export type AlgorithmName = (typeof ALGORITHMS)[number];

/** `--co-authors`: `auto` is `ignore` under avl and `credit` under recency. */
export const CO_AUTHOR_POLICIES = ['auto', 'ignore', 'credit'] as const;

/** `--engine`: what reads the repository (docs/engine.md); `auto` = git when it is on PATH. */
export const ENGINE_CHOICES = ['auto', 'git', 'isomorphic-git'] as const;

/** How a value is written on the command line and in the config file. */
export type OptionType =
  /** A string (`--rev <commit>`). */
  | { readonly kind: 'string' }
  /** A whole number ≥ 1 (`--depth <n>`). */
  | { readonly kind: 'count' }
  /** On/off (`--include-bots`; `--no-x` where the default is on). */
  | { readonly kind: 'boolean' }
  /** Repeatable on the command line, an array in the file (`--include <glob>`). */
  | { readonly kind: 'globs' }
  /** An age before the analysed commit: a whole number and d, w, mo or y (`18mo`; settings/parse-age.ts). */
  | { readonly kind: 'age' }
  /** Repeatable free text, never from a config file (`--without <person>`). */
  | { readonly kind: 'strings' }
  /** A share from 0 to 1, written `0.25` or `25%` (`--max-lost 0.25`). */
  | { readonly kind: 'share' }
  /** One of a few words (`--algorithm avl`). */
  | { readonly kind: 'choice'; readonly choices: readonly string[] }
  /** A comma list of words (`--modules dirs,codeowners`), an array in the file. */
  | { readonly kind: 'list'; readonly choices: readonly string[]; readonly special?: readonly string[] };

export interface OptionSpec {
  /** The long flag with its argument, as commander takes it (`--depth <n>`). */
  readonly flag: string;
  readonly short?: string;
  readonly type: OptionType;
  readonly default: string | number | boolean | readonly string[];
  /** One line of help (also the JSON Schema's description). */
  readonly help: string;
  /** The flag that turns a default-on boolean off, with its help (`--no-ignore-revs`). */
  readonly negation?: { readonly flag: string; readonly help: string };
  /**
   * Settable from a config file. Off for what belongs to one invocation (how to show the result,
   * where to write it): a repository's config may never choose a path to write to.
   */
  readonly inConfig: boolean;
}

/** The analysis settings, in help order; the key is the setting's name and its config-file key. */
export const ANALYSIS_OPTIONS = {
  rev: { flag: '--rev <commit>', type: { kind: 'string' }, default: 'HEAD', inConfig: true, help: 'analyse the history up to this commit, with its tree as the file universe' },
  algorithm: {
    flag: '--algorithm <name>',
    type: { kind: 'choice', choices: ALGORITHMS },
    default: 'avl',
    inConfig: true,
    help: 'authorship model: avl = Avelino et al. 2016, as published; recency = JetBrains\' recency-weighted model (changes of the last 547 days)',
  },
  departedAfter: {
    flag: '--departed-after <age>',
    type: { kind: 'age' },
    // Avelino et al. 2019 (abandonment of open-source projects) call a developer gone after a year
    // without a commit; docs/algorithms.md §6 says why this default.
    default: '1y',
    inConfig: true,
    help: 'a person whose last activity (commit, merge, release, review) is older than this, before the analysed commit, has departed (d, w, mo, y: 90d, 18mo, 1y)',
  },
  stewardshipWindow: {
    flag: '--stewardship-window <age>',
    type: { kind: 'age' },
    default: '1y',
    inConfig: true,
    help: 'stewardship (integration, releases, review, build): the active bus factors count the activity of this long before the analysed commit (d, w, mo, y)',
  },
  coAuthors: {
    flag: '--co-authors <policy>',
    type: { kind: 'choice', choices: CO_AUTHOR_POLICIES },
    default: 'auto',
    inConfig: true,
    help: 'Co-authored-by: trailers: ignore = the author alone is credited; credit = every co-author too; auto = ignore for avl (as published), credit for recency',
  },
  without: {
    flag: '--without <person>',
    type: { kind: 'strings' },
    default: [],
    inConfig: false,
    help: 'what-if: recompute every bus factor as if this person (id, email or name) left (repeatable)',
  },
  moduleKinds: {
    flag: '--modules <kinds>',
    type: { kind: 'list', choices: MODULE_KINDS, special: ['auto'] },
    default: ['auto'],
    inConfig: true,
    help: 'module kinds, comma-separated: dirs, workspaces, codeowners, config; auto = configured modules if any, workspaces if declared, and directories',
  },
  depth: { flag: '--depth <n>', type: { kind: 'count' }, default: 2, inConfig: true, help: 'deepest folder level listed as a directory module' },
  minFiles: { flag: '--min-files <n>', type: { kind: 'count' }, default: 3, inConfig: true, help: 'smallest folder listed as a directory module, in files' },
  include: { flag: '--include <glob>', type: { kind: 'globs' }, default: [], inConfig: true, help: 'count only files matching this glob, even if Linguist would leave them out (repeatable)' },
  exclude: { flag: '--exclude <glob>', type: { kind: 'globs' }, default: [], inConfig: true, help: 'leave out files matching this glob (repeatable; wins over --include)' },
  includeBots: { flag: '--include-bots', type: { kind: 'boolean' }, default: false, inConfig: true, help: 'count bots (dependabot, *[bot], …) as people' },
  allText: { flag: '--all-text', type: { kind: 'boolean' }, default: false, inConfig: true, help: 'count data, prose and unknown-language text files too, not only code and markup' },
  lines: {
    flag: '--lines',
    type: { kind: 'boolean' },
    // Off unless asked for: it replays every diff of the history, 3–15× the rest of the analysis.
    default: false,
    negation: { flag: '--no-lines', help: 'no line ownership (the default)' },
    inConfig: true,
    help: 'line ownership: who wrote the surviving lines of every file (git blame for all files in one pass)',
  },
  firstParent: { flag: '--first-parent', type: { kind: 'boolean' }, default: false, inConfig: true, help: 'line ownership follows first parents only, as git blame --first-parent' },
  ignoreRevs: {
    flag: '--ignore-revs',
    type: { kind: 'boolean' },
    default: true,
    negation: { flag: '--no-ignore-revs', help: 'line ownership ignores .git-blame-ignore-revs (honoured by default when present)' },
    inConfig: true,
    help: 'line ownership honours the analysed commit\'s .git-blame-ignore-revs (the default)',
  },
  engine: {
    flag: '--engine <name>',
    type: { kind: 'choice', choices: ENGINE_CHOICES },
    default: 'auto',
    // Per invocation: what this machine can run is not the repository's to say (docs/engine.md).
    inConfig: false,
    help: 'what reads the repository: git, or isomorphic-git (no git needed: exact renames only, no --lines); auto = git when it is on PATH',
  },
} as const satisfies Record<string, OptionSpec>;

/**
 * How the result is shown or written: per invocation, never from a config file (a repository's
 * config may not choose where to write, nor what a pipeline reading stdout gets).
 */
export const OUTPUT_OPTIONS = {
  format: { flag: '--format <name>', type: { kind: 'choice', choices: FORMATS }, default: 'text', inConfig: false, help: 'output format; giving it (or --json, -o) prints the result instead of opening the explorer' },
  json: { flag: '--json', type: { kind: 'boolean' }, default: false, inConfig: false, help: 'short for --format json' },
  output: { flag: '--output <file>', short: '-o', type: { kind: 'string' }, default: '', inConfig: false, help: 'write the result to this file (atomically) instead of stdout' },
  config: { flag: '--config <file>', type: { kind: 'string' }, default: '', inConfig: false, help: 'read settings from this file instead of the repository\'s busfactor.json' },
  color: {
    flag: '--color',
    type: { kind: 'boolean' },
    default: true,
    negation: { flag: '--no-color', help: 'no colours (also: NO_COLOR=1)' },
    inConfig: false,
    help: 'colours on a terminal (the default)',
  },
  tui: {
    flag: '--tui',
    type: { kind: 'boolean' },
    default: true,
    negation: { flag: '--no-tui', help: 'print the text summary even on a terminal, instead of opening the interactive explorer' },
    inConfig: false,
    help: 'open the interactive explorer on a terminal (the default)',
  },
  quiet: { flag: '--quiet', short: '-q', type: { kind: 'boolean' }, default: false, inConfig: false, help: 'no progress or warnings on stderr' },
} as const satisfies Record<string, OptionSpec>;

/** The value a setting of this type holds. */
export type ValueOf<T extends OptionType> = T extends { readonly kind: 'string' }
  ? string
  : T extends { readonly kind: 'count' } | { readonly kind: 'share' }
    ? number
    : T extends { readonly kind: 'boolean' }
      ? boolean
      : T extends { readonly kind: 'globs' } | { readonly kind: 'strings' }
        ? string[]
        : T extends { readonly kind: 'age' }
          ? string
        : T extends { readonly kind: 'choice'; readonly choices: readonly (infer C)[] }
          ? C
          : T extends { readonly kind: 'list'; readonly choices: readonly (infer C)[]; readonly special: readonly (infer S)[] }
            ? (C | S)[]
            : never;

/** The values of a group of options, by key. */
export type OptionValues<T extends Record<string, OptionSpec>> = { -readonly [K in keyof T]: ValueOf<T[K]['type']> };
type Values<T extends Record<string, OptionSpec>> = OptionValues<T>;

/** Every analysis setting, resolved (defaults, then the config file, then flags). */
export type AnalysisOptionValues = Values<typeof ANALYSIS_OPTIONS>;
export type OutputOptionValues = Values<typeof OUTPUT_OPTIONS>;

export type AnalysisOptionKey = keyof typeof ANALYSIS_OPTIONS;

/** `[key, spec]` of every option, analysis settings first, in help order. */
export function allOptions(): [string, OptionSpec][] {
  return [...Object.entries(ANALYSIS_OPTIONS), ...Object.entries(OUTPUT_OPTIONS)];
}
