import pLimit from 'p-limit';
import { eitherSignal } from '../abort-signals.js';
import { coAuthorPolicy, type ReportSession } from '../analyze.js';
import { compareText } from '../compare-text.js';
import { InternalError } from '../errors.js';
import { buildFileUniverse } from '../files/build-file-universe.js';
import type { CommitRecord } from '../history/commit-record.js';
import type { Report } from '../report/report.js';
import type { Warning } from '../warnings.js';
import { ancestorMask, firstParentChain } from './ancestry.js';
import { trendCheckpoints, type Checkpoint, type TrendRequest } from './checkpoints.js';
import { modelAt, type PointModel, type TrendFigures } from './model-at.js';

export type { TrendRequest } from './checkpoints.js';
export type { TrendFigures } from './model-at.js';

/** One point of the trend. */
export interface TrendPoint extends TrendFigures {
  /** The date asked for, seconds since the epoch; undefined when the analysed commit has no usable date. */
  readonly date: number | undefined;
  /** The commit whose model stands for the date: the branch's tip then (docs/trend.md). */
  readonly commit: string;
  /** Every top module, by id: null where the point has no such folder (not yet, or no longer, or too small). */
  readonly modules: Readonly<Record<string, TrendFigures | null>>;
}

/** A top-level folder that is a directory module at one point at least. */
export interface TrendModule {
  readonly id: string;
  readonly name: string;
}

export interface Trend {
  readonly repository: Report['repository'];
  /** A repository given as a URL: as in the report (docs/remote.md). */
  readonly source?: Report['source'];
  readonly head: string;
  readonly algorithm: Report['algorithm'];
  /** The top modules, by name. */
  readonly modules: readonly TrendModule[];
  /** Oldest first; the last one is the analysed commit. */
  readonly points: readonly TrendPoint[];
  /** The session's warnings, then the trend's own (`trend-range`) and those of the points' trees. */
  readonly warnings: readonly Warning[];
}

/**
 * File universes built at once: each is an `ls-tree` and a `cat-file` of git's, so a few overlap
 * well with each other and with the replays on this thread; more would only add memory.
 */
const UNIVERSE_CONCURRENCY = 3;

/**
 * Replays at once: they run on this thread, so one at a time is as fast as any number, and only
 * one point's collectors are held at a time.
 */
const REPLAY_CONCURRENCY = 1;

/**
 * The trend of an analysis (docs/trend.md): the repository's and each top-level folder's bus
 * factor, active bus factor and lost share at each checkpoint, from the session's one history pass
 * (`analyzeReport({ keepFacts: true })`): no git log is run again, only each point's tree is read.
 */
export async function computeTrend(
  session: ReportSession,
  request: TrendRequest,
  signal?: AbortSignal,
  onProgress?: (done: number, total: number) => void,
): Promise<Trend> {
  if (!session.facts) throw new InternalError('computeTrend needs a session analysed with keepFacts');
  const store = await session.facts();
  const chain = firstParentChain(store, session.head);
  const { checkpoints, warnings } = trendCheckpoints(store, session.head, chain, request);

  // A failing point stops the others' git processes too.
  const controller = new AbortController();
  const stop = eitherSignal(controller, signal);
  const universes = pLimit(UNIVERSE_CONCURRENCY);
  const replays = pLimit(REPLAY_CONCURRENCY);
  const pointWarnings: { code: Warning['code']; message: string }[] = [];
  let done = 0;
  onProgress?.(0, checkpoints.length);

  const modelOf = async (checkpoint: Checkpoint): Promise<PointModel> => {
    const paths = await universes(() => countedPaths(session, checkpoint, stop, pointWarnings));
    const model = await replays(() =>
      modelAt({
        store,
        mask: ancestorMask(store, checkpoint.commit),
        reference: store.commits[checkpoint.index] as CommitRecord,
        paths,
        scope: session.repo.scope,
        settings: session.settings,
        coAuthors: coAuthorPolicy(session.settings),
        tags: session.tags,
        signal: stop,
      }),
    );
    done += 1;
    onProgress?.(done, checkpoints.length);
    return model;
  };
  let models: PointModel[];
  try {
    models = await Promise.all(checkpoints.map(modelOf));
  } catch (error) {
    controller.abort();
    universes.clearQueue();
    replays.clearQueue();
    throw error;
  }

  const names = new Map<string, string>();
  for (const model of models) for (const [id, module] of model.modules) names.set(id, module.name);
  const modules = [...names].map(([id, name]) => ({ id, name })).sort((a, b) => compareText(a.name, b.name));
  const points = checkpoints.map((checkpoint, i): TrendPoint => {
    const model = models[i] as PointModel;
    const perModule: Record<string, TrendFigures | null> = {};
    for (const { id } of modules) {
      const found = model.modules.get(id);
      perModule[id] = found ? { busFactor: found.busFactor, activeBusFactor: found.activeBusFactor, lostShare: found.lostShare, files: found.files } : null;
    }
    return { date: checkpoint.date, commit: checkpoint.commit, busFactor: model.busFactor, activeBusFactor: model.activeBusFactor, lostShare: model.lostShare, files: model.files, modules: perModule };
  });
  return {
    repository: session.report.repository,
    ...(session.report.source ? { source: session.report.source } : {}),
    head: session.head,
    algorithm: session.report.algorithm,
    modules,
    points,
    warnings: [...session.report.warnings, ...warnings, ...summarise(pointWarnings, checkpoints.length)],
  };
}

/**
 * The counted files of a point's tree. The analysed commit's are the session's own (its report
 * lists every counted file with history; the others count nowhere), so its tree is not read twice.
 */
async function countedPaths(session: ReportSession, checkpoint: Checkpoint, signal: AbortSignal, warnings: { code: Warning['code']; message: string }[]): Promise<string[]> {
  if (checkpoint.commit === session.head) return session.report.files.map((file) => file.path);
  const { include, exclude, allText } = session.settings;
  const universe = await buildFileUniverse(session.repo, checkpoint.commit, { include, exclude, allText, signal });
  for (const warning of universe.warnings) warnings.push({ code: warning.code, message: warning.message });
  return universe.files.map((file) => file.path);
}

/** The points' tree warnings, one per code: the first message, and at how many points it came up. */
function summarise(warnings: readonly { code: Warning['code']; message: string }[], points: number): Warning[] {
  const byCode = new Map<Warning['code'], { message: string; count: number }>();
  for (const warning of warnings) {
    const seen = byCode.get(warning.code);
    if (seen) seen.count += 1;
    else byCode.set(warning.code, { message: warning.message, count: 1 });
  }
  return [...byCode].map(([code, { message, count }]) => ({ code, message: `at ${count} of the ${points} trend points: ${message}` }));
}
