import { couldBeCode } from '../files/could-be-code.js';
import { countLines } from '../files/count-lines.js';
import { readBlobs } from '../files/read-blobs.js';
import type { FileUniverse, UniverseFile } from '../files/types.js';
import { listMissingObjects } from '../git/missing-objects.js';
import type { Repository } from '../git/repo.js';
import { renameGroupPaths, type PathLineage } from '../history/lineage-collector.js';
import { warningWithPaths, type Warning } from '../warnings.js';
import { blameFile } from './blame-file.js';
import { excludePathspec, type PathWeight } from './diff-pathspec.js';
import { loadIgnoreRevs } from './ignore-revs.js';
import { replayHistory } from './replay-history.js';

export interface LineOwnershipOptions {
  /** Follow first parents only (`git blame --first-parent`). */
  readonly firstParent: boolean;
  /** Honour `.git-blame-ignore-revs` when the repository has one. */
  readonly ignoreRevs: boolean;
  readonly signal?: AbortSignal;
  /** Commits replayed so far, of all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Surviving lines of one counted file, per raw identity of the history scan (-1: no author). */
export interface FileOwnership {
  readonly path: string;
  readonly lines: number;
  /** Raw identity index → lines. */
  readonly byIdentity: ReadonlyMap<number, number>;
}

export interface LineOwnershipResult {
  /** In universe order; files whose lines could not be had at all are missing. */
  readonly files: readonly FileOwnership[];
  readonly warnings: readonly Warning[];
}

/**
 * How many exclusion pathspecs git gets (see {@link excludePathspec}): git matches each against
 * every tree entry of every commit, so long histories get few (git/git: 6 cut the diff output by
 * two thirds, 48 made it slower than none) and short ones, where generated bundles dominate, more.
 */
function pathspecLimit(commits: number): number {
  return Math.max(6, Math.min(48, Math.round(400_000 / Math.max(1, commits))));
}

/**
 * What never needs diffing: paths off every counted file's history that are left out at the
 * analysed commit, or that could not be code by name (generated bundles, docs, data, lock files).
 * Code-like paths stay, however unrelated they look: a subtree merge can still bring them in.
 */
function pathWeights(universe: FileUniverse, lineages: ReadonlyMap<string, PathLineage>, relevant: ReadonlySet<string>): PathWeight[] {
  const leftOut = universe.leftOut;
  const weights: PathWeight[] = [];
  for (const [path, lineage] of lineages) {
    let changes = 0;
    for (const packed of lineage.byIdentity.values()) changes += (packed >> 1) + (packed & 1);
    const excludable = !relevant.has(path) && (leftOut.has(path) || !couldBeCode(path));
    // Big files (generated bundles) cost more per change; their size at the analysed commit, when
    // they are still there, is the best estimate at hand.
    weights.push({ path, changes: changes * (1 + (leftOut.get(path) ?? 0) / 8192), excludable });
  }
  for (const path of relevant) if (!lineages.has(path)) weights.push({ path, changes: 0, excludable: false });
  return weights;
}

/** What the replay is told about the analysed files, for a history of `commits`. */
export interface ReplayScope {
  /** The analysed files and every name their histories had: the paths whose lines matter. */
  readonly relevant: Set<string>;
  /** Exclusion pathspecs for git's diffs: paths that never need diffing. */
  readonly pathspec: string[];
}

export function replayScope(universe: FileUniverse, lineages: ReadonlyMap<string, PathLineage>, commits: number): ReplayScope {
  const relevant = renameGroupPaths(universe.files.map((file) => file.path), lineages);
  return { relevant, pathspec: excludePathspec(pathWeights(universe, lineages, relevant), pathspecLimit(commits)) };
}

/**
 * Who wrote the surviving lines of every counted file: one replay of the history (git blame for
 * all files at once), then, only for files the replay could not follow, the real `git blame`.
 *
 * A replay bug must never become a wrong number (docs/line-ownership.md, "Self-check"): a file
 * whose owners do not add up to its blob's line count, or whose history had a diff that did not
 * fit the replay's state, is blamed with git instead and named in `warnings`.
 */
export async function computeLineOwnership(
  repo: Repository,
  head: string,
  universe: FileUniverse,
  lineages: ReadonlyMap<string, PathLineage>,
  authorOf: ReadonlyMap<string, number>,
  options: LineOwnershipOptions,
): Promise<LineOwnershipResult> {
  const { signal } = options;
  const commits = authorOf.size;
  const warnings: Warning[] = [];
  const ignoreRevs = options.ignoreRevs ? await loadIgnoreRevs(repo, head, warnings, signal) : undefined;
  try {
    const { pathspec, relevant } = replayScope(universe, lineages, commits);
    // A partial clone lacks objects on purpose: the commits that need them are found up front.
    const missing = repo.isPartialClone ? await listMissingObjects(repo, head, { historyToo: true, signal }) : undefined;
    const [replay, lineCounts] = await Promise.all([
      replayHistory(repo, head, { firstParent: options.firstParent, ignored: ignoreRevs?.handler, pathspec, relevant, missing, signal, onProgress: options.onProgress }),
      headLineCounts(repo, universe, missing, signal),
    ]);
    if (replay.degradedCommits > 0) {
      warnings.push({ code: 'missing-objects', message: `${replay.degradedCommits} commit(s) could not be diffed (objects missing): the lines of the files they changed were taken from git blame where it could read them`, count: replay.degradedCommits });
    }
    const identityOfCommit = Int32Array.from(replay.graph.oids, (oid) => authorOf.get(oid) ?? -1);
    const blame = (path: string) => blameFile(repo, head, path, { firstParent: options.firstParent, ignoreRevsFile: ignoreRevs?.file, signal }).catch(() => undefined);
    const files: FileOwnership[] = [];
    const unreadable: string[] = [];
    const failedCheck: string[] = [];
    for (const { path } of universe.files) {
      if (signal?.aborted) break;
      const expected = lineCounts.get(path);
      const state = replay.head.get(path);
      let identities: Int32Array | undefined;
      if (state?.owners && (expected === undefined || state.owners.length === expected)) {
        identities = state.owners.map((commit) => identityOfCommit[commit] ?? -1);
      } else {
        if (state?.owners || state?.lost === 'out-of-step') failedCheck.push(path);
        // In a partial clone, blame would need the very objects the replay lacked.
        const blamed = repo.isPartialClone && state?.lost === 'unreadable' ? undefined : await blame(path);
        if (!blamed || (expected !== undefined && blamed.length !== expected)) {
          unreadable.push(path);
          continue;
        }
        identities = Int32Array.from(blamed, (oid) => authorOf.get(oid) ?? -1);
      }
      const byIdentity = new Map<number, number>();
      for (const identity of identities) byIdentity.set(identity, (byIdentity.get(identity) ?? 0) + 1);
      files.push({ path, lines: identities.length, byIdentity });
    }
    if (failedCheck.length > 0) {
      warnings.push(warningWithPaths('line-ownership-self-check', `${failedCheck.length} file(s) failed the line replay's self-check (a diff did not fit the lines it held, or its lines did not add up to the file's): their lines were taken from git blame`, failedCheck));
    }
    if (unreadable.length > 0) warnings.push(warningWithPaths('missing-objects', `line ownership is unavailable for ${unreadable.length} file(s): git blame could not read their history`, unreadable));
    return { files, warnings };
  } finally {
    ignoreRevs?.close();
  }
}

/**
 * Each counted file's line count at the analysed commit: from the universe, which read most of
 * them to classify them, and for the rest (over 1 MiB, classified by name) read now. Unknown for
 * blobs that are missing.
 */
async function headLineCounts(repo: Repository, universe: FileUniverse, missing: ReadonlySet<string> | undefined, signal?: AbortSignal): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const unread: UniverseFile[] = [];
  for (const file of universe.files) {
    if (file.lines !== undefined) counts.set(file.path, file.lines);
    else if (!missing?.has(file.oid)) unread.push(file);
  }
  await readBlobs(repo, unread, (file, content) => {
    if (content !== undefined) counts.set(file.path, countLines(content));
  }, signal);
  return counts;
}
