import type { BlobDiffer, BlobHunks } from './blob-differ.js';
import type { CommitRaw, RawChange } from './parse-raw.js';
import type { FilePatch } from './parse-patch.js';
import { StateLedger, TreeState } from './tree-state.js';

/** A parent (by position in the merge's parent list) and the path the file had there. */
export interface Origin {
  readonly slot: number;
  readonly path: string;
}

/** A parent that takes lines of a merged file, with the diff from its version to the merge's. */
export type LineSource = Origin & { readonly hunks: Promise<BlobHunks> };

/** How a file's lines pass to a merge's parents; `fresh` (all lines new) when no parent has it. */
export interface LinePlan {
  readonly sources: readonly LineSource[];
  readonly fresh: Promise<BlobHunks> | undefined;
}

/** Where a file a merge changed gets its lines from. */
export type MergeEntry =
  /** A parent holds the identical blob: its owners, whole. */
  | { readonly path: string; readonly oid: string; readonly whole: Origin }
  /** Line by line: parents in order take unchanged lines (decided once renames and diffs are in). */
  | { readonly path: string; readonly oid: string; readonly lines: Promise<LinePlan> };

/**
 * Finds, for paths a merge has and a parent lacks, their rename sources in that parent (git's
 * similarity search). Both sides are path → blob id; resolves to destination → source path.
 */
export type RenameFinder = (parent: number, merge: number, destinations: ReadonlyMap<string, string>, candidates: ReadonlyMap<string, string>) => Promise<ReadonlyMap<string, string>>;

/** Sources that can be candidates of a similarity rename search per merge and parent, at most. */
const MAX_RENAME_CANDIDATES = 4000;

export interface MergePlan {
  readonly deletes: readonly string[];
  readonly entries: readonly MergeEntry[];
}

const isFile = (mode: string): boolean => mode !== '160000' && mode !== '000000';

/**
 * Runs ahead of the line replay with blob ids only: keeps every commit's path → blob id, and for
 * each merge decides, as `git blame`'s pass_blame does, where each changed file's lines come from —
 * requesting the line diffs early so they are ready when the replay gets there.
 *
 * blame's order: a first pass over parents in order for the same path (identical blob → the whole
 * file from that parent), a second pass for parents without the path looking for a rename source
 * (here: an identical blob under a path the merge removed — exact renames, which covers subtree
 * merges); parents whose origin blob repeats an earlier parent's are skipped; the rest take lines
 * in order.
 */
export class MergePlanner {
  private readonly ledger: StateLedger<string>;

  /**
   * @param isRelevant paths whose lines can matter at the analysed commit: a similarity rename
   * search (a git process) is only worth it for them; other files' lines may be approximate.
   */
  constructor(
    childCount: Int32Array,
    private readonly differ: BlobDiffer,
    private readonly findRenames?: RenameFinder,
    private readonly isRelevant: (path: string) => boolean = () => true,
  ) {
    this.ledger = new StateLedger(childCount);
  }

  /** Blob ids after a non-merge commit (or a merge reduced to its first parent). */
  patch(commit: number, parent: number | undefined, files: readonly FilePatch[]): void {
    const state = parent === undefined ? TreeState.empty<string>() : this.ledger.take(parent);
    const sets: [string, string][] = [];
    const deletes: string[] = [];
    for (const file of files) {
      if (file.kind === 'rename' || file.kind === 'delete' || file.submodule) deletes.push(file.kind === 'delete' ? file.path : file.oldPath);
      if (file.kind === 'delete' || file.submodule) continue;
      const oid = file.newOid ?? state.get(file.oldPath);
      if (oid !== undefined) sets.push([file.path, oid]);
    }
    for (const path of deletes) state.delete(path);
    for (const [path, oid] of sets) state.set(path, oid);
    this.ledger.put(commit, state);
  }

  /** Blob ids after a merge, and the plan for its changed files. */
  merge(commit: number, parents: Int32Array, raw: CommitRaw): MergePlan {
    const others = Array.from(parents.subarray(1), (parent) => this.ledger.peek(parent));
    const state = this.ledger.take(parents[0] as number);
    const deletes: string[] = [];
    const changed = new Map<string, RawChange>();
    for (const change of raw.changes) {
      if (change.status === 'D' || change.status === 'R' || !isFile(change.newMode)) deletes.push(change.status === 'R' ? change.oldPath : change.path);
      if (change.status !== 'D' && isFile(change.newMode)) changed.set(change.path, change);
    }
    const removed = new Set(deletes.filter((path) => !changed.has(path)));
    const inResult = (path: string) => changed.has(path) || (state.has(path) && !removed.has(path));
    const sources = others.map((other) => lazySources(other, inResult));
    const drafts = [...changed.values()].map((change) => this.draftFile(change, others, sources));
    const renames = this.searchRenames(commit, parents, drafts, sources);
    const entries = drafts.map((draft) => this.finishFile(draft, renames));
    for (const path of deletes) state.delete(path);
    for (const change of changed.values()) state.set(change.path, change.newOid);
    this.ledger.put(commit, state);
    for (const parent of parents.subarray(1)) this.ledger.release(parent);
    return { deletes, entries };
  }

  /**
   * The synchronous part of blame's pass_blame: same-path origins in every parent, then (for
   * parents without the path) exact renames — a blob identical to the merge's under a path the
   * merge no longer has. Parents still without an origin need a similarity search (`searching`).
   */
  private draftFile(change: RawChange, others: (TreeState<string> | undefined)[], sources: readonly (() => RenameSources | undefined)[]): Draft {
    const { path, newOid: oid } = change;
    const origins: ({ path: string; oid: string } | undefined)[] = [];
    origins[0] = change.status === 'M' && isFile(change.oldMode) ? { path, oid: change.oldOid } : undefined;
    others.forEach((state, i) => {
      const found = state?.get(path);
      origins[i + 1] = found === undefined ? undefined : { path, oid: found };
    });
    const same = origins.findIndex((origin) => origin?.oid === oid);
    if (same !== -1) return { path, oid, origins, whole: { slot: same, path }, searching: [] };
    if (origins[0] === undefined && (change.status === 'R' || change.status === 'C')) origins[0] = { path: change.oldPath, oid: change.oldOid };
    others.forEach((state, i) => {
      if (origins[i + 1] !== undefined || !state) return;
      const source = sources[i]?.()?.pathOf.get(oid);
      if (source !== undefined) origins[i + 1] = { path: source, oid };
    });
    const renamed = origins.findIndex((origin) => origin?.oid === oid);
    if (renamed !== -1) return { path, oid, origins, whole: { slot: renamed, path: (origins[renamed] as { path: string }).path }, searching: [] };
    const searching = others.flatMap((state, i) => (origins[i + 1] === undefined && state ? [i + 1] : []));
    return { path, oid, origins, whole: undefined, searching };
  }

  /**
   * One similarity rename search per parent that lacks some changed paths (git, asynchronous).
   * Resolves to destination → source path and blob, captured now: the parent's state moves on.
   */
  private searchRenames(commit: number, parents: Int32Array, drafts: readonly Draft[], sources: readonly (() => RenameSources | undefined)[]): Searches {
    const searches: Searches = new Map();
    sources.forEach((sourcesOf, i) => {
      const slot = i + 1;
      const destinations = new Map(drafts.filter((draft) => draft.searching.includes(slot) && this.isRelevant(draft.path)).map((draft) => [draft.path, draft.oid]));
      if (destinations.size === 0 || !this.findRenames) return;
      const candidates = sourcesOf()?.candidates;
      if (!candidates || candidates.size === 0 || candidates.size > MAX_RENAME_CANDIDATES) return;
      const search = this.findRenames(parents[slot] as number, commit, destinations, candidates).then(
        (found) => new Map([...found].flatMap(([destination, source]) => (candidates.has(source) ? [[destination, { path: source, oid: candidates.get(source) as string }] as const] : []))),
        () => new Map(),
      );
      searches.set(slot, search);
    });
    return searches;
  }

  private finishFile(draft: Draft, renames: Searches): MergeEntry {
    const { path, oid } = draft;
    if (draft.whole) return { path, oid, whole: draft.whole };
    const lines = (async (): Promise<LinePlan> => {
      const origins = [...draft.origins];
      for (const slot of draft.searching) {
        const source = (await renames.get(slot))?.get(path);
        if (source) origins[slot] = source;
      }
      const sources: LineSource[] = [];
      const seen = new Set<string>();
      origins.forEach((origin, slot) => {
        if (!origin || seen.has(origin.oid)) return;
        seen.add(origin.oid);
        sources.push({ slot, path: origin.path, hunks: this.differ.diff(origin.oid, oid) });
      });
      return { sources, fresh: sources.length === 0 ? this.differ.diff(this.differ.emptyBlob, oid) : undefined };
    })();
    return { path, oid, lines };
  }
}

type Searches = Map<number, Promise<ReadonlyMap<string, { path: string; oid: string }>>>;

interface Draft {
  readonly path: string;
  readonly oid: string;
  readonly origins: ({ path: string; oid: string } | undefined)[];
  readonly whole: Origin | undefined;
  /** Parent slots that need a similarity rename search. */
  readonly searching: readonly number[];
}

/** A parent's paths that the merge result no longer has: where its changed files may come from. */
interface RenameSources {
  /** Path → blob id: the candidates of a similarity rename search. */
  readonly candidates: ReadonlyMap<string, string>;
  /** Blob id → its first such path: exact renames. */
  readonly pathOf: ReadonlyMap<string, string>;
}

/**
 * A parent's rename sources, gathered on first use only (most merges need none) and then once per
 * merge, not once per changed file: a subtree merge changes thousands of files.
 */
function lazySources(state: TreeState<string> | undefined, inResult: (path: string) => boolean): () => RenameSources | undefined {
  let sources: RenameSources | undefined;
  return () => {
    if (!state || sources) return sources;
    const candidates = new Map<string, string>();
    const pathOf = new Map<string, string>();
    for (const [path, oid] of state.entries()) {
      if (inResult(path)) continue;
      candidates.set(path, oid);
      if (!pathOf.has(oid)) pathOf.set(oid, path);
    }
    sources = { candidates, pathOf };
    return sources;
  };
}
