import type { Repository } from './repo.js';
import { streamGitRecords } from './run-git.js';

/**
 * The objects a partial clone lacks, listed without reading (or trying to fetch) any of them:
 * `git rev-list --objects --missing=print` prints a missing object as `?<oid>` and walks on.
 * With `historyToo` false only the commit's own tree is walked (`--no-walk`): what the file
 * universe needs; line ownership needs every commit's objects.
 *
 * Only for partial clones (Repository.isPartialClone): elsewhere git answers a missing object as
 * missing and goes on, and the analysis copes where it meets one.
 */
export async function listMissingObjects(repo: Repository, commit: string, options: { readonly historyToo: boolean; readonly signal?: AbortSignal }): Promise<Set<string>> {
  const missing = new Set<string>();
  const args = ['rev-list', '--objects', '--missing=print', ...(options.historyToo ? [] : ['--no-walk']), '--end-of-options', commit, '--'];
  for await (const lines of streamGitRecords({ cwd: repo.cwd, args, signal: options.signal }, 10)) {
    for (const line of lines) if (line[0] === 0x3f /* ? */) missing.add(line.toString('latin1', 1).trim());
  }
  return missing;
}
