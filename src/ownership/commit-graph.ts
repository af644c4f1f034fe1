import type { Repository } from '../git/repo.js';
import { streamGitRecords } from '../git/run-git.js';

/**
 * The commits to replay, parents before children (`git rev-list --reverse --topo-order --parents`),
 * as indices: commit i's parents are all < i.
 */
export interface CommitGraph {
  readonly oids: readonly string[];
  /** Parent indices of commit i: `parents[parentStart[i] .. parentStart[i + 1])`. */
  readonly parents: Int32Array;
  readonly parentStart: Int32Array;
  /** How many commits list commit i as a parent: its state is freed after the last of them. */
  readonly childCount: Int32Array;
}

export function parentsOf(graph: CommitGraph, commit: number): Int32Array {
  return graph.parents.subarray(graph.parentStart[commit], graph.parentStart[commit + 1]);
}

/**
 * Reads the graph. With `firstParent`, only the first-parent chain is walked and merges keep only
 * their first parent, as `git blame --first-parent` sees history.
 */
export async function readCommitGraph(repo: Repository, head: string, options: { firstParent: boolean; signal?: AbortSignal }): Promise<CommitGraph> {
  const oids: string[] = [];
  const parentLists: string[][] = [];
  const args = ['rev-list', '--reverse', '--topo-order', '--parents', ...(options.firstParent ? ['--first-parent'] : []), head, '--'];
  for await (const lines of streamGitRecords({ cwd: repo.cwd, args, signal: options.signal }, 10)) {
    for (const line of lines) {
      const [oid = '', ...parents] = line.toString('latin1').split(' ');
      oids.push(oid);
      parentLists.push(options.firstParent ? parents.slice(0, 1) : parents);
    }
  }
  const index = new Map(oids.map((oid, i) => [oid, i]));
  const parentStart = new Int32Array(oids.length + 1);
  const flat: number[] = [];
  const childCount = new Int32Array(oids.length);
  parentLists.forEach((parents, i) => {
    parentStart[i] = flat.length;
    for (const parent of parents) {
      // A parent outside the walk (shallow boundary, grafts) is treated as absent: a root.
      const p = index.get(parent);
      if (p === undefined) continue;
      flat.push(p);
      childCount[p] = (childCount[p] as number) + 1;
    }
  });
  parentStart[oids.length] = flat.length;
  return { oids, parents: Int32Array.from(flat), parentStart, childCount };
}
