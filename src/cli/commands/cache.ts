import { existsSync } from 'node:fs';
import path from 'node:path';
import { clearCache, inventory } from '../../cache/cache-inventory.js';
import { defaultCacheDir } from '../../cache/cache-folder.js';
import { InputError } from '../../errors.js';
import { listCopies, removeCopies } from '../../remote/list-copies.js';
import { sanitizeForTerminal } from '../../render/sanitize.js';
import type { CacheOptionValues } from '../../settings/cache-options.js';
import type { OutputOptionValues } from '../../settings/option-schema.js';
import type { CommandInput } from './command.js';

const ACTIONS = ['info', 'clear'] as const;

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * `busfactor cache info|clear` (docs/cache.md): what the cache folder holds, per repository, or
 * empty it. Reads nothing of any repository.
 */
export async function run(input: CommandInput): Promise<number> {
  const action = input.path;
  if (!(ACTIONS as readonly string[]).includes(action)) throw new InputError(`cache ${action}: expected info or clear`);
  const typed = input.typedOutput as Partial<CacheOptionValues & OutputOptionValues>;
  const dir = path.resolve(typed.cacheDir ? typed.cacheDir : defaultCacheDir());
  if (action === 'clear') {
    const removed = existsSync(dir) ? await clearCache(dir) : { files: 0, bytes: 0 };
    // The copies of remote repositories too (docs/remote.md): they are cache, cloned again when needed.
    const copies = existsSync(dir) ? await removeCopies(dir) : { removed: [], inUse: 0 };
    const copyBytes = copies.removed.reduce((sum, copy) => sum + copy.bytes, 0);
    if (typed.json) {
      process.stdout.write(`${JSON.stringify({ dir, removedFiles: removed.files, removedBytes: removed.bytes, removedCopies: copies.removed.length, removedCopyBytes: copyBytes, copiesInUse: copies.inUse }, null, 2)}\n`);
    } else {
      const inUse = copies.inUse > 0 ? `; ${copies.inUse} kept: another busfactor run is fetching ${copies.inUse === 1 ? 'it' : 'them'}` : '';
      process.stdout.write(`${sanitizeForTerminal(dir)}: removed ${removed.files} file(s), ${mebibytes(removed.bytes)}, and ${copies.removed.length} cop${copies.removed.length === 1 ? 'y' : 'ies'} of remote repositories, ${mebibytes(copyBytes)}${inUse}\n`);
    }
    return 0;
  }
  const found = { ...(await inventory(dir)), copies: await listCopies(dir) };
  if (typed.json) {
    process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
    return 0;
  }
  const lines = [`cache folder: ${dir}`, `${found.files} file(s), ${mebibytes(found.bytes)}, ${found.repositories.length} repositor${found.repositories.length === 1 ? 'y' : 'ies'}`];
  for (const repo of found.repositories) {
    lines.push(`  ${repo.repository}  ${repo.commits} commit(s)  ${mebibytes(repo.bytes)}  last used ${repo.lastUsed.slice(0, 16).replace('T', ' ')} UTC`);
  }
  if (found.copies.length > 0) {
    lines.push(`${found.copies.length} cop${found.copies.length === 1 ? 'y' : 'ies'} of remote repositories, ${mebibytes(found.copies.reduce((sum, copy) => sum + copy.bytes, 0))}`);
    for (const copy of found.copies) lines.push(`  ${copy.url}  ${mebibytes(copy.bytes)}  fetched ${copy.fetchedAt.slice(0, 16).replace('T', ' ')} UTC`);
  }
  if (found.unreadable > 0) lines.push(`${found.unreadable} file(s) are no usable cache file (damaged, or of another version): the next analysis rebuilds them, 'busfactor cache clear' removes them`);
  process.stdout.write(`${lines.map((line) => sanitizeForTerminal(line)).join('\n')}\n`);
  return 0;
}
