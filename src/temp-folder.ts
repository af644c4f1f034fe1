import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from './errors.js';
import type { Warning } from './warnings.js';

/**
 * Temporary folders (a private index for attributes, synthetic objects for merge diffs, a copy of
 * the ignore-revs file) — never inside the analysed repository. `TMPDIR` first, as every tool does;
 * when it names a folder that cannot be used, the system's own temporary folders, with a warning
 * (docs/safety.md): the result is the same, so the run goes on.
 */
const FALLBACK_ROOTS = ['/tmp', '/var/tmp'];

/** The folder used for each preferred one (TMPDIR can change between analyses of one process). */
const chosen = new Map<string, { root: string; warning?: Warning }>();

/** Creates a new, empty temporary folder whose name starts with `prefix`. */
export async function createTempFolder(prefix: string): Promise<string> {
  const preferred = tmpdir();
  const known = chosen.get(preferred);
  if (known) return mkdtemp(path.join(known.root, prefix));
  let firstError: NodeJS.ErrnoException | undefined;
  for (const root of [preferred, ...FALLBACK_ROOTS.filter((root) => root !== preferred)]) {
    try {
      const folder = await mkdtemp(path.join(root, prefix));
      chosen.set(
        preferred,
        root === preferred
          ? { root }
          : { root, warning: { code: 'temp-folder-fallback', message: `the temporary folder ${preferred} cannot be used (${firstError?.code ?? 'error'}): ${root} is used instead` } },
      );
      return folder;
    } catch (error) {
      firstError ??= error as NodeJS.ErrnoException;
    }
  }
  throw new InputError(`no temporary folder can be created (${preferred}: ${firstError?.code ?? 'error'})`, { hint: 'set TMPDIR to a writable folder' });
}

/** The warning for the report when the temporary folder is not the one TMPDIR names. */
export function tempFolderWarnings(): Warning[] {
  const warning = chosen.get(tmpdir())?.warning;
  return warning ? [warning] : [];
}
