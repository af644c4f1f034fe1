import { reportError } from '../report-error.js';

/**
 * A failed analysis as the one line `busfactor scan` prints for it (cli/report-error.ts), without the
 * `busfactor: error: ` in front: the org view lists it beside the repository's name.
 */
export function describeFailure(error: unknown): string {
  let text = '';
  reportError(error, (line) => (text += line), {});
  const first = text.split('\n')[0] ?? '';
  return first.replace(/^busfactor: (error: )?/, '');
}
