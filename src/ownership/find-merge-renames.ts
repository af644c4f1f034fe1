import { RecordSplitter } from '../git/split-records.js';
import type { Repository } from '../git/repo.js';
import { runGit } from '../git/run-git.js';
import { SAFE_DIFF_FLAGS } from '../git/safety.js';
import type { RenameFinder } from './plan-merge.js';
import { RawParser } from './parse-raw.js';

/**
 * git blame's find_rename for a merge's other parents: a similarity rename search between the
 * parent's tree and the merge's, limited to the paths the merge gained (destinations) and the
 * parent's paths the merge no longer has (candidate sources). One git call per merge and parent.
 */
export function mergeRenameFinder(repo: Repository, oids: readonly string[]): RenameFinder {
  return async (parent, merge, destinations, candidates) => {
    const pathspec = [...destinations, ...candidates].map((path) => `:(literal)${path}`);
    const { stdout } = await runGit({
      cwd: repo.cwd,
      args: ['-c', 'diff.renameLimit=999999', 'diff-tree', '-r', '-z', '--raw', '-M', '--no-abbrev', ...SAFE_DIFF_FLAGS, oids[parent] as string, oids[merge] as string, '--', ...pathspec],
    });
    const splitter = new RecordSplitter(0);
    const tokens = splitter.push(stdout);
    const tail = splitter.end();
    const parser = new RawParser();
    // Without --stdin there is no echoed header: give the parser one.
    const [result] = [...parser.push([Buffer.from('search'), ...tokens, ...(tail ? [tail] : [])]), ...parser.end()];
    const wanted = new Set(destinations);
    const found = new Map<string, string>();
    for (const change of result?.changes ?? []) if (change.status === 'R' && wanted.has(change.path)) found.set(change.path, change.oldPath);
    return found;
  };
}
