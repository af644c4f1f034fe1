import { asCorruption, type Repository } from './git/repo.js';
import { applyEngine } from './engine/engine-checks.js';
import { openRepository } from './engine/open-repository.js';
import { CancelledError, GitError, InputError, RepositoryReadError } from './errors.js';
import type { CoAuthorPolicy } from './history/history-pass.js';
import type { HistoryResult } from './history/scan-with-fallback.js';
import type { FileUniverse } from './files/types.js';
import type { CollectorSettings } from './history/history-collectors.js';
import { FactStore } from './history/fact-store.js';
import type { RawIdentity } from './identity/identity-table.js';
import { AnalysisCache, type CacheRequest, type FactsLoader } from './cache/analysis-cache.js';
import { environmentKey, localStateKey, reportKey, stateKey } from './cache/cache-keys.js';
import { fillFacts, scanOrRestore, type Scanned } from './cache/cached-scan.js';
import { extendOwnership } from './cache/extend-ownership.js';
import { snapshotHistory } from './cache/history-state.js';
import { buildFileMatcher } from './stewardship/build-files.js';
import { classifyTags } from './stewardship/classify-tags.js';
import { releaseTagMatcher } from './stewardship/release-names.js';
import type { TagRecord } from './stewardship/read-tags.js';
import { lastActive } from './people/last-active.js';
import type { People } from './identity/merge-identities.js';
import { computeRecencyAuthorship } from './knowledge/recency-authorship.js';
import { departedPeople, departureWarnings, type DepartedPeople } from './people/departed-people.js';
import { describeMismatch, matchPerson } from './people/match-person.js';
import { parseAge } from './settings/parse-age.js';
import { historyWarnings } from './history/history-warnings.js';
import { computeLineOwnership, type LineOwnershipResult } from './ownership/line-ownership.js';
import { mergeIdentities } from './identity/merge-identities.js';
import { computeAuthorship } from './knowledge/compute-authorship.js';
import { buildReport } from './report/build-report.js';
import type { Report } from './report/report.js';
import { createModuleContext } from './modules/module-context.js';
import { buildModules } from './modules/module-providers.js';
import { loadConfigFile, loadRepositoryConfig } from './settings/load-config.js';
import type { AnalysisOptionValues } from './settings/option-schema.js';
import { resolveSettings, type Settings } from './settings/resolve-settings.js';
import { tempFolderWarnings } from './temp-folder.js';
import { resolveTarget } from './remote/resolve-target.js';
import type { Progress } from './analysis-progress.js';
import { warningWithPaths, type Warning } from './warnings.js';

/**
 * What to analyse and how. Every analysis setting of `settings/option-schema.ts` may be given; what
 * is given wins over the config file, which wins over the defaults (docs/config.md). The CLI passes
 * only what the user typed.
 */
export interface AnalyzeOptions extends Partial<AnalysisOptionValues> {
  /** A work tree, a folder inside one (limits the analysis to it), or a bare repository. */
  readonly path: string;
  /** `--config FILE`: read instead of the repository's own busfactor.json. */
  readonly configFile?: string;
  /** Defaults for settings neither given nor in the config (the explorer's every folder level). */
  readonly defaults?: Partial<AnalysisOptionValues>;
  /** Configured modules and aliases, as the config file's keys (they replace the file's). */
  readonly modules?: Readonly<Record<string, readonly string[]>>;
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  readonly signal?: AbortSignal;
  /**
   * Modules whose active bus factor is below the number this returns, for the settings resolved, get
   * successors in the report (default 2). `busfactor check` asks for its policies' highest minimum.
   */
  readonly successorsBelow?: (settings: Settings) => number;
  /**
   * The cache folder and its size limit (docs/cache.md); without it nothing is cached. The CLI
   * gives it unless `--no-cache`.
   */
  readonly cache?: CacheRequest;
  /** Keep the pass's commits, so a trend can be computed afterwards without another scan. */
  readonly keepFacts?: boolean;
  /** Progress for a terminal: phase changes and, during the history scan, commits so far. */
  readonly onProgress?: (progress: Progress) => void;
  /**
   * `path` is a URL (docs/remote.md): fetch its copy first (the default), or, with false
   * (`--no-fetch`), analyse the copy as it is.
   */
  readonly fetch?: boolean;
  /** The cache folder whose `repos/` keeps the copies of remote repositories: default `cache.dir`, else the user's cache folder. */
  readonly cacheDir?: string;
}

export { walkedCommits, type Phase, type Progress, type TransferStatus } from './analysis-progress.js';

/**
 * The whole pipeline: repository → history scan + file universe → authorship → report. A git
 * failure no stage could work around because the repository is damaged is reported as such.
 */
export async function analyze(options: AnalyzeOptions): Promise<Report> {
  return (await analyzeReport(options)).report;
}

/**
 * What one analysis leaves behind besides the report: the repository, the settings it ran with and,
 * with `keepFacts`, the history's commits (trend/compute-trend.ts replays them).
 */
export interface AnalysisSession {
  readonly report: Report;
  readonly repo: Repository;
  readonly head: string;
  readonly settings: Settings;
  /** Every (name, email) pair of the history after `.mailmap`, and the people they were merged into. */
  readonly identities: readonly RawIdentity[];
  readonly people: People;
  /**
   * With `keepFacts`, the history's commits. A cache hit reads them from their file only when this
   * is first called (the trend, after the first screen: the file is the entry's largest); rejects
   * when they could not be had.
   */
  readonly facts: (() => Promise<FactStore>) | undefined;
  /** The repository's tags (a trend point's departures count the releases made by then). */
  readonly tags: readonly TagRecord[];
}

/** {@link analyze}, keeping what a later computation on the same history needs. */
export async function analyzeSession(options: AnalyzeOptions): Promise<AnalysisSession> {
  try {
    return (await analyzeRepository(options, false)) as AnalysisSession;
  } catch (error) {
    throw asCorruption(error);
  }
}

/**
 * What a caller that needs the report, and at most a trend of it, gets: scan's printed output,
 * `busfactor check`, the explorer, `trend`, `report`.
 */
export type ReportSession = Pick<AnalysisSession, 'report' | 'repo' | 'head' | 'settings' | 'facts' | 'tags'>;

/**
 * {@link analyze} for callers that need nothing but the report, what it was made from and (with
 * `keepFacts`) the commits a trend replays: a re-run asked the same way is then read from the
 * cache's finished reports, with no states decoded and nothing computed; the commits are read
 * afterwards, while the report is already on screen (docs/cache.md, "Finished reports").
 */
export async function analyzeReport(options: AnalyzeOptions): Promise<ReportSession> {
  try {
    return await analyzeRepository(options, true);
  } catch (error) {
    throw asCorruption(error);
  }
}

/** A finished report as the cache keeps it: the warnings of the run's own circumstances left out. */
interface StoredReport {
  readonly report: Report;
  /** The report's warnings from the scan on, less those about the cache and the temporary folder. */
  readonly warnings: readonly Warning[];
}

/** Warnings about the run, not the repository: a later run has its own. */
const RUN_WARNINGS: ReadonlySet<string> = new Set(['cache-unwritable', 'cache-ignored', 'temp-folder-fallback']);

async function analyzeRepository(options: AnalyzeOptions, reportOnly: boolean): Promise<AnalysisSession | ReportSession> {
  const { signal } = options;
  let progress: Progress = { phase: 'opening', commits: 0, totalCommits: undefined };
  const report = (next: Partial<Progress>) => {
    progress = { ...progress, ...next };
    options.onProgress?.(progress);
  };
  // A URL is cloned or fetched first; the analysis then runs on that copy as on any bare repository.
  const target = await resolveTarget(options.path, {
    fetch: options.fetch,
    cacheDir: options.cacheDir ?? options.cache?.dir,
    signal,
    onProgress: (action, url, transfer) => report({ phase: 'fetching', transfer: { action, url, progress: transfer } }),
  });
  report({ phase: 'opening', transfer: undefined });
  const opened = await openRepository(target.path, { signal, ...(options.engine ? { engine: options.engine } : {}) });
  const repo = target.source ? { ...opened, name: target.source.name } : opened;
  // What the cache key needs from outside the settings (git's version, files git reads beside the
  // commit), read meanwhile.
  const cacheEnvironment = options.cache && !repo.isShallow && !repo.isPartialClone ? environmentKey(repo, signal) : undefined;
  cacheEnvironment?.catch(() => {});
  // The tags meanwhile too: the rest of the run needs them. A finished report's key covers them
  // through their refs alone, quicker to list: a cache hit finds its report while they are read.
  const tagsRead = readTags(repo, signal);
  tagsRead.catch(() => {});
  const tagRefs = cacheEnvironment ? repo.reader.readTagRefs(signal).catch(async () => (await tagsRead).tags) : undefined;
  tagRefs?.catch(() => {});
  const warnings: Warning[] = [...target.warnings];
  // A --config file may name the revision; the repository's own is read from it.
  const fileConfig = options.configFile ? await loadConfigFile(options.configFile) : undefined;
  const revision = options.rev ?? fileConfig?.values.rev ?? 'HEAD';
  const head = await repo.reader.resolveCommit(revision, signal);
  const config = fileConfig ?? (await loadRepositoryConfig(repo, head, warnings, signal));
  // The engine's warning, and line ownership refused without git (docs/engine.md).
  const settings = applyEngine(repo, withExplicitLists(resolveSettings(explicitSettings(options), config, warnings, options.defaults), options), options.lines, warnings);
  if (repo.isShallow) {
    warnings.push({ code: 'shallow-clone', message: 'this is a shallow clone: history is truncated, so authorship and bus factors are unreliable (run git fetch --unshallow)' });
  }
  // The number of commits to scan, for the progress line: known only once a scan starts (a cache
  // hit scans nothing, an extended run only the commits since the cached one).
  const onTotal = options.onProgress ? (total: number) => report({ totalCommits: total }) : undefined;

  report({ phase: 'history' });
  const coAuthors = coAuthorPolicy(settings);
  const isBuildFile = buildFileMatcher({ extra: settings.stewardship.buildFiles, not: settings.stewardship.notBuildFiles });
  const collectorSettings: CollectorSettings = { coAuthors, recentSeconds: parseAge(settings.departedAfter) as number, isBuildFile, keepFacts: options.keepFacts === true, lines: settings.lines };
  // A shallow clone's history is cut short and may be deepened under the same head, a partial
  // clone's results depend on the objects fetched so far: neither is cached.
  const cache = options.cache && cacheEnvironment ? await AnalysisCache.open(options.cache, repo, warnings, target.source?.url) : undefined;
  const key = cache && cacheEnvironment ? stateKey({ repo, settings, coAuthors, environment: await cacheEnvironment }) : undefined;
  const localKey = key ? await localStateKey(key, repo) : undefined;
  const successorsBelow = options.successorsBelow?.(settings);
  const tagsKey = tagRefs ? await tagRefs : undefined;
  const reportKeyOf = (stateKey: string) => reportKey({ stateKey, head, revision, repo, sourceUrl: target.source?.url, settings, tags: tagsKey, successorsBelow });
  if (reportOnly && cache && key && localKey) {
    const found = await cache.findReport<StoredReport>([key, localKey], head, reportKeyOf, collectorSettings.keepFacts);
    if (found) {
      const stored = found.value;
      const { tags, warning } = await tagsRead;
      report({ phase: 'done' });
      // This run's own warnings (config, cache folder, tags), then the report's later ones.
      return { report: { ...stored.report, warnings: [...warnings, ...(warning ? [warning] : []), ...stored.warnings, ...tempFolderWarnings()], cache: 'hit' }, repo, head, settings, facts: found.facts && factsOnDemand(new FactStore(), found.facts), tags };
    }
  }
  // A warning about the tags has one place among the others, whenever they were read.
  const { tags: tagRecords, warning: tagsWarning } = await tagsRead;
  if (tagsWarning) warnings.push(tagsWarning);
  // Warnings so far are this run's own (config, cache folder); a finished report adds its later ones.
  const earlyWarnings = warnings.length;
  const scanned = await scanOrRestore({ repo, head, settings, collectorSettings, cache, keys: key && localKey ? [key, localKey] : undefined, signal, onCommits: (commits) => report({ commits }), ...(onTotal ? { onTotal } : {}) });
  const { collectors, history, universe } = scanned;
  const { lineage, activity, stewardship, identities, pass, facts, authorOf } = collectors;
  // Releasers are interned below; the cache keeps the identities of the history alone.
  const historyIdentities = identities.identities.length;
  if (universe.files.length === 0) {
    warnings.push({ code: 'empty-scope', message: `no files to analyse in ${repo.scope === '' ? 'this repository' : repo.scope}: none of its files counts (see excluded)` });
  }
  report({ phase: 'authorship', commits: pass.commits });
  // Releasers are people of the history too: interned before identities are merged.
  const tags = classifyTags(tagRecords, releaseTagMatcher(settings.stewardship.releaseTags), identities, { time: pass.referenceTime, commit: head });
  const people = mergeIdentities(identities.identities, settings.aliases);
  const paths = universe.files.map((file) => file.path);
  const authorship =
    settings.algorithm === 'recency'
      ? computeRecencyAuthorship(paths, lineage.paths, activity, people, { includeBots: settings.includeBots })
      : computeAuthorship(paths, lineage.paths, people, { includeBots: settings.includeBots });
  const { warnings: historyProblems, anonymous } = historyWarnings(pass, authorship.withoutHistory);
  warnings.push(...history.warnings, ...historyProblems, ...recencyWarnings(settings, authorship.withoutRecentData));
  const active = lastActive(people, stewardship.events, tags.releases);
  const departure = departures(people, pass.referenceTime, settings, warnings, active);
  // Build and delivery files are counted whatever Linguist says, with the AVL model always.
  const buildAuthorship = computeAuthorship(universe.regularFiles.filter(isBuildFile), lineage.paths, people, { includeBots: settings.includeBots });
  const without = whoIsLeaving(people, settings.without);

  const context = createModuleContext(repo, { files: authorship.files, blobs: universe.blobs, settings, warnings });
  let modules;
  try {
    modules = await buildModules(context, settings.moduleKinds);
  } finally {
    context.close();
  }

  let ownership: LineOwnershipResult | undefined;
  if (settings.lines) {
    report({ phase: 'ownership', replayed: 0 });
    ownership = scanned.ownership;
    if (!ownership && scanned.extension?.ownership) {
      const { base, remap, touched } = scanned.extension;
      ownership = await extendOwnership({ repo, base, head, universe, cached: scanned.extension.ownership, remap, touched, authorOf: authorOf ?? new Map(), firstParent: settings.firstParent, ignoreRevs: settings.ignoreRevs, signal });
    }
    ownership ??= await computeLineOwnership(repo, head, universe, lineage.paths, authorOf ?? new Map(), {
      firstParent: settings.firstParent,
      ignoreRevs: settings.ignoreRevs,
      signal,
      onProgress: (replayed, replayTotal) => report({ replayed, replayTotal }),
    });
    if (signal?.aborted) throw new CancelledError();
  }
  // A result that objects missing from this copy degraded is stored for this copy alone: another
  // copy may have them. The states are serialised when the store starts and written while the
  // report is built; a warning of the store itself (a full disk) then builds the report again.
  const storeKey = degradedByMissingObjects(history, universe, ownership) ? localKey : key;
  const storing =
    cache && storeKey && storesStates(scanned, collectorSettings.keepFacts)
      ? cache.store(storeKey, head, { history: snapshotHistory(collectors, history, historyIdentities), universe, ownership }, facts?.commits)
      : undefined;
  const warningsBeforeStore = warnings.length;
  const build = () => buildReport({
    repo,
    ...(target.source ? { source: { url: target.source.url } } : {}),
    head,
    revision,
    headTime: pass.headTime,
    referenceTime: pass.referenceTime,
    departure,
    without,
    lineages: lineage.paths,
    ...(successorsBelow !== undefined ? { successorsBelow } : {}),
    activity,
    lastActive: active,
    stewardship: {
      events: stewardship.events,
      unattributed: stewardship.unattributed,
      tags,
      buildAuthorship,
      windowAge: settings.stewardshipWindow,
      windowSeconds: parseAge(settings.stewardshipWindow) as number,
    },
    commits: pass.commits,
    withoutAuthor: anonymous,
    people,
    authorship,
    universe,
    modules,
    aliases: settings.aliases,
    warnings: [...warnings, ...universe.warnings, ...(ownership?.warnings ?? []), ...tempFolderWarnings()],
    cache: scanned.use,
    ownership,
    algorithm: settings.algorithm,
    settings: {
      depth: settings.depth,
      minFiles: settings.minFiles,
      includeBots: settings.includeBots,
      allText: settings.allText,
      include: settings.include,
      exclude: settings.exclude,
      renames: history.renames,
      engine: repo.reader.engine,
      lines: settings.lines,
      firstParent: settings.lines && settings.firstParent,
      ignoreRevs: settings.lines && settings.ignoreRevs,
      moduleKinds: settings.moduleKinds,
      departedAfter: settings.departedAfter,
      coAuthors,
      without: settings.without,
      stewardshipWindow: settings.stewardshipWindow,
      releaseTags: settings.stewardship.releaseTags,
      buildFiles: settings.stewardship.buildFiles,
      notBuildFiles: settings.stewardship.notBuildFiles,
      configuredModules: Object.keys(settings.modules),
      ...(settings.config ? { config: settings.config } : {}),
    },
  });
  let result = build();
  if (storing) {
    await storing;
    if (warnings.length !== warningsBeforeStore) result = build();
  }
  if (reportOnly && cache && storeKey) {
    const later = result.warnings.slice(earlyWarnings).filter((warning) => !RUN_WARNINGS.has(warning.code));
    const stored: StoredReport = { report: result, warnings: later };
    await cache.storeReport(storeKey, head, reportKeyOf(storeKey), collectors.roots.roots, pass.commits, stored);
  }
  report({ phase: 'done' });
  return { report: result, repo, head, settings, identities: identities.identities, people, facts: facts && factsOnDemand(facts, scanned.loadFacts), tags: tagRecords };
}

/** A session's facts: the pass's own store, filled from the cache's file on the first call when the pass was restored. */
function factsOnDemand(store: FactStore, load: FactsLoader | undefined): () => Promise<FactStore> {
  let filled: Promise<FactStore> | undefined;
  return () => (filled ??= load ? fillFacts(store, load).then(() => store) : Promise.resolve(store));
}

/**
 * Fewer new commits than this on top of a cached one: the extended states are not stored (the
 * finished report is), since extending the cached ones again is quicker than writing the whole
 * history's states for one pull (git/git: 0.2 s of a 1.5 s run). A cached commit used as a base
 * stays recently used, so eviction keeps it (docs/cache.md, "Extending"). A run that keeps the
 * facts (a trend) stores them all the same: its finished report serves a re-run only beside them.
 */
const STORE_EXTENSION_AFTER = 100;

function storesStates(scanned: Pick<Scanned, 'use' | 'extension'>, keepFacts: boolean): boolean {
  if (scanned.use === 'hit') return false;
  return scanned.use !== 'extended' || keepFacts || (scanned.extension?.newCommits ?? 0) >= STORE_EXTENSION_AFTER;
}

/** Whether objects missing from the repository cost the analysis something (renames, file contents, lines). */
function degradedByMissingObjects(history: HistoryResult, universe: FileUniverse, ownership: LineOwnershipResult | undefined): boolean {
  if (history.renames === 'partly-exact') return true;
  return [...universe.warnings, ...(ownership?.warnings ?? [])].some((warning) => warning.code === 'missing-objects');
}

/** `--co-authors auto`: the published AVL model credits authors only; the recency model credits co-authors. */
export function coAuthorPolicy(settings: Pick<Settings, 'coAuthors' | 'algorithm'>): CoAuthorPolicy {
  if (settings.coAuthors === 'auto') return settings.algorithm === 'recency' ? 'credit' : 'ignore';
  return settings.coAuthors;
}

/** Who has departed; config entries naming nobody are errors in a --config file, warnings in the repository's own. */
function departures(people: People, referenceTime: number | undefined, settings: Settings, warnings: Warning[], active: readonly (number | undefined)[]): DepartedPeople['departure'] {
  const result = departedPeople(people.people, {
    referenceTime,
    lastActive: active,
    after: parseAge(settings.departedAfter) as number,
    departed: settings.people.departed,
    present: settings.people.present,
  });
  if (result.problems.length > 0 && settings.config?.source === 'file') throw new InputError(`${settings.config.path}: ${result.problems[0] as string}`);
  warnings.push(...departureWarnings(result.problems, settings.config?.path));
  if (referenceTime === undefined) {
    warnings.push({ code: 'bad-dates', message: 'the analysed commit has no usable date: nobody counts as departed by inactivity (only by the config\'s people.departed)' });
  }
  return result.departure;
}

/**
 * The repository's tags; a repository whose tags git cannot list (a damaged tag object) is
 * analysed without releases, with a warning.
 */
async function readTags(repo: Repository, signal: AbortSignal | undefined): Promise<{ tags: TagRecord[]; warning?: Warning }> {
  try {
    return { tags: await repo.reader.readTags(signal) };
  } catch (error) {
    if (!(error instanceof GitError) && !(error instanceof RepositoryReadError)) throw error;
    return { tags: [], warning: { code: 'tags-unreadable', message: `the repository's tags could not be read (${error.message}): releases are not counted` } };
  }
}

/** `--without`: each entry must name exactly one person (what the user typed: an error otherwise). */
function whoIsLeaving(people: People, entries: readonly string[]): number[] {
  const leaving: number[] = [];
  for (const entry of entries) {
    const match = matchPerson(people.people, entry);
    if (match.kind !== 'one') throw new InputError(`--without ${describeMismatch(people.people, entry, match)}`);
    if (!leaving.includes(match.person)) leaving.push(match.person);
  }
  return leaving;
}

/** The recency model counts only files changed in its window: say how many it left out. */
function recencyWarnings(settings: Settings, withoutRecentData: readonly string[]): Warning[] {
  if (settings.algorithm !== 'recency' || withoutRecentData.length === 0) return [];
  return [warningWithPaths('no-recent-data', `${withoutRecentData.length} file(s) have no change in the 547 days before the analysed commit and are not counted by the recency model`, withoutRecentData)];
}

/** The analysis settings among the options: everything but the path, callbacks and lists. */
function explicitSettings(options: AnalyzeOptions): Partial<AnalysisOptionValues> {
  const { path: _path, configFile: _configFile, defaults: _defaults, modules: _modules, aliases: _aliases, signal: _signal, onProgress: _onProgress, keepFacts: _keepFacts, cache: _cache, successorsBelow: _successorsBelow, fetch: _fetch, cacheDir: _cacheDir, ...settings } = options;
  return settings;
}

/** Configured modules and aliases given to `analyze()` replace the config file's. */
function withExplicitLists(settings: Settings, options: AnalyzeOptions): Settings {
  return { ...settings, ...(options.modules ? { modules: options.modules } : {}), ...(options.aliases ? { aliases: options.aliases } : {}) };
}
