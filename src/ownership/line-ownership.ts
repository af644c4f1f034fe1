import { couldBeCode } from '../files/could-be-code.js';
import type { FileUniverse } from '../files/types.js';
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
 * all files at once), then, only for files the replay could not follow (binary history, missing
 * objects), the real `git blame`.
 */
export async function computeLineOwnership(
  repo: Repository,
  head: string,
  universe: FileUniverse,
  lineages: ReadonlyMap<string, PathLineage>,
  authorOf: ReadonlyMap<string, number>,
  options: LineOwnershipOptions,
): Promise<LineOwnershipResult> {
  const commits = authorOf.size;
  const warnings: Warning[] = [];
  const ignoreRevs = options.ignoreRevs ? await loadIgnoreRevs(repo, head) : undefined;
  try {
    const { pathspec, relevant } = replayScope(universe, lineages, commits);
    const replay = await replayHistory(repo, head, {
      firstParent: options.firstParent,
      ignored: ignoreRevs?.handler,
      pathspec,
      relevant,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    if (replay.degradedCommits > 0) {
      warnings.push({ code: 'missing-objects', message: `${replay.degradedCommits} commit(s) could not be diffed (objects missing): their files' lines were taken from git blame where it could read them`, count: replay.degradedCommits });
    }
    const identityOfCommit = Int32Array.from(replay.graph.oids, (oid) => authorOf.get(oid) ?? -1);
    const files: FileOwnership[] = [];
    const unreadable: string[] = [];
    for (const { path } of universe.files) {
      const owners = replay.head.get(path)?.owners;
      let identities: Int32Array | undefined;
      if (owners) identities = owners.map((commit) => identityOfCommit[commit] ?? -1);
      else {
        const blamed = await blameFile(repo, head, path, { firstParent: options.firstParent, ignoreRevsFile: ignoreRevs?.file, signal: options.signal }).catch(() => undefined);
        if (!blamed) {
          unreadable.push(path);
          continue;
        }
        identities = Int32Array.from(blamed, (oid) => authorOf.get(oid) ?? -1);
      }
      const byIdentity = new Map<number, number>();
      for (const identity of identities) byIdentity.set(identity, (byIdentity.get(identity) ?? 0) + 1);
      files.push({ path, lines: identities.length, byIdentity });
    }
    if (unreadable.length > 0) warnings.push(warningWithPaths('missing-objects', `line ownership is unavailable for ${unreadable.length} file(s): git blame could not read their history`, unreadable));
    return { files, warnings };
  } finally {
    ignoreRevs?.close();
  }
}
