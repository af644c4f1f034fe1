import { isDebug, reportError } from '../report-error.js';

/**
 * A failed analysis as the one line `busfactor scan` prints for it (cli/report-error.ts), without the
 * `busfactor: error: ` in front: the org view lists it beside the repository's name. With
 * `BUSFACTOR_DEBUG` the whole report (where it happened, the stack) goes to the worker's stderr,
 * which the parent then passes on (run-analyses.ts).
 */
export function describeFailure(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  let text = '';
  reportError(error, (line) => (text += line), env);
  if (isDebug(env)) process.stderr.write(text);
  const first = text.split('\n')[0] ?? '';
  return first.replace(/^busfactor: (error: )?/, '');
}
