import type { CommitRecord } from './commit-record.js';
import type { HistoryAnalysis } from './history-pass.js';

/**
 * What the history says about one path name: per raw identity, whether they added it and how many
 * deliveries (M and R entries) they made, plus the old names of renames recorded under it.
 */
export interface PathLineage {
  /** Raw identity index → `deliveries * 2 + (added ? 1 : 0)`. */
  readonly byIdentity: Map<number, number>;
  /** Old paths of `R old→new` entries recorded under this (new) path. */
  renamedFrom: string[] | undefined;
}

/**
 * The AVL analysis (docs/algorithms.md §1): folds the history pass into per-path statistics. Only
 * A, M and R entries count; D, C and T are dropped. Everything the AVL model needs is
 * order-independent (FA = "has an A in the group", DL and AC are counts), so no change list is kept.
 */
export class LineageCollector implements HistoryAnalysis {
  /** @param paths what an earlier pass left (src/cache/: a cached analysis restored). */
  constructor(readonly paths = new Map<string, PathLineage>()) {}

  /**
   * Adds what a pass over older commits found (src/cache/), its identities renumbered by `remap`.
   * What this pass saw first stays first, as one pass over all the commits would have ordered it.
   */
  absorb(older: ReadonlyMap<string, PathLineage>, remap: Int32Array): void {
    for (const [path, old] of older) {
      let lineage = this.paths.get(path);
      if (!lineage) {
        lineage = { byIdentity: new Map(), renamedFrom: undefined };
        this.paths.set(path, lineage);
      }
      for (const [who, packed] of old.byIdentity) {
        const id = remap[who] as number;
        const here = lineage.byIdentity.get(id) ?? 0;
        // Deliveries add up; "added" is one bit that either pass may have set.
        lineage.byIdentity.set(id, (((here >> 1) + (packed >> 1)) << 1) | ((here | packed) & 1));
      }
      for (const from of old.renamedFrom ?? []) {
        lineage.renamedFrom ??= [];
        if (!lineage.renamedFrom.includes(from)) lineage.renamedFrom.push(from);
      }
    }
  }

  consume(commit: CommitRecord, credited: readonly number[]): void {
    if (credited.length === 0) return;
    for (const change of commit.changes) {
      if (change.status !== 'A' && change.status !== 'M' && change.status !== 'R') continue;
      let lineage = this.paths.get(change.path);
      if (!lineage) {
        lineage = { byIdentity: new Map(), renamedFrom: undefined };
        this.paths.set(change.path, lineage);
      }
      for (const who of credited) {
        const packed = lineage.byIdentity.get(who) ?? 0;
        lineage.byIdentity.set(who, change.status === 'A' ? packed | 1 : packed + 2);
      }
      if (change.status === 'R' && change.oldPath !== undefined) {
        lineage.renamedFrom ??= [];
        if (!lineage.renamedFrom.includes(change.oldPath)) lineage.renamedFrom.push(change.oldPath);
      }
    }
  }
}

/**
 * The rename groups of `paths` (docs/algorithms.md §1): the paths themselves plus, recursively, every
 * old path of a rename recorded under a path of the group. By path name, as the reference does:
 * an unrelated earlier file that had the same old path joins too.
 */
export function renameGroupPaths(paths: Iterable<string>, lineages: ReadonlyMap<string, PathLineage>): Set<string> {
  const group = new Set(paths);
  const stack = [...group];
  while (stack.length > 0) {
    for (const old of lineages.get(stack.pop() as string)?.renamedFrom ?? []) {
      if (!group.has(old)) {
        group.add(old);
        stack.push(old);
      }
    }
  }
  return group;
}
