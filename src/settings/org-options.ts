import { OUTPUT_OPTIONS, type OptionSpec, type OptionValues } from './option-schema.js';

/** The formats of the organisation view (docs/org.md); each is a renderer in render/org/org-renderers.ts. */
export const ORG_FORMATS = ['text', 'json', 'markdown', 'html', 'csv'] as const;
export type OrgFormat = (typeof ORG_FORMATS)[number];

/** The organisation view's CSV tables (`--table`): one table per document, the repositories by default. */
export const ORG_CSV_TABLES = ['repositories', 'people', 'departed'] as const;
export type OrgCsvTable = (typeof ORG_CSV_TABLES)[number];

/**
 * How the organisation view is shown: the same for `org` and `aggregate`. Per invocation like every
 * output option: no repository's config chooses them.
 */
export const ORG_VIEW_OPTIONS = {
  format: {
    flag: '--format <name>',
    type: { kind: 'choice', choices: ORG_FORMATS },
    default: 'text',
    inConfig: false,
    help: 'text, json (schemaVersion 1, docs/org.md), markdown, html (one self-contained page), csv (one table: --table); giving it prints instead of opening the explorer',
  },
  json: OUTPUT_OPTIONS.json,
  output: { ...OUTPUT_OPTIONS.output, help: 'write the organisation view to this file (atomically) instead of stdout' },
  table: {
    flag: '--table <name>',
    type: { kind: 'choice', choices: ORG_CSV_TABLES },
    default: 'repositories',
    inConfig: false,
    help: 'csv: which table — repositories (failed ones too), people (one row per key person and repository), departed (one row per departed person and repository they still hold files of)',
  },
  color: OUTPUT_OPTIONS.color,
  tui: { ...OUTPUT_OPTIONS.tui, negation: { flag: '--no-tui', help: 'print the text view even on a terminal, instead of opening the explorer' } },
  quiet: { ...OUTPUT_OPTIONS.quiet, help: 'no progress display and no warnings on stderr (failures still go to the output)' },
} as const satisfies Record<string, OptionSpec>;

/**
 * `busfactor org`'s own options (docs/org.md): how repositories are found, how many are analysed at
 * once, and where each one's full JSON report is written.
 */
export const ORG_RUN_OPTIONS = {
  jobs: {
    flag: '--jobs <n>',
    type: { kind: 'count' },
    // Decided at run time (cli/commands/org.ts, org/default-jobs.ts): 0 here stands for "not given".
    default: 0,
    inConfig: false,
    help: 'analyses run at once, each in a worker process (default: the cores, at most one per GiB of free memory, at least 1)',
  },
  recursive: {
    flag: '--recursive',
    type: { kind: 'boolean' },
    default: false,
    inConfig: false,
    help: 'search folders at every depth for repositories, work trees included (nested repositories and submodules become entries of their own); default: the folder itself, else its direct subfolders',
  },
  out: {
    flag: '--out <dir>',
    type: { kind: 'string' },
    default: '',
    inConfig: false,
    help: 'write each repository\'s full JSON report (as busfactor scan --json) into this folder, one file per repository, for busfactor aggregate',
  },
  config: { ...OUTPUT_OPTIONS.config, help: 'read settings from this file for every repository, instead of each repository\'s own busfactor.json' },
} as const satisfies Record<string, OptionSpec>;

export type OrgViewValues = OptionValues<typeof ORG_VIEW_OPTIONS>;
export type OrgRunValues = OptionValues<typeof ORG_RUN_OPTIONS>;
