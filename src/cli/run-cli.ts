import { CommanderError } from 'commander';
import { underGithubActions } from '../check/github-actions.js';
import { EXIT } from '../errors.js';
import { escapeCommandData } from '../render/escape-workflow-command.js';
import { COMMANDS } from './commands/registry.js';
import { defuseLegacyCommands } from './log-line.js';
import { createProgram } from './program.js';
import { EXIT_INTERRUPTED, reportError } from './report-error.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** How long an interrupted run may take to unwind before it is ended regardless. */
const INTERRUPT_GRACE_MS = 3000;

/**
 * Runs the CLI and returns the exit code; the only place that decides one. Commands are loaded
 * when they run, so `--help` and `--version` stay fast.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const controller = new AbortController();
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
    controller.abort();
    // Aborting stops every git process and lets the pipeline unwind; should anything still hold
    // the run (a git that ignores SIGTERM), the signal ends it anyway once the grace time is over.
    setTimeout(() => {
      process.stderr.write('busfactor: interrupted\n');
      process.exit(EXIT_INTERRUPTED);
    }, INTERRUPT_GRACE_MS).unref();
  };
  // Once each: a second Ctrl-C gets Node's default, an immediate end.
  for (const name of SIGNALS) process.once(name, onInterrupt);
  // `busfactor --json | head`: a closed pipe ends the output, it is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
  });

  let exitCode: number = EXIT.ok;
  const program = createProgram(async (name, input) => {
    const entry = COMMANDS[name];
    if (!entry) throw new Error(`no command ${name}`);
    const command = await entry.load();
    exitCode = await command.run({ ...input, signal: controller.signal });
  });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    if (interrupted) {
      process.stderr.write('busfactor: interrupted\n');
      return EXIT_INTERRUPTED;
    }
    let message = '';
    const github = underGithubActions();
    const code = reportError(error, (line) => {
      message += line;
      // reportError's lines are terminal-safe already; in a GitHub Actions log `##[` is defused too.
      process.stderr.write(github ? defuseLegacyCommands(line) : line);
    });
    // Under Actions the one line also becomes an annotation (docs/check.md, "GitHub Actions").
    if (github) process.stderr.write(`::error title=busfactor::${escapeCommandData(message.trim())}\n`);
    return code;
  } finally {
    for (const name of SIGNALS) process.off(name, onInterrupt);
  }
  return exitCode;
}

