import { stat } from 'node:fs/promises';
import path from 'node:path';
import { analyze } from '../../analyze.js';
import { InputError } from '../../errors.js';
import { renderJson } from '../../render/render-json.js';
import { renderReportCsv, CSV_TABLES, type CsvTable } from '../../render/report/render-report-csv.js';
import { renderReportMarkdown } from '../../render/report/render-report-markdown.js';
import { sanitizeForTerminal } from '../../render/sanitize.js';
import type { ReportFormat, ReportOutputValues } from '../../settings/report-options.js';
import { createProgressLine } from '../progress.js';
import { writeOutput } from '../write-output.js';
import type { CommandInput } from './command.js';

async function write(file: string, text: string): Promise<void> {
  await writeOutput(file, text).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot write ${file}: ${error.code ?? error.message}`);
  });
}

async function isFolder(file: string): Promise<boolean> {
  return stat(file).then((info) => info.isDirectory(), () => false);
}

/**
 * `busfactor report [path]` (docs/report.md): the analysis `scan` runs, as a document — Markdown,
 * the CSV tables, or the JSON report. Files are written atomically; nothing is half-written.
 */
export async function run(input: CommandInput): Promise<number> {
  const typed = input.typedOutput as Partial<ReportOutputValues>;
  const format: ReportFormat = typed.json ? 'json' : (typed.format ?? 'md');
  const output = typed.output ?? '';
  const table = typed.table as CsvTable | undefined;
  if (table !== undefined && format !== 'csv') throw new InputError('--table chooses a CSV table: give it with --format csv');
  if (format === 'csv' && table === undefined && output === '') {
    throw new InputError(`--format csv writes two tables: give -o DIR (it gets modules.csv and people.csv) or --table ${CSV_TABLES.join('|')} for one on stdout`);
  }
  if (format === 'csv' && table === undefined && !(await isFolder(output))) {
    throw new InputError(`-o ${output}: no such folder (--format csv without --table writes modules.csv and people.csv into a folder that exists)`);
  }

  const progress = !typed.quiet && process.stderr.isTTY ? createProgressLine(process.stderr) : undefined;
  let report;
  try {
    report = await analyze({ path: input.path, ...input.typed, ...(typed.config ? { configFile: typed.config } : {}), signal: input.signal, ...(progress ? { onProgress: progress.update } : {}) });
  } finally {
    progress?.clear();
  }
  const title = typed.title || `Bus factor of ${report.repository.name}${report.repository.scope ? `/${report.repository.scope.replace(/\/$/, '')}` : ''}`;

  if (format === 'csv' && table === undefined) {
    for (const which of CSV_TABLES) await write(path.join(output, `${which}.csv`), renderReportCsv(report, which));
  } else {
    const text = format === 'json' ? renderJson(report) : format === 'csv' ? renderReportCsv(report, table as CsvTable) : renderReportMarkdown(report, { title });
    if (output !== '') await write(output, text);
    else process.stdout.write(text);
  }
  // The Markdown and JSON carry the warnings; stderr says them too unless --quiet.
  if (!typed.quiet) for (const warning of report.warnings) process.stderr.write(`busfactor: warning: ${sanitizeForTerminal(warning.message)}\n`);
  return 0;
}
