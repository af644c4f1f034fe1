import { BOUNDED_MEMORY_CONFIG, NO_RENAME_LIMIT } from '../git/config-flags.js';
import { OrderedGitProcess } from '../git/ordered-git-process.js';
import type { PrivateObjects } from '../git/private-objects.js';
import type { Repository } from '../git/repo.js';
import { SAFE_DIFF_FLAGS } from '../git/safety.js';
import type { RenameFinder } from './plan-merge.js';
import { rawChunkParser, type CommitRaw } from './parse-raw.js';

/**
 * git blame's find_rename for a merge's other parents: a similarity rename search from the paths
 * the parent has and the merge no longer has (candidate sources) to the paths the merge gained
 * (destinations). Instead of diffing two whole trees with a long pathspec in a new process each
 * time, the two sides are written as small synthetic trees with their real paths, and one
 * long-lived `git diff-tree --stdin -M --raw` compares them: the same rename detection, no spawn.
 */
export function mergeRenameFinder(repo: Repository, objects: PrivateObjects): RenameFinder & { close(): void } {
  let process: OrderedGitProcess<CommitRaw> | undefined;
  const start = () =>
    new OrderedGitProcess<CommitRaw>(
      {
        cwd: repo.cwd,
        env: objects.env,
        args: [...NO_RENAME_LIMIT, ...BOUNDED_MEMORY_CONFIG, 'diff-tree', '--stdin', '--always', '-r', '-z', '--raw', '-M', '--no-abbrev', ...SAFE_DIFF_FLAGS],
      },
      rawChunkParser(objects.terminatorEcho),
      objects.terminator,
    );
  const finder = async (_parent: number, _merge: number, destinations: ReadonlyMap<string, string>, candidates: ReadonlyMap<string, string>): Promise<ReadonlyMap<string, string>> => {
    const line = objects.commitPair(objects.writePathTree(candidates), objects.writePathTree(destinations));
    process ??= start();
    let raw: CommitRaw | undefined;
    try {
      [raw] = await process.send([line]);
    } catch {
      process = undefined; // a missing blob killed it: no renames from this search
      return new Map();
    }
    const found = new Map<string, string>();
    for (const change of raw?.changes ?? []) if (change.status === 'R' && destinations.has(change.path)) found.set(change.path, change.oldPath);
    return found;
  };
  return Object.assign(finder, { close: () => process?.close() });
}
