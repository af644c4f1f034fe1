import { BusfactorError, EXIT, InternalError } from '../errors.js';
import { sanitizeForTerminal } from '../render/sanitize.js';
import { TOOL_VERSION } from '../report/version.js';

/** Exit code for Ctrl-C, as shells report a SIGINT death (128 + 2). */
export const EXIT_INTERRUPTED = 130;

/**
 * Turns any failure into exactly one line on stderr and an exit code (the only place that does):
 * known errors print their message (and hint); anything else is a bug, reported as such, never as a
 * stack trace.
 */
export function reportError(error: unknown, write: (line: string) => void): number {
  if (error instanceof BusfactorError && !(error instanceof InternalError)) {
    const hint = error.hint ? ` (${error.hint})` : '';
    write(`busfactor: error: ${sanitizeForTerminal(error.message + hint)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(
    `busfactor: internal error: ${sanitizeForTerminal(message)} — please report it with this line (busfactor ${TOOL_VERSION}, node ${process.version}, ${process.platform})\n`,
  );
  return EXIT.input;
}
