import { ANALYSIS_OPTIONS, OUTPUT_OPTIONS, type OptionSpec } from '../../settings/option-schema.js';
import { TREND_OPTIONS } from '../../settings/trend-options.js';
import { PEOPLE_OPTIONS } from '../../settings/people-options.js';
import { CHECK_OUTPUT_OPTIONS, CHECK_POLICY_OPTIONS } from '../../settings/check-options.js';
import { REPORT_OUTPUT_OPTIONS } from '../../settings/report-options.js';
import { CACHE_OPTIONS } from '../../settings/cache-options.js';
import { REMOTE_OPTIONS } from '../../settings/remote-options.js';
import { ORG_RUN_OPTIONS, ORG_VIEW_OPTIONS } from '../../settings/org-options.js';
import type { CommandModule } from './command.js';

/**
 * A command's positional argument: one optional value with a default (`[path]`), or, `variadic`,
 * one or more values (`<repositories...>`: `busfactor org a b c`), which the command gets as `paths`.
 */
export type CommandArgument =
  | { readonly name: string; readonly description: string; readonly default: string; readonly variadic?: false }
  | { readonly name: string; readonly description: string; readonly variadic: true };

/** One command of the CLI: its help, its argument, its options, and its module, loaded only when it runs. */
export interface CommandEntry {
  readonly description: string;
  readonly argument: CommandArgument;
  readonly analysisOptions: Readonly<Record<string, OptionSpec>>;
  readonly outputOptions: Readonly<Record<string, OptionSpec>>;
  readonly isDefault?: boolean;
  readonly load: () => Promise<CommandModule>;
}

/** Options of a command less those it has no use for (check: the what-if's --without). */
function withoutKeys(options: Readonly<Record<string, OptionSpec>>, keys: readonly string[]): Readonly<Record<string, OptionSpec>> {
  return Object.fromEntries(Object.entries(options).filter(([key]) => !keys.includes(key)));
}

/** The commands, by name: adding one is one module and one entry here. */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  scan: {
    description: 'analyse a repository (default: the current directory at HEAD): on a terminal, explore it interactively; otherwise print its bus factors',
    argument: { name: '[path]', description: 'work tree, folder inside one (limits the analysis to it), bare repository, or URL (https://, ssh://, git@host:path, git://, file://: cloned into the cache folder)', default: '.' },
    analysisOptions: ANALYSIS_OPTIONS,
    outputOptions: { ...OUTPUT_OPTIONS, ...CACHE_OPTIONS, ...REMOTE_OPTIONS },
    isDefault: true,
    load: async () => import('./scan.js'),
  },
  trend: {
    description: 'the bus factor, active bus factor and lost share of the repository and its top-level folders at regular points of its history',
    argument: { name: '[path]', description: 'work tree, folder inside one (limits the analysis to it), bare repository, or URL (https://, ssh://, git@host:path, git://, file://: cloned into the cache folder)', default: '.' },
    analysisOptions: ANALYSIS_OPTIONS,
    outputOptions: {
      format: OUTPUT_OPTIONS.format,
      json: OUTPUT_OPTIONS.json,
      output: OUTPUT_OPTIONS.output,
      config: OUTPUT_OPTIONS.config,
      color: OUTPUT_OPTIONS.color,
      quiet: OUTPUT_OPTIONS.quiet,
      ...TREND_OPTIONS,
      ...CACHE_OPTIONS,
      ...REMOTE_OPTIONS,
    },
    load: async () => import('./trend.js'),
  },
  check: {
    description: 'the CI gate: evaluate bus-factor policies (config "check" section and flags); exit 0 pass, 1 a breach, 2 bad input. Formats for CI: SARIF, JUnit, CodeClimate, Markdown, GitHub annotations',
    argument: { name: '[path]', description: 'work tree, folder inside one (limits the analysis to it), bare repository, or URL (https://, ssh://, git@host:path, git://, file://: cloned into the cache folder)', default: '.' },
    analysisOptions: withoutKeys(ANALYSIS_OPTIONS, ['without']),
    outputOptions: { ...CHECK_POLICY_OPTIONS, ...CHECK_OUTPUT_OPTIONS, ...CACHE_OPTIONS, ...REMOTE_OPTIONS },
    load: async () => import('./check.js'),
  },
  report: {
    description: 'the analysis as a document to attach or publish: one self-contained HTML page with an offline what-if, its PDF, Markdown (a wiki page, a pull-request comment), the modules and people tables as CSV, or the JSON report',
    argument: { name: '[path]', description: 'work tree, folder inside one (limits the analysis to it), bare repository, or URL (https://, ssh://, git@host:path, git://, file://: cloned into the cache folder)', default: '.' },
    analysisOptions: ANALYSIS_OPTIONS,
    outputOptions: { ...REPORT_OUTPUT_OPTIONS, ...CACHE_OPTIONS, ...REMOTE_OPTIONS },
    load: async () => import('./report.js'),
  },
  people: {
    description: 'list everyone in the history (emails, names, commits, first and last commit, departed, bot, files authored) and suggest identities to merge; --mailmap prints them as .mailmap lines to review',
    argument: { name: '[path]', description: 'work tree, folder inside one, bare repository, or URL (cloned into the cache folder)', default: '.' },
    analysisOptions: ANALYSIS_OPTIONS,
    outputOptions: { format: OUTPUT_OPTIONS.format, json: OUTPUT_OPTIONS.json, output: OUTPUT_OPTIONS.output, config: OUTPUT_OPTIONS.config, color: OUTPUT_OPTIONS.color, quiet: OUTPUT_OPTIONS.quiet, ...PEOPLE_OPTIONS, ...CACHE_OPTIONS, ...REMOTE_OPTIONS },
    load: async () => import('./people.js'),
  },
  org: {
    description: 'the organisation view: analyse many repositories (folders holding them, list files, URLs), --jobs at a time, and show which hang on whom and who is a key person in many (docs/org.md)',
    argument: { name: '<repositories...>', description: 'repository folders, folders holding repositories, list files (one path or URL a line), URLs', variadic: true },
    // --rev names a commit of one repository; --without a person who may be in none of them (docs/org.md).
    analysisOptions: withoutKeys(ANALYSIS_OPTIONS, ['rev', 'without']),
    outputOptions: { ...ORG_VIEW_OPTIONS, ...ORG_RUN_OPTIONS, ...CACHE_OPTIONS, ...REMOTE_OPTIONS },
    load: async () => import('./org.js'),
  },
  aggregate: {
    description: 'the organisation view from per-repository JSON reports made elsewhere (a CI matrix, Kubernetes Jobs, GNU parallel): busfactor scan --json or busfactor org --out files (docs/org.md)',
    argument: { name: '<reports...>', description: 'JSON report files, or folders of them (their *.json files)', variadic: true },
    analysisOptions: {},
    outputOptions: ORG_VIEW_OPTIONS,
    load: async () => import('./aggregate.js'),
  },
  cache: {
    description: 'the analysis cache (docs/cache.md): `cache info` lists what it holds per repository, `cache clear` empties it',
    argument: { name: '[action]', description: 'info or clear', default: 'info' },
    analysisOptions: {},
    outputOptions: { json: OUTPUT_OPTIONS.json, cacheDir: CACHE_OPTIONS.cacheDir },
    load: async () => import('./cache.js'),
  },
};
