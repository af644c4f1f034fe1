import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes the result to `file` atomically: into a temporary file beside it, then renamed over it,
 * so a reader (a CI step, a browser) never sees half a report, and an interrupted run leaves the
 * previous file as it was.
 */
export async function writeOutput(file: string, text: string): Promise<void> {
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
