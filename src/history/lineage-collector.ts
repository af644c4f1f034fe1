import { IdentityTable } from '../identity/identity-table.js';
import type { CommitRecord } from './commit-record.js';

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
 * Folds the history scan on the fly into per-path statistics (docs/algorithms.md §1): only A, M and R
 * entries count; D, C and T are dropped. Everything the AVL model needs is order-independent
 * (FA = "has an A in the group", DL and AC are counts), so no change list is kept.
 */
export class LineageCollector {
  readonly identities = new IdentityTable();
  readonly paths = new Map<string, PathLineage>();
  commits = 0;
  /** Commits whose author date is missing or out of range (CommitRecord.authorTime). */
  undatedCommits = 0;
  /** Commits with neither author nor committer name or email: skipped, as the reference does. */
  anonymousCommits = 0;
  /** Paths such commits added, changed or renamed to: their files may have no other history. */
  readonly anonymousPaths = new Set<string>();

  /**
   * @param authorOf when given, filled with commit id → raw identity index (line ownership needs to
   * know who made each commit its replay blames lines on).
   */
  constructor(readonly authorOf?: Map<string, number>) {}

  readonly consume = (commit: CommitRecord): void => {
    this.commits += 1;
    const who = this.identities.add(commit);
    this.authorOf?.set(commit.oid, who);
    if (commit.authorTime === undefined) this.undatedCommits += 1;
    // The reference skips commits with no author or committer information at all.
    if (who < 0) {
      this.anonymousCommits += 1;
      for (const change of commit.changes) if (change.status === 'A' || change.status === 'M' || change.status === 'R') this.anonymousPaths.add(change.path);
      return;
    }
    for (const change of commit.changes) {
      if (change.status !== 'A' && change.status !== 'M' && change.status !== 'R') continue;
      let lineage = this.paths.get(change.path);
      if (!lineage) {
        lineage = { byIdentity: new Map(), renamedFrom: undefined };
        this.paths.set(change.path, lineage);
      }
      const packed = lineage.byIdentity.get(who) ?? 0;
      lineage.byIdentity.set(who, change.status === 'A' ? packed | 1 : packed + 2);
      if (change.status === 'R' && change.oldPath !== undefined) {
        lineage.renamedFrom ??= [];
        if (!lineage.renamedFrom.includes(change.oldPath)) lineage.renamedFrom.push(change.oldPath);
      }
    }
  };
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
