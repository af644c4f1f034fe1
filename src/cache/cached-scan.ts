import { InputError } from '../errors.js';
import { buildFileUniverse } from '../files/build-file-universe.js';
import type { CommitRecord } from '../history/commit-record.js';
import type { FactStore } from '../history/fact-store.js';
import type { FileUniverse } from '../files/types.js';
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
  /** A scan starts: of every commit, or of those since a cached one (the progress line counts them). */
  readonly onScan?: (since: string | undefined) => void;
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
  const universeOf = (previous?: FileUniverse) =>
    buildFileUniverse(repo, head, { include: settings.include, exclude: settings.exclude, allText: settings.allText, signal, ...(previous ? { previous: previous.memo } : {}) });
  const needFacts = collectorSettings.keepFacts;
  let universe: Promise<FileUniverse> | undefined;
  if (cache && keys) {
    const hit = await cache.find(keys, head, needFacts);
    if (hit) {
      const collectors = restoreHistory(hit.state.history, collectorSettings, undefined);
      collectors.pass.finish();
      // The facts are read only when a trend asks for them, after the first screen.
      return { collectors, history: hit.state.history.history, universe: hit.state.universe, use: 'hit', ...(hit.state.ownership ? { ownership: hit.state.ownership } : {}), ...(hit.facts ? { loadFacts: hit.facts } : {}) };
    }
    const ancestor = await cache.findAncestor(keys, head, needFacts, signal, sameMailmapAs(repo, head, signal));
    if (ancestor) {
      const touched = new TouchedPaths();
      const collectors = createCollectors(collectorSettings, [touched]);
      // Only the blobs that changed since the cached commit are classified again.
      universe = universeOf(ancestor.state.universe);
      // Awaited below; a failure meanwhile must not go unhandled.
      universe.catch(() => {});
      input.onScan?.(ancestor.base);
      const newer = await repo.reader.scanHistory({ head, pass: collectors.pass, signal, onCommits: input.onCommits, since: ancestor.base });
      if (canExtend(collectors.pass, ancestor.state.history)) {
        const { remap, history } = absorbHistory(collectors, newer, ancestor.state.history, ancestor.facts);
        collectors.pass.finish();
        input.onCommits(collectors.pass.commits);
        return { collectors, history, universe: await universe, use: 'extended', extension: { base: ancestor.base, remap, touched: touched.paths, ownership: ancestor.state.ownership } };
      }
    }
  }
  const collectors = createCollectors(collectorSettings);
  input.onScan?.(undefined);
  const [history, tree] = await Promise.all([repo.reader.scanHistory({ head, pass: collectors.pass, signal, onCommits: input.onCommits }), universe ?? universeOf()]);
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
