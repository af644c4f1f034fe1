import { BusfactorError, EXIT, InternalError, contextOf } from '../errors.js';
import { sanitizeForTerminal } from '../render/sanitize.js';
import { TOOL_VERSION } from '../report/version.js';

/** Exit code for Ctrl-C, as shells report a SIGINT death (128 + 2). */
export const EXIT_INTERRUPTED = 130;

/** `BUSFACTOR_DEBUG=1` (or any value but 0/false): internal errors show their stack and context. */
export function isDebug(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.BUSFACTOR_DEBUG;
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

const VERSIONS = `busfactor ${TOOL_VERSION}, node ${process.version}, ${process.platform}`;

/**
 * Turns any failure into exactly one line on stderr and an exit code (the only place that does):
 * known errors print their message (and hint); anything else is a bug, reported as such, never as a
 * stack trace — unless BUSFACTOR_DEBUG asks for it, for a bug report: then the stack and where the
 * analysis was (e.g. which commit and path the line replay was at) follow the line.
 */
export function reportError(error: unknown, write: (line: string) => void, env: NodeJS.ProcessEnv = process.env): number {
  if (error instanceof BusfactorError && !(error instanceof InternalError)) {
    const hint = error.hint ? ` (${error.hint})` : '';
    write(`busfactor: error: ${sanitizeForTerminal(error.message + hint)}\n`);
    if (isDebug(env)) writeDetails(error, write);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  const rerun = isDebug(env) ? '' : '; BUSFACTOR_DEBUG=1 shows where it happened';
  write(`busfactor: internal error: ${sanitizeForTerminal(message)} — please report it with this line (${VERSIONS}${rerun})\n`);
  if (isDebug(env)) writeDetails(error, write);
  return EXIT.input;
}

/** The event loop emptied while the command still waited: a bug, never a silent exit. */
export function reportStuck(write: (line: string) => void): number {
  return reportError(new InternalError('the analysis stopped: a step was waiting for an answer that can no longer come (its git process is gone)'), write);
}

/** Context lines, then each stack in the cause chain, every line sanitised for the terminal. */
function writeDetails(error: unknown, write: (line: string) => void): void {
  for (const where of contextOf(error)) write(`  while ${sanitizeForTerminal(where)}\n`);
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const stack = (current.stack ?? `${current.name}: ${current.message}`).split('\n');
    for (const line of depth === 0 ? stack : [`caused by: ${stack[0] ?? ''}`, ...stack.slice(1)]) write(`  ${sanitizeForTerminal(line)}\n`);
  }
}
