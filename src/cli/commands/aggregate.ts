import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../../compare-text.js';
import { InputError } from '../../errors.js';
import { aggregateStems } from '../../org/aggregate-stems.js';
import { buildOrgView } from '../../org/build-org-view.js';
import { comparableSettings, differingSetting, SETTING_FLAGS } from '../../org/comparable-settings.js';
import { readReportFile } from '../../org/read-report-file.js';
import { analysedRepository, type RepositoryAnalysis } from '../../org/repository-analysis.js';
import { withoutRepeats } from '../../org/same-repository.js';
import type { Report } from '../../report/report.js';
import type { OrgViewValues } from '../../settings/org-options.js';
import { orgOutputChoice, showOrgView } from '../org-output.js';
import type { CommandInput } from './command.js';

/**
 * `busfactor aggregate <report.json|folder…>` (docs/org.md, "aggregate"): the organisation view from
 * per-repository JSON reports made elsewhere (a CI matrix job each, Kubernetes Jobs, GNU parallel).
 * Every file is checked first, and reports made under settings that make their figures incomparable
 * are refused: one line naming both files and the setting, exit 2.
 */
export async function run(input: CommandInput): Promise<number> {
  const choice = orgOutputChoice(input.typedOutput as Partial<OrgViewValues>);
  const files = await reportFiles(input.paths);
  const stems = aggregateStems(files);
  const analyses: RepositoryAnalysis[] = [];
  let first: { file: string; report: Report } | undefined;
  for (const [index, file] of files.entries()) {
    const report = await readReportFile(file);
    if (first) {
      const key = differingSetting(comparableSettings(first.report), comparableSettings(report));
      if (key) {
        const value = (of: Report) => String(comparableSettings(of)[key]);
        throw new InputError(`${first.file} and ${file} were made with different ${SETTING_FLAGS[key]} (${value(first.report)} and ${value(report)}): their figures are not comparable`, { hint: 'make every report with the same settings' });
      }
    } else first = { file, report };
    const stem = stems[index] as string;
    analyses.push(analysedRepository(report, { stem, source: file }));
  }
  const { kept, warnings } = withoutRepeats(analyses);
  const view = buildOrgView({ analyses: kept, failures: [], warnings });
  return showOrgView(view, choice, input.signal);
}

/** The files named, a folder standing for the `*.json` files in it (not below it), sorted. */
async function reportFiles(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (!info) throw new InputError(`${arg}: no such file`);
    if (!info.isDirectory()) {
      files.push(arg);
      continue;
    }
    const names = (await readdir(arg, { withFileTypes: true })).filter((entry) => entry.isFile() && /\.json$/i.test(entry.name) && !entry.name.startsWith('.')).map((entry) => entry.name).sort(compareText);
    if (names.length === 0) throw new InputError(`${arg}: a folder without .json files (aggregate reads the reports busfactor scan --json or busfactor org --out wrote)`);
    files.push(...names.map((name) => path.join(arg, name)));
  }
  return files;
}
