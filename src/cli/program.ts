import { Command } from 'commander';
import { TOOL_VERSION } from '../report/version.js';
import { addOptions, typedValues } from './command-options.js';
import type { CommandInput } from './commands/command.js';
import { COMMANDS } from './commands/registry.js';
import { defaultOutput } from './output-settings.js';

/** Runs a command once commander has parsed its arguments. */
export type CommandRunner = (name: string, input: Omit<CommandInput, 'signal'>) => Promise<void>;

/**
 * The command-line contract (README, "Usage"): `busfactor [scan] [path]` with common flags, one
 * subcommand per entry of the registry, every option from the option schema. The program only
 * parses; the runner (which loads the command module) does the work.
 */
export function createProgram(runner: CommandRunner): Command {
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

  for (const [name, entry] of Object.entries(COMMANDS)) {
    const { argument } = entry;
    const command = program.command(name, entry.isDefault ? { isDefault: true } : {}).description(entry.description);
    if (argument.variadic) command.argument(argument.name, argument.description);
    else command.argument(argument.name, argument.description, argument.default);
    addOptions(command, entry.analysisOptions);
    addOptions(command, entry.outputOptions);
    // A variadic argument (`<repositories...>`) comes as an array, any other as one string.
    command.action(async (value: string | string[], _flags: unknown, self: Command) => {
      const typedOutput = typedValues(self, entry.outputOptions);
      const paths = Array.isArray(value) ? value : [value];
      await runner(name, {
        path: paths[0] ?? '',
        paths,
        typed: typedValues(self, entry.analysisOptions),
        typedOutput,
        output: { ...defaultOutput(), ...typedOutput },
      });
    });
  }

  program.addHelpText('after', '\n`busfactor [path]` runs `busfactor scan [path]`; `busfactor scan --help` lists its options.');
  return program;
}
