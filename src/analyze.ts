import { buildFileUniverse } from './files/build-file-universe.js';
import type { FileUniverse } from './files/types.js';
import { asCorruption, openRepository, resolveCommit, type Repository } from './git/repo.js';
import { runGit } from './git/run-git.js';
import { CancelledError } from './errors.js';
import type { LineageCollector } from './history/lineage-collector.js';
import { scanWithFallback } from './history/scan-with-fallback.js';
import { computeLineOwnership, type LineOwnershipResult } from './ownership/line-ownership.js';
import { mergeIdentities } from './identity/merge-identities.js';
import { computeAuthorship } from './knowledge/compute-authorship.js';
import { buildReport } from './report/build-report.js';
import type { Report } from './report/report.js';
import { tempFolderWarnings } from './temp-folder.js';
import { warningWithPaths, type Warning } from './warnings.js';

/** What to analyse and how; the CLI fills it from flags. */
export interface AnalyzeOptions {
  /** A work tree, a folder inside one (limits the analysis to it), or a bare repository. */
  readonly path: string;
  /** @default 'HEAD' */
  readonly rev?: string;
  /** The authorship model; only the published one exists today. @default 'avl' */
  readonly algorithm?: 'avl';
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
  /** Line ownership: who wrote the surviving lines (`git blame` for every file). @default false */
  readonly lines?: boolean;
  /** Line ownership follows first parents only (`git blame --first-parent`). @default false */
  readonly firstParent?: boolean;
  /** Honour `.git-blame-ignore-revs` when present. @default true */
  readonly ignoreRevs?: boolean;
  readonly signal?: AbortSignal;
  /** Progress for a terminal: phase changes and, during the history scan, commits so far. */
  readonly onProgress?: (progress: Progress) => void;
}

export type Phase = 'opening' | 'history' | 'authorship' | 'ownership' | 'done';

export interface Progress {
  readonly phase: Phase;
  readonly commits: number;
  /** Commits to scan, when known (counted alongside the scan only when progress is wanted). */
  readonly totalCommits: number | undefined;
  /** Line ownership: commits replayed so far, and of how many. */
  readonly replayed?: number;
  readonly replayTotal?: number;
}

/** Commits done and to do in the phases that walk the history (the scan, the line replay). */
export function walkedCommits(progress: Progress): { done: number; total: number | undefined } | undefined {
  if (progress.phase === 'history' && progress.commits > 0) return { done: progress.commits, total: progress.totalCommits };
  if (progress.phase === 'ownership' && progress.replayTotal) return { done: progress.replayed ?? 0, total: progress.replayTotal };
  return undefined;
}

export const DEFAULT_DEPTH = 2;
export const DEFAULT_MIN_FILES = 3;

/**
 * The whole pipeline: repository → history scan + file universe → authorship → report. A git
 * failure no stage could work around because the repository is damaged is reported as such.
 */
export async function analyze(options: AnalyzeOptions): Promise<Report> {
  try {
    return await analyzeRepository(options);
  } catch (error) {
    throw asCorruption(error);
  }
}

async function analyzeRepository(options: AnalyzeOptions): Promise<Report> {
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
  const lines = options.lines ?? false;
  const [history, universe] = await Promise.all([
    scanWithFallback(repo, head, signal, (commits) => report({ commits }), lines),
    buildFileUniverse(repo, head, {
      include: options.include ?? [],
      exclude: options.exclude ?? [],
      allText: options.allText ?? false,
      signal,
    }),
  ]);

  warnings.push(...history.warnings, ...historyWarnings(history.collector));
  if (universe.files.length === 0) {
    warnings.push({ code: 'empty-scope', message: `no files to analyse in ${repo.scope === '' ? 'this repository' : repo.scope}: none of its files counts (see excluded)` });
  }
  report({ phase: 'authorship', commits: history.collector.commits });
  const people = mergeIdentities(history.collector.identities.identities);
  const authorship = computeAuthorship(paths(universe), history.collector.paths, people, { includeBots: options.includeBots ?? false });
  const { anonymous, neverChanged } = splitByCause(authorship.withoutHistory, history.collector.anonymousPaths);
  if (neverChanged.length > 0) {
    warnings.push(
      warningWithPaths('no-history', `${neverChanged.length} file(s) never appear in the changes of a non-merge commit (added by a merge, or only copied) and are not counted, as in the reference implementation`, neverChanged),
    );
  }
  if (anonymous.length > 0) {
    warnings.push(
      warningWithPaths('anonymous-commits', `${anonymous.length} file(s) were only ever changed by commits without any author or committer name or email; such commits are skipped, as in the reference implementation, so these files are not counted`, anonymous),
    );
  }
  let ownership: LineOwnershipResult | undefined;
  if (lines) {
    report({ phase: 'ownership', replayed: 0 });
    ownership = await computeLineOwnership(repo, head, universe, history.collector.paths, history.collector.authorOf ?? new Map(), {
      firstParent: options.firstParent ?? false,
      ignoreRevs: options.ignoreRevs ?? true,
      signal,
      onProgress: (replayed, replayTotal) => report({ replayed, replayTotal }),
    });
    if (signal?.aborted) throw new CancelledError();
  }
  const result = buildReport({
    repo,
    head,
    revision,
    headTime: history.headTime,
    commits: history.collector.commits,
    withoutAuthor: anonymous,
    people,
    authorship,
    universe,
    warnings: [...warnings, ...universe.warnings, ...(ownership?.warnings ?? []), ...tempFolderWarnings()],
    ownership,
    algorithm: options.algorithm ?? 'avl',
    settings: {
      depth: options.depth ?? DEFAULT_DEPTH,
      minFiles: options.minFiles ?? DEFAULT_MIN_FILES,
      includeBots: options.includeBots ?? false,
      allText: options.allText ?? false,
      include: options.include ?? [],
      exclude: options.exclude ?? [],
      renames: history.renames,
      lines,
      firstParent: lines && (options.firstParent ?? false),
      ignoreRevs: lines && (options.ignoreRevs ?? true),
    },
  });
  report({ phase: 'done' });
  return result;
}

/** What the history scan could not count as given: commits without a usable date. */
function historyWarnings(collector: LineageCollector): Warning[] {
  const warnings: Warning[] = [];
  if (collector.undatedCommits > 0) {
    warnings.push({ code: 'bad-dates', message: `${collector.undatedCommits} commit(s) have an author date that is missing or out of range (a forged or damaged commit): their dates are unknown and left out of first and last commit times`, count: collector.undatedCommits });
  }
  return warnings;
}

/** Files without history: those only anonymous commits changed, and those no commit changed. */
function splitByCause(withoutHistory: readonly string[], anonymousPaths: ReadonlySet<string>): { anonymous: string[]; neverChanged: string[] } {
  const anonymous: string[] = [];
  const neverChanged: string[] = [];
  for (const path of withoutHistory) (anonymousPaths.has(path) ? anonymous : neverChanged).push(path);
  return { anonymous, neverChanged };
}

function paths(universe: FileUniverse): string[] {
  return universe.files.map((file) => file.path);
}

/** The number of commits to scan, for the progress ETA only: at low priority, beside the scan. */
async function countCommits(repo: Repository, head: string, signal: AbortSignal | undefined): Promise<number> {
  const { stdout } = await runGit({ cwd: repo.cwd, args: ['rev-list', '--count', head, '--'], signal, background: true });
  return Number(stdout.toString('utf8').trim());
}
