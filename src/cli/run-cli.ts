import { CommanderError } from 'commander';
import { EXIT } from '../errors.js';
import { createProgram } from './program.js';
import { EXIT_INTERRUPTED, reportError } from './report-error.js';

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
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  // `busfactor --json | head`: a closed pipe ends the output, it is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
  });

  let exitCode: number = EXIT.ok;
  const program = createProgram(async (path, flags) => {
    const { runScan } = await import('./commands/scan.js');
    exitCode = await runScan(path, flags, controller.signal);
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
    return reportError(error, (line) => process.stderr.write(line));
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
  return exitCode;
}

