import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../errors.js';
import { plural } from '../../format.js';
import { buildOrgView } from '../../org/build-org-view.js';
import { discoverRepositories } from '../../org/discover-repositories.js';
import { fileStems } from '../../org/file-stems.js';
import { startOrder } from '../../org/history-size.js';
import type { OrgFailure } from '../../org/org-view.js';
import { analysedRepository, type RepositoryAnalysis } from '../../org/repository-analysis.js';
import type { DiscoveryProblem } from '../../org/repository-target.js';
import { withoutRepeats } from '../../org/same-repository.js';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { Report } from '../../report/report.js';
import type { CacheOptionValues } from '../../settings/cache-options.js';
import type { OrgRunValues, OrgViewValues } from '../../settings/org-options.js';
import { cacheRequest } from '../cache-request.js';
import { remoteRequest } from '../remote-request.js';
import { createOrgProgress } from '../org-progress.js';
import { orgOutputChoice, showOrgView } from '../org-output.js';
import { defaultJobs } from '../workers/default-jobs.js';
import { runAnalyses } from '../workers/run-analyses.js';
import { writeOutput } from '../write-output.js';
import type { CommandInput } from './command.js';

/**
 * `busfactor org <folder|list-file|url…>` (docs/org.md): finds the repositories, analyses each in a
 * worker process, `--jobs` at a time, and shows the organisation view. A repository that fails is
 * listed with its error and the others go on; the exit code is 2 only when every one failed.
 */
export async function run(input: CommandInput): Promise<number> {
  const typed = input.typedOutput as Partial<OrgViewValues & OrgRunValues & CacheOptionValues>;
  const choice = orgOutputChoice(typed);
  const outDir = typed.out ? await prepareFolder(typed.out) : undefined;
  const { targets, problems } = await discoverRepositories(input.paths, { recursive: typed.recursive === true });
  if (targets.length === 0) throw new InputError(nothingFound(problems));

  const stderr = process.stderr;
  const live = !choice.quiet && stderr.isTTY ? createOrgProgress(stderr, targets.length) : undefined;
  const say = (line: string) => {
    if (choice.quiet) return;
    if (live) live.note(line);
    else stderr.write(`${line}\n`);
  };
  for (const problem of problems) say(`busfactor: warning: ${safe(problem.source)}: ${safe(problem.message)}`);

  const stems = fileStems(targets);
  const base = { ...input.typed, ...(typed.config ? { configFile: typed.config } : {}), ...cacheRequest(input.typedOutput), ...remoteRequest(input.typedOutput) };
  const analyses: (RepositoryAnalysis | undefined)[] = [];
  const failed: (OrgFailure | undefined)[] = [];
  // A report that cannot be written to --out (a full disk) stops the run: a partial folder must not pass for a whole one.
  const stop = new AbortController();
  let writeError: InputError | undefined;
  try {
    await runAnalyses(
      targets.map((target) => ({ ...base, path: target.location })),
      {
        jobs: typed.jobs ?? defaultJobs(targets.length),
        order: await startOrder(targets),
        signal: AbortSignal.any([input.signal, stop.signal]),
        onStart: (index) => live?.start(index, stems[index] as string),
        onProgress: (index, progress) => live?.update(index, progress),
        onOutcome: async (index, outcome) => {
          const target = targets[index];
          const stem = stems[index] as string;
          if (!target) return;
          if (outcome.kind === 'failure') {
            failed[index] = { repository: stem, source: target.source, error: outcome.error };
            live?.finish(index, true);
            // One repository alone: its failure is the run's one error line, said once.
            if (targets.length + problems.length > 1) say(`busfactor: warning: ${safe(stem)} failed: ${safe(outcome.error)}`);
            return;
          }
          if (outDir) {
            const file = path.join(outDir, `${stem}.json`);
            await writeOutput(file, outcome.json).catch((error: NodeJS.ErrnoException) => {
              writeError ??= new InputError(`cannot write ${file}: ${error.code ?? error.message}`);
              stop.abort();
            });
          }
          const report = JSON.parse(outcome.json) as Report;
          analyses[index] = analysedRepository(report, { stem, source: target.source });
          live?.finish(index, false);
          if (!choice.inlineWarnings) for (const warning of report.warnings) say(`busfactor: warning: ${safe(stem)}: ${safe(warning.message)}`);
        },
      },
    );
  } catch (error) {
    throw writeError && !input.signal.aborted ? writeError : error;
  } finally {
    live?.clear();
  }
  if (writeError) throw writeError;

  const { kept, repeats, warnings } = withoutRepeats(analyses.filter((analysis): analysis is RepositoryAnalysis => analysis !== undefined));
  // A repeat is not counted: its --out file would count it again in `aggregate`.
  if (outDir) for (const repeat of repeats) await rm(path.join(outDir, `${repeat.stem}.json`), { force: true });
  const failures: OrgFailure[] = [...problems.map((problem) => ({ repository: problem.source, source: problem.source, error: problem.message })), ...failed.filter((failure): failure is OrgFailure => failure !== undefined)];
  if (kept.length === 0) throw new InputError(everyOneFailed(failures));
  const view = buildOrgView({ analyses: kept, failures, warnings });
  return showOrgView(view, choice, input.signal);
}

/** `--out DIR`: made when missing (with its parents); refused when it is something else. */
async function prepareFolder(folder: string): Promise<string> {
  const absolute = path.resolve(folder);
  const info = await stat(absolute).catch(() => undefined);
  if (info && !info.isDirectory()) throw new InputError(`--out ${folder}: not a folder`);
  if (!info) {
    await mkdir(absolute, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`--out ${folder}: cannot create the folder (${error.code ?? error.message})`);
    });
  }
  return absolute;
}

function nothingFound(problems: readonly DiscoveryProblem[]): string {
  const [first] = problems;
  if (!first) return 'no repository to analyse';
  return problems.length === 1 ? first.message : `no repository to analyse: ${first.message}; and ${plural(problems.length - 1, 'more problem')}`;
}

function everyOneFailed(failures: readonly OrgFailure[]): string {
  const [first] = failures;
  const more = failures.length > 1 ? `; and ${plural(failures.length - 1, 'more failure')}` : '';
  const what = failures.length === 1 ? 'the repository could not be analysed' : `none of the ${failures.length} repositories could be analysed`;
  return `${what}${first ? ` (${first.repository}: ${first.error}${more})` : ''}`;
}
