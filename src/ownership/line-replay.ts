import { applyHunks, newLength, newLines, passToParents, type ParentLines } from './apply-hunks.js';
import type { FilePatch } from './parse-patch.js';
import type { MergePlan } from './plan-merge.js';
import { StateLedger, TreeState } from './tree-state.js';

/** A file in a commit's state: its blob and, per line, the commit that introduced it (null: unknown). */
export interface FileLines {
  readonly oid: string;
  /** Commit indices; null when the lines could not be followed (binary, missing object, bad diff). */
  readonly owners: Int32Array | null;
}

/**
 * Hook for commits whose changes are ignored (`--ignore-revs`): given the parent's owners and the
 * patch, returns the new owners, passing changed lines to the parent where git blame would.
 */
export type IgnoredCommitHandler = (commit: number, file: FilePatch, parentLines: FileLines) => Promise<Int32Array | null>;

/**
 * The line replay (ALGORITHMS.md §5): every commit's files with per-line owners, built from its
 * parents' and its diff. States are shared between commits and dropped after their last child.
 */
export class LineReplay {
  private readonly ledger: StateLedger<FileLines>;

  constructor(
    childCount: Int32Array,
    private readonly ignored?: { readonly isIgnored: (commit: number) => boolean; readonly handle: IgnoredCommitHandler },
  ) {
    this.ledger = new StateLedger(childCount);
  }

  /** A non-merge commit (or a merge against its first parent only). */
  async patch(commit: number, parent: number | undefined, files: readonly FilePatch[]): Promise<TreeState<FileLines>> {
    const state = parent === undefined ? TreeState.empty<FileLines>() : this.ledger.take(parent);
    const sets: [string, FileLines][] = [];
    const deletes: string[] = [];
    const ignoredCommit = this.ignored?.isIgnored(commit) ?? false;
    for (const file of files) {
      if (file.kind === 'rename' || file.kind === 'delete' || file.submodule) deletes.push(file.kind === 'delete' ? file.path : file.oldPath);
      if (file.kind === 'delete' || file.submodule) continue;
      const source = file.kind === 'add' ? undefined : state.get(file.oldPath);
      const oid = file.newOid ?? source?.oid ?? '';
      sets.push([file.path, { oid, owners: await this.ownersAfter(commit, file, source, ignoredCommit) }]);
    }
    for (const path of deletes) state.delete(path);
    for (const [path, lines] of sets) state.set(path, lines);
    this.ledger.put(commit, state);
    return state;
  }

  private async ownersAfter(commit: number, file: FilePatch, source: FileLines | undefined, ignoredCommit: boolean): Promise<Int32Array | null> {
    if (file.binary) return null;
    if (file.kind === 'add') return newLines(file.hunks.length === 0 ? 0 : (file.hunks[3] as number), commit);
    if (!source || source.owners === null) return null;
    if (file.hunks.length === 0) return source.owners;
    if (ignoredCommit && this.ignored) return this.ignored.handle(commit, file, source);
    return applyHunks(source.owners, file.hunks, commit);
  }

  /** A merge, from its plan: whole files from a parent, or lines passed to parents in order. */
  async merge(commit: number, parents: Int32Array, plan: MergePlan): Promise<TreeState<FileLines>> {
    const others = Array.from(parents.subarray(1), (parent) => this.ledger.peek(parent));
    const state = this.ledger.take(parents[0] as number);
    const stateOf = (slot: number) => (slot === 0 ? state : others[slot - 1]);
    const sets: [string, FileLines][] = [];
    for (const entry of plan.entries) {
      if ('whole' in entry) {
        const owners = stateOf(entry.whole.slot)?.get(entry.whole.path)?.owners;
        sets.push([entry.path, { oid: entry.oid, owners: owners ?? null }]);
        continue;
      }
      sets.push([entry.path, { oid: entry.oid, owners: await this.passLines(commit, entry, stateOf) }]);
    }
    for (const path of plan.deletes) state.delete(path);
    for (const [path, lines] of sets) state.set(path, lines);
    this.ledger.put(commit, state);
    for (const parent of parents.subarray(1)) this.ledger.release(parent);
    return state;
  }

  private async passLines(commit: number, entry: Extract<MergePlan['entries'][number], { lines: unknown }>, stateOf: (slot: number) => TreeState<FileLines> | undefined): Promise<Int32Array | null> {
    const plan = await entry.lines;
    if (plan.sources.length === 0) {
      const hunks = await plan.fresh;
      if (!hunks) return null;
      return newLines(hunks.length === 0 ? 0 : (hunks[3] as number), commit);
    }
    const parentLines: ParentLines[] = [];
    let length = -1;
    for (const source of plan.sources) {
      const owners = stateOf(source.slot)?.get(source.path)?.owners;
      const hunks = await source.hunks;
      if (!owners || !hunks) return null;
      const resultLength = newLength(owners.length, hunks);
      if (length !== -1 && resultLength !== length) return null;
      length = resultLength;
      parentLines.push({ owners, hunks });
    }
    return passToParents(length, parentLines, commit);
  }
}
