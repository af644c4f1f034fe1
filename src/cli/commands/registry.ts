import { ANALYSIS_OPTIONS, OUTPUT_OPTIONS, type OptionSpec } from '../../settings/option-schema.js';
import { TREND_OPTIONS } from '../../settings/trend-options.js';
import { PEOPLE_OPTIONS } from '../../settings/people-options.js';
import type { CommandModule } from './command.js';

/** One command of the CLI: its help, its argument, its options, and its module, loaded only when it runs. */
export interface CommandEntry {
  readonly description: string;
  readonly argument: { readonly name: string; readonly description: string; readonly default: string };
  readonly analysisOptions: Readonly<Record<string, OptionSpec>>;
  readonly outputOptions: Readonly<Record<string, OptionSpec>>;
  readonly isDefault?: boolean;
  readonly load: () => Promise<CommandModule>;
}

/** The commands, by name: adding one is one module and one entry here. */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  scan: {
    description: 'analyse a repository (default: the current directory at HEAD): on a terminal, explore it interactively; otherwise print its bus factors',
    argument: { name: '[path]', description: 'work tree, folder inside one (limits the analysis to it), or bare repository', default: '.' },
    analysisOptions: ANALYSIS_OPTIONS,
    outputOptions: OUTPUT_OPTIONS,
    isDefault: true,
    load: async () => import('./scan.js'),
  },
  trend: {
    description: 'the bus factor, active bus factor and lost share of the repository and its top-level folders at regular points of its history',
    argument: { name: '[path]', description: 'work tree, folder inside one (limits the analysis to it), or bare repository', default: '.' },
    analysisOptions: ANALYSIS_OPTIONS,
    outputOptions: {
      format: OUTPUT_OPTIONS.format,
      json: OUTPUT_OPTIONS.json,
      output: OUTPUT_OPTIONS.output,
      config: OUTPUT_OPTIONS.config,
      color: OUTPUT_OPTIONS.color,
      quiet: OUTPUT_OPTIONS.quiet,
      ...TREND_OPTIONS,
    },
    load: async () => import('./trend.js'),
  },
  people: {
    description: 'list everyone in the history (emails, names, commits, first and last commit, departed, bot, files authored) and suggest identities to merge; --mailmap prints them as .mailmap lines to review',
    argument: { name: '[path]', description: 'work tree, folder inside one, or bare repository', default: '.' },
    analysisOptions: ANALYSIS_OPTIONS,
    outputOptions: { format: OUTPUT_OPTIONS.format, json: OUTPUT_OPTIONS.json, output: OUTPUT_OPTIONS.output, config: OUTPUT_OPTIONS.config, color: OUTPUT_OPTIONS.color, quiet: OUTPUT_OPTIONS.quiet, ...PEOPLE_OPTIONS },
    load: async () => import('./people.js'),
  },
};
