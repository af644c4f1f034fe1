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
 * A pass's lineages as columns (src/cache/ stores them): one object per (path, identity) pair would
 * cost git/git's cache 47,000 objects to decode on every extended run, these are five arrays. In
 * the map's order, identities of a path in theirs.
 */
export interface LineageState {
  readonly paths: readonly string[];
  /** Where each path's identities end in `who` and `packed`: path i holds [ends[i-1], ends[i]). */
  readonly ends: Int32Array;
  readonly who: Int32Array;
  /** `deliveries * 2 + (added ? 1 : 0)`, as {@link PathLineage.byIdentity}. */
  readonly packed: Int32Array;
  /** The paths with renames recorded under them (indices into `paths`), and those old paths. */
  readonly renamedAt: Int32Array;
  readonly renamedFrom: readonly (readonly string[])[];
}

/**
 * The AVL analysis (docs/algorithms.md §1): folds the history pass into per-path statistics. Only
 * A, M and R entries count; D, C and T are dropped. Everything the AVL model needs is
 * order-independent (FA = "has an A in the group", DL and AC are counts), so no change list is kept.
 */
export class LineageCollector implements HistoryAnalysis {
  readonly paths = new Map<string, PathLineage>();

  /** @param saved what an earlier pass left (src/cache/: a cached analysis restored). */
  constructor(saved?: LineageState) {
    if (saved) this.absorb(saved, undefined);
  }

  /** Everything this analysis holds, for the cache. */
  state(): LineageState {
    const paths = [...this.paths.keys()];
    let entries = 0;
    for (const lineage of this.paths.values()) entries += lineage.byIdentity.size;
    const ends = new Int32Array(paths.length);
    const who = new Int32Array(entries);
    const packed = new Int32Array(entries);
    const renamedAt: number[] = [];
    const renamedFrom: string[][] = [];
    let at = 0;
    let index = 0;
    for (const lineage of this.paths.values()) {
      for (const [identity, value] of lineage.byIdentity) {
        who[at] = identity;
        packed[at] = value;
        at += 1;
      }
      ends[index] = at;
      if (lineage.renamedFrom) {
        renamedAt.push(index);
        renamedFrom.push([...lineage.renamedFrom]);
      }
      index += 1;
    }
    return { paths, ends, who, packed, renamedAt: Int32Array.from(renamedAt), renamedFrom };
  }

  /**
   * Adds what a pass over older commits found (src/cache/), its identities renumbered by `remap`
   * (none: kept). What this pass saw first stays first, as one pass over all the commits would have
   * ordered it.
   */
  absorb(older: LineageState, remap: Int32Array | undefined): void {
    const { paths, ends, who, packed } = older;
    let rename = 0;
    let start = 0;
    for (let index = 0; index < paths.length; index += 1) {
      const path = paths[index] as string;
      const end = ends[index] as number;
      let lineage = this.paths.get(path);
      if (!lineage) {
        lineage = { byIdentity: new Map(), renamedFrom: undefined };
        this.paths.set(path, lineage);
        for (let at = start; at < end; at += 1) lineage.byIdentity.set(renumber(who[at] as number, remap), packed[at] as number);
      } else {
        for (let at = start; at < end; at += 1) {
          const id = renumber(who[at] as number, remap);
          const old = packed[at] as number;
          const here = lineage.byIdentity.get(id) ?? 0;
          // Deliveries add up; "added" is one bit that either pass may have set.
          lineage.byIdentity.set(id, (((here >> 1) + (old >> 1)) << 1) | ((here | old) & 1));
        }
      }
      if (older.renamedAt[rename] === index) {
        for (const from of older.renamedFrom[rename] as readonly string[]) {
          lineage.renamedFrom ??= [];
          if (!lineage.renamedFrom.includes(from)) lineage.renamedFrom.push(from);
        }
        rename += 1;
      }
      start = end;
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

/** An identity of an absorbed pass in this one's numbering (no `remap`: the same). */
export function renumber(identity: number, remap: Int32Array | undefined): number {
  return remap ? (remap[identity] as number) : identity;
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
