import type { FactStore } from '../history/fact-store.js';

/**
 * The stored commits that are `oid` or one of its ancestors, as a mask over `store.commits`:
 * the history `git log oid` would walk, found from the stored parents in memory instead of another
 * git process. Parents the store does not hold (a shallow clone's boundary, grafts) end the walk
 * there, as they end git's.
 */
export function ancestorMask(store: FactStore, oid: string): Uint8Array {
  const mask = new Uint8Array(store.commits.length);
  const start = store.indexOf.get(oid);
  if (start === undefined) return mask;
  const stack = [start];
  mask[start] = 1;
  while (stack.length > 0) {
    const commit = store.commits[stack.pop() as number];
    for (const parent of commit?.parents ?? []) {
      const index = store.indexOf.get(parent);
      if (index === undefined || mask[index] === 1) continue;
      mask[index] = 1;
      stack.push(index);
    }
  }
  return mask;
}

/**
 * The first-parent chain from `oid` back to its root, as indices into `store.commits`, newest
 * first: the commits a branch's tip has been, which is where trend points are taken.
 */
export function firstParentChain(store: FactStore, oid: string): number[] {
  const chain: number[] = [];
  const seen = new Set<number>();
  let index = store.indexOf.get(oid);
  // `seen` only guards against a damaged store: a commit graph has no cycles.
  while (index !== undefined && !seen.has(index)) {
    seen.add(index);
    chain.push(index);
    const parent = store.commits[index]?.parents[0];
    index = parent === undefined ? undefined : store.indexOf.get(parent);
  }
  return chain;
}
