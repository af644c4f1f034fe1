import { OrderedGitProcess } from '../git/ordered-git-process.js';
import type { PrivateObjects } from '../git/private-objects.js';
import type { Repository } from '../git/repo.js';
import type { RenameFinder } from './plan-merge.js';
import { DIFF_PROCESS_CONFIG } from './diff-process-config.js';
import { rawChunkParser, type CommitRaw } from './parse-raw.js';

/**
 * git blame's find_rename for a merge's other parents: a similarity rename search from the paths
 * the parent has and the merge no longer has (candidate sources) to the paths the merge gained
 * (destinations). Instead of diffing two whole trees with a long pathspec in a new process each
 * time, the two sides are written as small synthetic trees with their real paths, and one
 * long-lived `git diff-tree --stdin -M --raw` compares them: the same rename detection, no spawn.
 */
export function mergeRenameFinder(repo: Repository, objects: PrivateObjects, missing: ReadonlySet<string> = new Set()): RenameFinder & { close(): void } {
  let process: OrderedGitProcess<CommitRaw> | undefined;
  const start = () =>
    new OrderedGitProcess<CommitRaw>(
      {
        cwd: repo.cwd,
        env: objects.env,
        args: [...DIFF_PROCESS_CONFIG, 'diff-tree', '--stdin', '--always', '-r', '-z', '--raw', '-M', '--no-abbrev'],
      },
      rawChunkParser(objects.terminatorEcho),
      { terminator: objects.terminator },
    );
  // Similarity needs content: objects a partial clone lacks can be neither side of a search.
  const present = (files: ReadonlyMap<string, string>) => (missing.size === 0 ? files : new Map([...files].filter(([, oid]) => !missing.has(oid))));
  const finder = async (_parent: number, _merge: number, destinations: ReadonlyMap<string, string>, candidates: ReadonlyMap<string, string>): Promise<ReadonlyMap<string, string>> => {
    const line = objects.commitPair(objects.writePathTree(present(candidates)), objects.writePathTree(present(destinations)));
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
