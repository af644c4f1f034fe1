import { withContext } from '../errors.js';
import { applyHunks, fittedLength, newLines, passToParents, type ParentLines } from './apply-hunks.js';
import type { FilePatch } from './parse-patch.js';
import type { MergePlan } from './plan-merge.js';
import { StateLedger, TreeState } from './tree-state.js';

/**
 * Why a file's lines could not be followed:
 * - `binary`: git shows no line diff for some version of it;
 * - `unreadable`: objects are missing (a partial clone, a mirror without large blobs);
 * - `out-of-step`: a diff did not fit the lines the replay held, or named another blob than the one
 *   it held — a replay bug or a history it does not understand; never silently carried on.
 */
export type LostReason = 'binary' | 'unreadable' | 'out-of-step';

/** A file in a commit's state: its blob and, per line, the commit that introduced it. */
export type FileLines =
  | { readonly oid: string; readonly owners: Int32Array; readonly lost?: undefined }
  | { readonly oid: string; readonly owners: null; readonly lost: LostReason };

/** Owners, or why there are none. */
type Owners = Int32Array | LostReason;

function fileLines(oid: string, owners: Owners): FileLines {
  return typeof owners === 'string' ? { oid, owners: null, lost: owners } : { oid, owners };
}

/** The owners of a state entry, or why it has none (`unreadable` for a path the state lacks). */
function ownersOf(lines: FileLines | undefined): Owners {
  if (!lines) return 'unreadable';
  return lines.owners ?? lines.lost;
}

/**
 * Hook for commits whose changes are ignored (`--ignore-revs`): given the parent's owners and the
 * patch, returns the new owners, passing changed lines to the parent where git blame would.
 */
export type IgnoredCommitHandler = (commit: number, file: FilePatch, parentLines: FileLines) => Promise<Int32Array | null>;

/**
 * The line replay (docs/line-ownership.md): every commit's files with per-line owners, built from its
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
      try {
        sets.push([file.path, fileLines(oid, await this.ownersAfter(commit, file, source, ignoredCommit))]);
      } catch (error) {
        throw withContext(error, `applying the diff of ${file.path} (${file.oldOid ?? 'new'} → ${file.newOid ?? '?'}; ${source?.owners?.length ?? 'no'} lines held)`);
      }
    }
    for (const path of deletes) state.delete(path);
    for (const [path, lines] of sets) state.set(path, lines);
    this.ledger.put(commit, state);
    return state;
  }

  private async ownersAfter(commit: number, file: FilePatch, source: FileLines | undefined, ignoredCommit: boolean): Promise<Owners> {
    if (file.unreadable) return 'unreadable';
    if (file.binary) return 'binary';
    if (file.kind === 'add') return newLines(file.hunks.length === 0 ? 0 : (file.hunks[3] as number), commit);
    if (!source) return 'out-of-step';
    // The diff starts from a blob: if the state holds another, its lines are not the ones diffed.
    if (file.oldOid !== undefined && source.oid !== '' && file.oldOid !== source.oid) return 'out-of-step';
    if (source.owners === null) return source.lost;
    if (file.hunks.length === 0) return source.owners;
    const owners = ignoredCommit && this.ignored ? await this.ignored.handle(commit, file, source) : applyHunks(source.owners, file.hunks, commit);
    return owners ?? 'out-of-step';
  }

  /** A merge, from its plan: whole files from a parent, or lines passed to parents in order. */
  async merge(commit: number, parents: Int32Array, plan: MergePlan): Promise<TreeState<FileLines>> {
    const others = Array.from(parents.subarray(1), (parent) => this.ledger.peek(parent));
    const state = this.ledger.take(parents[0] as number);
    const stateOf = (slot: number) => (slot === 0 ? state : others[slot - 1]);
    const sets: [string, FileLines][] = [];
    for (const entry of plan.entries) {
      try {
        const owners = 'whole' in entry ? ownersOf(stateOf(entry.whole.slot)?.get(entry.whole.path)) : await this.passLines(commit, entry, stateOf);
        sets.push([entry.path, fileLines(entry.oid, owners)]);
      } catch (error) {
        throw withContext(error, `merging ${entry.path} (→ ${entry.oid})`);
      }
    }
    for (const path of plan.deletes) state.delete(path);
    for (const [path, lines] of sets) state.set(path, lines);
    this.ledger.put(commit, state);
    for (const parent of parents.subarray(1)) this.ledger.release(parent);
    return state;
  }

  private async passLines(commit: number, entry: Extract<MergePlan['entries'][number], { lines: unknown }>, stateOf: (slot: number) => TreeState<FileLines> | undefined): Promise<Owners> {
    const plan = await entry.lines;
    if (plan.sources.length === 0) {
      const hunks = await plan.fresh;
      if (!hunks) return 'unreadable';
      return newLines(hunks.length === 0 ? 0 : (hunks[3] as number), commit);
    }
    const parentLines: ParentLines[] = [];
    let length = -1;
    for (const source of plan.sources) {
      const owners = ownersOf(stateOf(source.slot)?.get(source.path));
      if (typeof owners === 'string') return owners;
      const hunks = await source.hunks;
      if (!hunks) return 'unreadable';
      const resultLength = fittedLength(owners.length, hunks);
      if (resultLength < 0 || (length !== -1 && resultLength !== length)) return 'out-of-step';
      length = resultLength;
      parentLines.push({ owners, hunks });
    }
    return passToParents(length, parentLines, commit) ?? 'out-of-step';
  }
}
