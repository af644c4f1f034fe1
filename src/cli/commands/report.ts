import { stat } from 'node:fs/promises';
import path from 'node:path';
import { analyzeReport } from '../../analyze.js';
import { GitError, InputError } from '../../errors.js';
import { idRanks } from '../../bus-factor/tie-break.js';
import { findBrowser } from '../../render/report/print-pdf.js';
import { REPORT_RENDERERS } from '../../render/report/report-renderers.js';
import { CSV_TABLES, type CsvTable } from '../../render/report/render-report-csv.js';
import { sanitizeForTerminal } from '../../render/sanitize.js';
import { anonymizeReport, randomSalt } from '../../report/anonymize-report.js';
import type { ReportFormat, ReportOutputValues } from '../../settings/report-options.js';
import { TREND_OPTIONS } from '../../settings/trend-options.js';
import { computeTrend, type Trend } from '../../trend/compute-trend.js';
import { createProgressLine } from '../progress.js';
import { writeOutput } from '../write-output.js';
import { cacheRequest } from '../cache-request.js';
import { remoteRequest } from '../remote-request.js';
import type { CommandInput } from './command.js';

async function write(file: string, content: string | Uint8Array): Promise<void> {
  await writeOutput(file, content).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot write ${file}: ${error.code ?? error.message}`);
  });
}

async function isFolder(file: string): Promise<boolean> {
  return stat(file).then((info) => info.isDirectory(), () => false);
}

/** The document's date: now, or `SOURCE_DATE_EPOCH` (seconds) for reproducible builds of a report. */
export function generatedAt(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch !== undefined && /^\d{1,12}$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Every way the invocation's output choices contradict each other, checked before any analysis. */
async function checkTarget(format: ReportFormat, output: string, table: CsvTable | undefined, typed: Partial<ReportOutputValues>): Promise<void> {
  if (table !== undefined && format !== 'csv') throw new InputError('--table chooses a CSV table: give it with --format csv');
  if (typed.anonymizeSalt && !typed.anonymize) throw new InputError('--anonymize-salt is the secret of --anonymize: give both');
  if (typed.browser && format !== 'pdf') throw new InputError('--browser is the browser --format pdf prints with: give it with --format pdf');
  if (typed.json && typed.format !== undefined && typed.format !== 'json' && typed.format !== 'md') throw new InputError(`--json is --format json: it cannot be combined with --format ${typed.format}`);
  if (format === 'pdf' && output === '') throw new InputError('--format pdf writes a binary file: give -o FILE.pdf');
  if (format === 'csv' && table === undefined && output === '') {
    throw new InputError(`--format csv writes two tables: give -o DIR (it gets modules.csv and people.csv) or --table ${CSV_TABLES.join('|')} for one on stdout`);
  }
  if (format === 'csv' && table === undefined && !(await isFolder(output))) {
    throw new InputError(`-o ${output}: no such folder (--format csv without --table writes modules.csv and people.csv into a folder that exists)`);
  }
  if (output !== '' && !(format === 'csv' && table === undefined)) {
    if (!(await isFolder(path.dirname(path.resolve(output))))) throw new InputError(`-o ${output}: no such folder ${path.dirname(output)}`);
    if (await isFolder(output)) throw new InputError(`-o ${output}: a folder; give a file name (only --format csv without --table writes into a folder)`);
  }
}

/**
 * `busfactor report [path]` (docs/report.md): the analysis `scan` runs, as a document — the HTML
 * page, its PDF, Markdown, the CSV tables, or the JSON report, each a renderer of
 * `render/report/report-renderers.ts`. With `--anonymize` every format gets the same pseudonyms.
 * Files are written atomically; nothing is half-written.
 */
export async function run(input: CommandInput): Promise<number> {
  const typed = input.typedOutput as Partial<ReportOutputValues>;
  const format: ReportFormat = typed.json ? 'json' : (typed.format ?? 'md');
  const output = typed.output ?? '';
  const table = (typed.table || undefined) as CsvTable | undefined;
  await checkTarget(format, output, table, typed);
  // Before the analysis: a missing browser is said at once.
  const browser = format === 'pdf' ? findBrowser(typed.browser ?? '') : '';
  const renderer = REPORT_RENDERERS[format];
  const wantsTrend = renderer.page && typed.trend !== false;

  const progress = !typed.quiet && process.stderr.isTTY ? createProgressLine(process.stderr) : undefined;
  let session;
  let trend: Trend | undefined;
  try {
    session = await analyzeReport({
      path: input.path,
      ...input.typed,
      ...(typed.config ? { configFile: typed.config } : {}),
      ...cacheRequest(input.typedOutput), ...remoteRequest(input.typedOutput),
      signal: input.signal,
      ...(progress ? { onProgress: progress.update } : {}),
      ...(wantsTrend ? { keepFacts: true } : {}),
      ...(renderer.page ? { successorsBelow: () => Number.POSITIVE_INFINITY } : {}),
    });
    // The trend replays the same pass's commits at 12 points: no second scan (docs/trend.md). It is
    // a picture beside the report: when a point cannot be computed the page goes without it.
    if (wantsTrend) {
      trend = await computeTrend(session, { points: TREND_OPTIONS.points.default }, input.signal).catch((error: unknown) => {
        if (!(error instanceof InputError || error instanceof GitError)) throw error;
        if (!typed.quiet) process.stderr.write(`busfactor: warning: no trend sparkline: ${sanitizeForTerminal(error.message)}\n`);
        return undefined;
      });
    }
  } finally {
    progress?.clear();
  }
  const report = typed.anonymize ? anonymizeReport(session.report, typed.anonymizeSalt || randomSalt()) : session.report;
  // Ties in the page's what-if are broken by the real ids' order, also once they are pseudonyms.
  const ranks = idRanks(session.report.people);
  const title = typed.title || `Bus factor of ${report.repository.name}${report.repository.scope ? `/${report.repository.scope.replace(/\/$/, '')}` : ''}`;

  const document = await renderer.render({ report, title, generatedAt: generatedAt(), browser, idRanks: ranks, ...(trend ? { trend } : {}), ...(table ? { table } : {}) });
  if (document.kind === 'files') {
    for (const file of document.files) await write(path.join(output, file.name), file.content);
  } else if (output !== '') await write(output, document.content);
  else process.stdout.write(document.content);
  // The documents carry the warnings; stderr says them too unless --quiet.
  if (!typed.quiet) for (const warning of report.warnings) process.stderr.write(`busfactor: warning: ${sanitizeForTerminal(warning.message)}\n`);
  return 0;
}
