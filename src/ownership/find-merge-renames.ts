import { BOUNDED_MEMORY_CONFIG } from '../git/memory-config.js';
import { OrderedGitProcess } from '../git/ordered-git-process.js';
import type { PrivateObjects } from '../git/private-objects.js';
import type { Repository } from '../git/repo.js';
import { SAFE_DIFF_FLAGS } from '../git/safety.js';
import { RecordSplitter } from '../git/split-records.js';
import type { RenameFinder } from './plan-merge.js';
import { RawParser, type CommitRaw } from './parse-raw.js';

/**
 * git blame's find_rename for a merge's other parents: a similarity rename search from the paths
 * the parent has and the merge no longer has (candidate sources) to the paths the merge gained
 * (destinations). Instead of diffing two whole trees with a long pathspec in a new process each
 * time, the two sides are written as small synthetic trees with their real paths, and one
 * long-lived `git diff-tree --stdin -M --raw` compares them: the same rename detection, no spawn.
 */
export function mergeRenameFinder(repo: Repository, objects: PrivateObjects): RenameFinder & { close(): void } {
  let process: OrderedGitProcess<CommitRaw> | undefined;
  const start = () => {
    const splitter = new RecordSplitter(0);
    const parser = new RawParser(objects.terminatorEcho);
    return new OrderedGitProcess<CommitRaw>(
      {
        cwd: repo.cwd,
        env: objects.env,
        args: ['-c', 'diff.renameLimit=999999', ...BOUNDED_MEMORY_CONFIG, 'diff-tree', '--stdin', '--always', '-r', '-z', '--raw', '-M', '--no-abbrev', ...SAFE_DIFF_FLAGS],
      },
      {
        push: (chunk) => parser.push(splitter.push(chunk)),
        end: () => {
          const tail = splitter.end();
          return [...(tail ? parser.push([tail]) : []), ...parser.end()];
        },
      },
      objects.terminator,
    );
  };
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
