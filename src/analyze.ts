import { buildFileUniverse } from './files/build-file-universe.js';
import type { FileUniverse } from './files/types.js';
import { openRepository, resolveCommit, type Repository } from './git/repo.js';
import { runGit } from './git/run-git.js';
import { LineageCollector } from './history/lineage-collector.js';
import type { CommitRecord } from './history/commit-record.js';
import { isMissingObjectFailure, listCommits, scanHistory } from './history/scan-history.js';
import { InternalError } from './errors.js';
import { mergeIdentities } from './identity/merge-identities.js';
import { computeAuthorship } from './knowledge/compute-authorship.js';
import { buildReport } from './report/build-report.js';
import type { Report } from './report/report.js';
import { warningWithPaths, type Warning } from './warnings.js';

/** What to analyse and how; the CLI fills it from flags. */
export interface AnalyzeOptions {
  /** A work tree, a folder inside one (limits the analysis to it), or a bare repository. */
  readonly path: string;
  /** @default 'HEAD' */
  readonly rev?: string;
  /** Deepest folder level listed as a module. @default 2 */
  readonly depth?: number;
  /** Smallest module listed, in files. @default 3 */
  readonly minFiles?: number;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** @default false */
  readonly includeBots?: boolean;
  /** Count data, prose and unknown text files too. @default false */
  readonly allText?: boolean;
  readonly signal?: AbortSignal;
  /** Progress for a terminal: phase changes and, during the history scan, commits so far. */
  readonly onProgress?: (progress: Progress) => void;
}

export type Phase = 'opening' | 'history' | 'authorship' | 'done';

export interface Progress {
  readonly phase: Phase;
  readonly commits: number;
  /** Commits to scan, when known (counted alongside the scan only when progress is wanted). */
  readonly totalCommits: number | undefined;
}

export const DEFAULT_DEPTH = 2;
export const DEFAULT_MIN_FILES = 3;

/** The whole pipeline: repository → history scan + file universe → authorship → report. */
export async function analyze(options: AnalyzeOptions): Promise<Report> {
  const { signal } = options;
  let progress: Progress = { phase: 'opening', commits: 0, totalCommits: undefined };
  const report = (next: Partial<Progress>) => {
    progress = { ...progress, ...next };
    options.onProgress?.(progress);
  };
  report({});
  const repo = await openRepository(options.path, signal);
  const revision = options.rev ?? 'HEAD';
  const head = await resolveCommit(repo, revision, signal);
  const warnings: Warning[] = [];
  if (repo.isShallow) {
    warnings.push({ code: 'shallow-clone', message: 'this is a shallow clone: history is truncated, so authorship and bus factors are unreliable (run git fetch --unshallow)' });
  }
  if (options.onProgress) {
    countCommits(repo, head, signal).then((total) => report({ totalCommits: total }), () => {});
  }

  report({ phase: 'history' });
  const [history, universe] = await Promise.all([
    scanWithFallback(repo, head, warnings, signal, (commits) => report({ commits })),
    buildFileUniverse(repo, head, {
      include: options.include ?? [],
      exclude: options.exclude ?? [],
      allText: options.allText ?? false,
      signal,
    }),
  ]);

  report({ phase: 'authorship', commits: history.collector.commits });
  const people = mergeIdentities(history.collector.identities.identities);
  const authorship = computeAuthorship(paths(universe), history.collector.paths, people, { includeBots: options.includeBots ?? false });
  if (authorship.withoutHistory.length > 0) {
    warnings.push(
      warningWithPaths('no-history', `${authorship.withoutHistory.length} file(s) never appear in the changes of a non-merge commit (added by a merge, or only copied) and are not counted, as in the reference implementation`, authorship.withoutHistory),
    );
  }
  const result = buildReport({
    repo,
    head,
    revision,
    headTime: history.headTime,
    commits: history.collector.commits,
    people,
    authorship,
    universe,
    warnings: [...warnings, ...universe.warnings],
    settings: {
      depth: options.depth ?? DEFAULT_DEPTH,
      minFiles: options.minFiles ?? DEFAULT_MIN_FILES,
      includeBots: options.includeBots ?? false,
      allText: options.allText ?? false,
      include: options.include ?? [],
      exclude: options.exclude ?? [],
      renames: history.renames,
    },
  });
  report({ phase: 'done' });
  return result;
}

function paths(universe: FileUniverse): string[] {
  return universe.files.map((file) => file.path);
}

interface HistoryResult {
  readonly collector: LineageCollector;
  readonly renames: 'similarity' | 'partly-exact';
  readonly headTime: number;
}

/** After this many commits that need a missing object, the rest is scanned with exact renames. */
const MAX_RENAME_FALLBACKS = 50;

/**
 * Rename detection reads blob contents; when objects are missing (partial clones, mirrors without
 * large blobs) git dies on the commit that needs one. The scan then redoes just that commit with
 * exact renames only (`-M100%` compares blob ids, reads no content) and resumes full detection on
 * the commits after it, given explicitly so git does not walk the history again: only commits that
 * touch a missing blob lose similarity renames, and nothing is counted twice.
 */
async function scanWithFallback(
  repo: Repository,
  head: string,
  warnings: Warning[],
  signal: AbortSignal | undefined,
  onCommits: (commits: number) => void,
): Promise<HistoryResult> {
  const collector = new LineageCollector();
  let headTime = 0;
  let lastReport = 0;
  let lastOid = '';
  const consume = (commit: CommitRecord) => {
    collector.consume(commit);
    lastOid = commit.oid;
    if (collector.commits === 1) headTime = commit.authorTime;
    if (collector.commits - lastReport >= 500) {
      lastReport = collector.commits;
      onCommits(collector.commits);
    }
  };
  const base = { commit: head, mailmapBlob: repo.isBare ? `${head}:.mailmap` : undefined, signal, consume };
  try {
    await scanHistory(repo, { ...base, renames: 'similarity' });
    return { collector, renames: 'similarity', headTime };
  } catch (error) {
    if (!isMissingObjectFailure(error)) throw error;
  }

  const order = await listCommits(repo, head, signal);
  if (collector.commits > 0 && order[collector.commits - 1] !== lastOid) {
    throw new InternalError('git rev-list and git log walked the history in different orders');
  }
  let exactCommits = 0;
  for (let fallbacks = 1; collector.commits < order.length; fallbacks += 1) {
    const before = collector.commits;
    if (fallbacks > MAX_RENAME_FALLBACKS) {
      await scanHistory(repo, { ...base, renames: 'exact', commits: order.slice(before) });
      exactCommits += collector.commits - before;
      break;
    }
    // The commit git died on, alone, with exact renames.
    await scanHistory(repo, { ...base, renames: 'exact', commits: order.slice(before, before + 1) });
    exactCommits += collector.commits - before;
    try {
      await scanHistory(repo, { ...base, renames: 'similarity', commits: order.slice(collector.commits) });
      break;
    } catch (error) {
      if (!isMissingObjectFailure(error)) throw error;
    }
  }
  warnings.push({
    code: 'rename-detection-fallback',
    message: `objects are missing from this repository (partial clone or incomplete mirror): in ${exactCommits.toLocaleString('en-US')} of ${collector.commits.toLocaleString('en-US')} commits renames were detected only where the content is unchanged (-M100%)`,
    count: exactCommits,
  });
  return { collector, renames: 'partly-exact', headTime };
}

async function countCommits(repo: Repository, head: string, signal: AbortSignal | undefined): Promise<number> {
  const { stdout } = await runGit({ cwd: repo.cwd, args: ['rev-list', '--count', head, '--'], signal });
  return Number(stdout.toString('utf8').trim());
}
