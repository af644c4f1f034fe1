import { ActivityCollector, type ActivityState } from '../history/activity-collector.js';
import type { CommitRecord } from '../history/commit-record.js';
import { FactStore } from '../history/fact-store.js';
import { RootsCollector, type CollectorSettings, type HistoryCollectors } from '../history/history-collectors.js';
import { HistoryPass, type HistoryAnalysis, type PassCounts } from '../history/history-pass.js';
import { LineageCollector, type LineageState } from '../history/lineage-collector.js';
import { renameFallbackWarning, type HistoryResult } from '../history/scan-with-fallback.js';
import { StewardshipCollector, type StewardshipState } from '../history/stewardship-collector.js';
import { IdentityTable, type RawIdentity } from '../identity/identity-table.js';

/**
 * What one history pass leaves, as plain data the cache stores (Maps, Sets and typed arrays are
 * kept by `v8.serialize`). Everything the report reads from the pass is here, so a cached commit
 * needs no pass at all. The per-path analyses are columns of typed arrays: decoding git/git's as
 * objects took 0.12 s of every extended run, and as much again in garbage collection.
 */
export interface CachedHistory {
  readonly identities: RawIdentity[];
  readonly counts: PassCounts;
  /** The analysed commit's record: ages are measured from it. */
  readonly reference: CommitRecord | undefined;
  readonly lineage: LineageState;
  readonly activity: ActivityState;
  readonly stewardship: StewardshipState;
  readonly roots: string[];
  /** `--lines`: the author's identity of every commit. */
  readonly authorOf: Map<string, number> | undefined;
  readonly history: HistoryResult;
}

/** The collectors' states after a finished pass. */
export function snapshotHistory(collectors: HistoryCollectors, history: HistoryResult, historyIdentities: number): CachedHistory {
  const { identities, pass, lineage, activity, stewardship, roots, authorOf } = collectors;
  return {
    // Releasers interned after the pass are left out: tags change under a commit, history does not.
    identities: identities.identities.slice(0, historyIdentities),
    counts: pass.counts(),
    reference: pass.reference,
    lineage: lineage.state(),
    activity: activity.state(),
    stewardship: stewardship.state(),
    roots: roots.roots,
    authorOf,
    history,
  };
}

/** Collectors holding a cached pass, as if it had just run; `facts` from the entry's facts file. */
export function restoreHistory(cached: CachedHistory, settings: CollectorSettings, facts: readonly CommitRecord[] | undefined): HistoryCollectors {
  const identities = new IdentityTable(cached.identities);
  const lineage = new LineageCollector(cached.lineage);
  const activity = new ActivityCollector(settings.recentSeconds, cached.activity);
  const stewardship = new StewardshipCollector(identities, settings.isBuildFile, cached.stewardship);
  const roots = new RootsCollector([...cached.roots]);
  let store: FactStore | undefined;
  if (settings.keepFacts) {
    store = new FactStore();
    store.append(facts ?? []);
  }
  const authorOf = settings.lines ? new Map(cached.authorOf ?? []) : undefined;
  const analyses: HistoryAnalysis[] = [lineage, activity, stewardship, roots, ...(store ? [store] : [])];
  const pass = new HistoryPass(analyses, { coAuthors: settings.coAuthors, identities, ...(authorOf ? { authorOf } : {}), ...(cached.reference ? { reference: cached.reference } : {}) });
  pass.addCounts(cached.counts);
  return { identities, lineage, activity, stewardship, roots, facts: store, authorOf, pass };
}

/**
 * Whether a cached pass can be added to a pass over the commits since its head. The commits are
 * the same either way (the ancestors of the new head are the new commits and the cached head's
 * ancestors, disjoint), and every analysis adds up; what the cached pass dropped as too old for
 * the recent window stays too old only if the new analysed commit is no older than the cached one
 * (clock skew, a forged date): otherwise, and without dates, the run is a cold one.
 *
 * git log walks newest committer date first, so when a merge brings older commits the two
 * passes' commits interleave in a cold run's walk: identities, paths and events are then numbered
 * in another order than the cold run's. Nothing in the report depends on that order (people,
 * files and events are sorted by content; counts and sums do not care): docs/cache.md, and the
 * tests compare whole reports on merge histories.
 */
export function canExtend(newer: HistoryPass, cached: CachedHistory): boolean {
  const now = newer.referenceTime;
  const then = cached.reference?.committerTime ?? cached.reference?.authorTime;
  return now !== undefined && then !== undefined && now >= then;
}

/**
 * Adds a cached pass over older commits to a finished pass over the commits since (both newest
 * first): identities of the cached pass are renumbered into the new table in its own order, every
 * analysis appends what it holds after what the new pass found. Returns the renumbering (cached
 * identity → identity here), which the cached line owners need too.
 */
export function absorbHistory(collectors: HistoryCollectors, newer: HistoryResult, cached: CachedHistory, facts: readonly CommitRecord[] | undefined): { remap: Int32Array; history: HistoryResult } {
  const remap = Int32Array.from(cached.identities, (identity) => collectors.identities.absorb(identity));
  collectors.lineage.absorb(cached.lineage, remap);
  collectors.activity.absorb(cached.activity, remap);
  collectors.stewardship.absorb(cached.stewardship, remap);
  collectors.pass.addCounts(cached.counts);
  collectors.roots.roots.push(...cached.roots.filter((root) => !collectors.roots.roots.includes(root)));
  if (collectors.authorOf) for (const [oid, id] of cached.authorOf ?? []) collectors.authorOf.set(oid, id < 0 ? id : (remap[id] as number));
  collectors.facts?.append(facts ?? []);
  return { remap, history: combineHistory(newer, cached.history, collectors.pass.commits) };
}

/** The rename-detection outcome of both passes: the fallback's counts add up. */
function combineHistory(newer: HistoryResult, older: HistoryResult, commits: number): HistoryResult {
  if (newer.renames === older.renames && newer.renames !== 'partly-exact') return { renames: newer.renames, warnings: [] };
  const exact = [...newer.warnings, ...older.warnings].reduce((sum, warning) => sum + (warning.code === 'rename-detection-fallback' ? (warning.count ?? 0) : 0), 0);
  return { renames: 'partly-exact', warnings: [renameFallbackWarning(exact, commits)] };
}
