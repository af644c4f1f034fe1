import { withContext } from '../errors.js';
import { fittedLength, passToParents, type ParentLines } from './apply-hunks.js';
import { applyHunksToRuns, expandRuns, newRuns, runsLength, runsOf, type LineRuns } from './line-runs.js';
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

/** A file with, per line, the commit that introduced it (the analysed commit's files). */
export type FileLines =
  | { readonly oid: string; readonly owners: Int32Array; readonly lost?: undefined }
  | { readonly oid: string; readonly owners: null; readonly lost: LostReason };

/**
 * A file in a commit's state during the replay: its blob and its line owners as runs
 * (line-runs.ts), shared between commits.
 */
export type FileRuns =
  | { readonly oid: string; readonly runs: LineRuns; readonly lost?: undefined }
  | { readonly oid: string; readonly runs: null; readonly lost: LostReason };

/** Owners, or why there are none. */
type Owners = LineRuns | LostReason;

function fileRuns(oid: string, owners: Owners): FileRuns {
  return typeof owners === 'string' ? { oid, runs: null, lost: owners } : { oid, runs: owners };
}

/** The owners of a state entry, or why it has none (`unreadable` for a path the state lacks). */
function ownersOf(lines: FileRuns | undefined): Owners {
  if (!lines) return 'unreadable';
  return lines.runs ?? lines.lost;
}

/** A state entry with per-line owners. */
export function fileLinesOf(file: FileRuns): FileLines {
  return file.runs === null ? { oid: file.oid, owners: null, lost: file.lost } : { oid: file.oid, owners: expandRuns(file.runs) };
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
  private readonly ledger: StateLedger<FileRuns>;

  constructor(
    childCount: Int32Array,
    private readonly ignored?: { readonly isIgnored: (commit: number) => boolean; readonly handle: IgnoredCommitHandler },
  ) {
    this.ledger = new StateLedger(childCount);
  }

  /** A non-merge commit (or a merge against its first parent only). */
  async patch(commit: number, parent: number | undefined, files: readonly FilePatch[]): Promise<TreeState<FileRuns>> {
    const state = parent === undefined ? TreeState.empty<FileRuns>() : this.ledger.take(parent);
    const sets: [string, FileRuns][] = [];
    const deletes: string[] = [];
    const ignoredCommit = this.ignored?.isIgnored(commit) ?? false;
    for (const file of files) {
      if (file.kind === 'rename' || file.kind === 'delete' || file.submodule) deletes.push(file.kind === 'delete' ? file.path : file.oldPath);
      if (file.kind === 'delete' || file.submodule) continue;
      const source = file.kind === 'add' ? undefined : state.get(file.oldPath);
      const oid = file.newOid ?? source?.oid ?? '';
      try {
        sets.push([file.path, fileRuns(oid, await this.ownersAfter(commit, file, source, ignoredCommit))]);
      } catch (error) {
        throw withContext(error, `applying the diff of ${file.path} (${file.oldOid ?? 'new'} → ${file.newOid ?? '?'}; ${source?.runs ? runsLength(source.runs) : 'no'} lines held)`);
      }
    }
    for (const path of deletes) state.delete(path);
    for (const [path, lines] of sets) state.set(path, lines);
    this.ledger.put(commit, state);
    return state;
  }

  private async ownersAfter(commit: number, file: FilePatch, source: FileRuns | undefined, ignoredCommit: boolean): Promise<Owners> {
    if (file.unreadable) return 'unreadable';
    if (file.binary) return 'binary';
    if (file.kind === 'add') return newRuns(file.hunks.length === 0 ? 0 : (file.hunks[3] as number), commit);
    if (!source) return 'out-of-step';
    // The diff starts from a blob: if the state holds another, its lines are not the ones diffed.
    if (file.oldOid !== undefined && source.oid !== '' && file.oldOid !== source.oid) return 'out-of-step';
    if (source.runs === null) return source.lost;
    if (file.hunks.length === 0) return source.runs;
    if (ignoredCommit && this.ignored) {
      const owners = await this.ignored.handle(commit, file, fileLinesOf(source));
      return owners ? runsOf(owners) : 'out-of-step';
    }
    return applyHunksToRuns(source.runs, file.hunks, commit) ?? 'out-of-step';
  }

  /** A merge, from its plan: whole files from a parent, or lines passed to parents in order. */
  async merge(commit: number, parents: Int32Array, plan: MergePlan): Promise<TreeState<FileRuns>> {
    const others = Array.from(parents.subarray(1), (parent) => this.ledger.peek(parent));
    const state = this.ledger.take(parents[0] as number);
    const stateOf = (slot: number) => (slot === 0 ? state : others[slot - 1]);
    const sets: [string, FileRuns][] = [];
    for (const entry of plan.entries) {
      try {
        const owners = 'whole' in entry ? ownersOf(stateOf(entry.whole.slot)?.get(entry.whole.path)) : await this.passLines(commit, entry, stateOf);
        sets.push([entry.path, fileRuns(entry.oid, owners)]);
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

  private async passLines(commit: number, entry: Extract<MergePlan['entries'][number], { lines: unknown }>, stateOf: (slot: number) => TreeState<FileRuns> | undefined): Promise<Owners> {
    const plan = await entry.lines;
    if (plan.sources.length === 0) {
      const hunks = await plan.fresh;
      if (!hunks) return 'unreadable';
      return newRuns(hunks.length === 0 ? 0 : (hunks[3] as number), commit);
    }
    const parentLines: ParentLines[] = [];
    let length = -1;
    for (const source of plan.sources) {
      const owners = ownersOf(stateOf(source.slot)?.get(source.path));
      if (typeof owners === 'string') return owners;
      const hunks = await source.hunks;
      if (!hunks) return 'unreadable';
      const resultLength = fittedLength(runsLength(owners), hunks);
      if (resultLength < 0 || (length !== -1 && resultLength !== length)) return 'out-of-step';
      length = resultLength;
      parentLines.push({ owners: expandRuns(owners), hunks });
    }
    const owners = passToParents(length, parentLines, commit);
    return owners ? runsOf(owners) : 'out-of-step';
  }
}
