import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_DEPTH, DEFAULT_MIN_FILES } from '../analyze.js';
import { TOOL_VERSION } from '../report/version.js';
import type { ScanFlags } from './scan-flags.js';

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return Number(value);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export type ScanAction = (path: string, flags: ScanFlags) => Promise<void>;

/**
 * The command-line contract (README, "Usage"): `busfactor [scan] [path]` with common flags. The program
 * only parses; the action (lazy-loaded by the caller) does the work.
 */
export function createProgram(scanAction: ScanAction): Command {
  const program = new Command('busfactor')
    .description('Bus factor of every module of a git repository: who holds the knowledge, and what happens if they leave.')
    .version(TOOL_VERSION, '-V, --version')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    // Errors are thrown (exit codes are decided in run-cli.ts) and printed as one line. Set before
    // the subcommands are added: commander copies these settings into them.
    .exitOverride()
    .configureOutput({
      outputError: (message, write) => write(`busfactor: ${message.trim().replace(/\n+/g, ' ')} (see busfactor --help)\n`),
    });

  program
    .command('scan', { isDefault: true })
    .description('analyse a repository (default: the current directory at HEAD): on a terminal, explore it interactively; otherwise print its bus factors')
    .argument('[path]', 'work tree, folder inside one (limits the analysis to it), or bare repository', '.')
    .option('--rev <commit>', 'analyse the history up to this commit, with its tree as the file universe', 'HEAD')
    .addOption(new Option('--algorithm <name>', 'authorship model: avl = Avelino et al. 2016, as published').choices(['avl']).default('avl'))
    .option('--depth <n>', 'deepest folder level listed as a module', positiveInteger, DEFAULT_DEPTH)
    .option('--min-files <n>', 'smallest folder listed as a module, in files', positiveInteger, DEFAULT_MIN_FILES)
    .option('--include <glob>', 'count only files matching this glob, even if Linguist would leave them out (repeatable)', collect, [])
    .option('--exclude <glob>', 'leave out files matching this glob (repeatable; wins over --include)', collect, [])
    .option('--include-bots', 'count bots (dependabot, *[bot], …) as people', false)
    .option('--all-text', 'count data, prose and unknown-language text files too, not only code and markup', false)
    .option('--lines', 'line ownership: who wrote the surviving lines of every file (git blame for all files in one pass)')
    .option('--no-lines', 'no line ownership (the default)')
    .option('--first-parent', 'line ownership follows first parents only, as git blame --first-parent', false)
    .option('--no-ignore-revs', 'line ownership ignores .git-blame-ignore-revs (honoured by default when present)')
    .option('--json', 'print the report model as JSON (schemaVersion 1)', false)
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .option('--no-tui', 'print the text summary even on a terminal, instead of opening the interactive explorer')
    .option('-q, --quiet', 'no progress or warnings on stderr', false)
    .action(async (path: string, flags: ScanFlags) => scanAction(path, flags));

  program.addHelpText('after', '\n`busfactor [path]` runs `busfactor scan [path]`; `busfactor scan --help` lists its options.');
  return program;
}
