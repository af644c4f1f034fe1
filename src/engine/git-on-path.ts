import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

let found: Promise<boolean> | undefined;

/**
 * Whether an executable `git` is on PATH, looked up as a shell (and Node's spawn) would: each PATH
 * entry in order, a regular file with the execute bit. Asked once per process: `--engine auto`
 * picks git when there is one (docs/engine.md).
 */
export function gitOnPath(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  found ??= lookUp(env.PATH ?? '');
  return found;
}

async function lookUp(searchPath: string): Promise<boolean> {
  for (const folder of searchPath.split(path.delimiter)) {
    // An empty entry means the current folder, which spawn does not search: skipped too.
    if (folder === '') continue;
    const candidate = path.join(folder, 'git');
    try {
      if (!(await stat(candidate)).isFile()) continue;
      await access(candidate, constants.X_OK);
      return true;
    } catch {
      // Not there, or not executable: the next entry.
    }
  }
  return false;
}
