import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { sanitizeForTerminal } from '../render/sanitize.js';
import type { Warning } from '../warnings.js';

/**
 * Writes the result to `file` atomically: into a temporary file beside it, then renamed over it,
 * so a reader (a CI step, a browser) never sees half a report, and an interrupted run leaves the
 * previous file as it was.
 */
export async function writeOutput(file: string, text: string | Uint8Array): Promise<void> {
  const target = path.resolve(file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.busfactor-tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Hands a command's result to the user: to `-o FILE` (atomically) or stdout, then the warnings on
 * stderr unless the output already shows them (`inline`: text on stdout) or `--quiet`.
 */
export async function deliverOutput(file: string, text: string, warnings: readonly Warning[], options: { readonly quiet: boolean; readonly inline: boolean }): Promise<void> {
  if (file !== '') {
    await writeOutput(file, text).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`cannot write ${file}: ${error.code ?? error.message}`);
    });
  } else process.stdout.write(text);
  if (options.quiet || (options.inline && file === '')) return;
  for (const warning of warnings) process.stderr.write(`busfactor: warning: ${sanitizeForTerminal(warning.message)}\n`);
}
