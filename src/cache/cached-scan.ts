import { eitherSignal } from '../abort-signals.js';
import { InputError } from '../errors.js';
import { buildFileUniverse } from '../files/build-file-universe.js';
import type { CommitRecord } from '../history/commit-record.js';
import type { FactStore } from '../history/fact-store.js';
import type { FileUniverse, UniverseMemo } from '../files/types.js';
import type { Repository } from '../git/repo.js';
import { createCollectors, type CollectorSettings, type HistoryCollectors } from '../history/history-collectors.js';
import type { HistoryResult } from '../history/scan-with-fallback.js';
import type { LineOwnershipResult } from '../ownership/line-ownership.js';
import type { Settings } from '../settings/resolve-settings.js';
import type { AnalysisCache, CacheUse, FactsLoader } from './analysis-cache.js';
import { TouchedPaths } from './extend-ownership.js';
import { absorbHistory, canExtend, restoreHistory } from './history-state.js';

export interface ScanInput {
  readonly repo: Repository;
  readonly head: string;
  readonly settings: Settings;
  readonly collectorSettings: CollectorSettings;
  readonly cache: AnalysisCache | undefined;
  /** The state keys to look under (cache/cache-keys.ts: the complete one, then this copy's own); undefined without a cache. */
  readonly keys: readonly string[] | undefined;
  readonly signal: AbortSignal | undefined;
  readonly onCommits: (commits: number) => void;
  /** How many commits the scan covers (all of them, or those since a cached one), once known: HistoryScanRequest.onTotal. */
  readonly onTotal?: (commits: number) => void;
}

/** The history pass and file universe of the analysed commit, however they were had. */
export interface Scanned {
  readonly collectors: HistoryCollectors;
  readonly history: HistoryResult;
  readonly universe: FileUniverse;
  readonly use: CacheUse;
  /** `hit` with a trend's facts wanted: reads them from their file, for `collectors.facts` (analyze.ts fills it when asked). */
  readonly loadFacts?: FactsLoader;
  /** A cached commit's line owners (`hit`): nothing to compute. */
  readonly ownership?: LineOwnershipResult;
  /** `extended`: what line ownership continues from. */
  readonly extension?: {
    readonly base: string;
    readonly remap: Int32Array;
    readonly touched: ReadonlySet<string>;
    readonly ownership: LineOwnershipResult | undefined;
    /** Commits scanned since the cached one. */
    readonly newCommits: number;
  };
}

/**
 * The history pass and the file universe, from the cache where it can (docs/cache.md):
 * - `hit`: the analysed commit is cached: its states are loaded, no git log, no tree read;
 * - `extended`: an ancestor is cached: only the commits since it are scanned, and the cached pass
 *   is added after them; the universe reclassifies only the blobs changed since;
 * - `cold` (or `off` without a cache): one pass over the whole history, as always.
 */
export async function scanOrRestore(input: ScanInput): Promise<Scanned> {
  const { repo, head, settings, collectorSettings, cache, keys, signal } = input;
  const needFacts = collectorSettings.keepFacts;
  const universeOf = (stop: AbortSignal | undefined, previous?: Promise<UniverseMemo | undefined>) =>
    buildFileUniverse(repo, head, { include: settings.include, exclude: settings.exclude, allText: settings.allText, signal: stop, ...(previous ? { previous } : {}) });
  let universe: Promise<FileUniverse> | undefined;
  if (cache && keys) {
    const hit = await cache.find(keys, head, needFacts);
    if (hit) {
      const collectors = restoreHistory(hit.state.history, collectorSettings, undefined);
      collectors.pass.finish();
      // The facts are read only when a trend asks for them, after the first screen.
      return { collectors, history: hit.state.history.history, universe: hit.state.universe, use: 'hit', ...(hit.state.ownership ? { ownership: hit.state.ownership } : {}), ...(hit.facts ? { loadFacts: hit.facts } : {}) };
    }
    for await (const ancestor of cache.ancestors(keys, head, needFacts, signal, sameMailmapAs(repo, head, signal))) {
      // The new commits and the tree are read while the ancestor's states load (git/git: 0.3 s of
      // reading and decoding); an ancestor whose files turn out unusable stops them.
      const attempt = new AbortController();
      const stop = eitherSignal(attempt, signal);
      const touched = new TouchedPaths();
      const collectors = createCollectors(collectorSettings, [touched]);
      // Only the blobs that changed since the cached commit are classified again.
      const tree = universeOf(stop, ancestor.loaded.then((loaded) => loaded?.state.universe.memo));
      // Awaited below; a failure meanwhile must not go unhandled.
      tree.catch(() => {});
      const scanning = repo.reader.scanHistory({ head, pass: collectors.pass, signal: stop, onCommits: input.onCommits, ...(input.onTotal ? { onTotal: input.onTotal } : {}), since: ancestor.base });
      scanning.catch(() => {});
      const loaded = await ancestor.loaded;
      if (!loaded) {
        attempt.abort();
        await Promise.allSettled([scanning, tree]);
        continue;
      }
      const newer = await scanning;
      universe = tree;
      if (!canExtend(collectors.pass, loaded.state.history)) break;
      const newCommits = collectors.pass.commits;
      const { remap, history } = absorbHistory(collectors, newer, loaded.state.history, loaded.facts);
      collectors.pass.finish();
      input.onCommits(collectors.pass.commits);
      return { collectors, history, universe: await tree, use: 'extended', extension: { base: ancestor.base, remap, touched: touched.paths, ownership: loaded.state.ownership, newCommits } };
    }
  }
  const collectors = createCollectors(collectorSettings);
  const [history, tree] = await Promise.all([
    repo.reader.scanHistory({ head, pass: collectors.pass, signal, onCommits: input.onCommits, ...(input.onTotal ? { onTotal: input.onTotal } : {}), mayParallelize: !settings.lines }),
    universe ?? universeOf(signal),
  ]);
  collectors.pass.finish();
  return { collectors, history, universe: tree, use: cache ? 'cold' : 'off' };
}

/**
 * A bare repository's history is read through the analysed commit's own `.mailmap` (git/repo.ts,
 * mailmapConfig): a cached pass made under another one named people differently, and only a cold
 * run renames them all (git/git changed an address's direction between two releases). A work
 * tree's `.mailmap` is in the state key instead.
 */
function sameMailmapAs(repo: Repository, head: string, signal: AbortSignal | undefined): (base: string) => Promise<boolean> {
  if (!repo.isBare) return async () => true;
  let ours: Promise<string> | undefined;
  return async (base) => {
    ours ??= repo.reader.mailmapBlob(head, signal);
    const [theirs, mine] = await Promise.all([repo.reader.mailmapBlob(base, signal), ours]);
    return theirs === mine;
  };
}

/** Fills a session's store from the cached facts: what a trend awaits, after the first screen. */
export async function fillFacts(store: FactStore, load: FactsLoader): Promise<void> {
  const commits = await load();
  if (!commits) throw new InputError('the cached copy of the history\'s commits was unusable and has been removed: run again to rebuild it (or use --no-cache)');
  store.append(commits);
}
