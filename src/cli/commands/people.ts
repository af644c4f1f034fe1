import { analyzeSession, type AnalyzeOptions } from '../../analyze.js';
import { InputError } from '../../errors.js';
import { mergeSuggestions } from '../../identity/merge-suggestions.js';
import { renderMailmap } from '../../render/render-mailmap.js';
import { renderPeopleJson, renderPeopleText } from '../../render/render-people.js';
import { createStyle, shouldColor } from '../../render/style.js';
import { buildPeopleReport } from '../../report/people-report.js';
import { formatOf } from '../output-settings.js';
import { createProgressLine } from '../progress.js';
import { deliverOutput } from '../write-output.js';
import { cacheRequest } from '../cache-request.js';
import { remoteRequest } from '../remote-request.js';
import type { CommandInput } from './command.js';

/**
 * `--mailmap`, which CommandInput does not type: program.ts passes every output option of the
 * command's registry entry, the shared ones typed, this command's own (settings/people-options.ts) as is.
 */
function mailmapWanted(typedOutput: object): boolean {
  return (typedOutput as { readonly mailmap?: unknown }).mailmap === true;
}

/**
 * `busfactor people [path]` (docs/people.md): everyone in the history, and the identities that are
 * probably one person, as text, JSON (`--json`) or .mailmap lines to review (`--mailmap`). It always
 * prints (no explorer), and never writes a .mailmap: suggestions are applied by a person, not by us.
 */
export async function run(input: CommandInput): Promise<number> {
  const { output, signal } = input;
  const mailmap = mailmapWanted(input.typedOutput);
  const format = formatOf(output);
  if (mailmap && (input.typedOutput.format !== undefined || output.json)) {
    throw new InputError('--mailmap prints .mailmap lines: it cannot be combined with --json or --format');
  }
  const options: AnalyzeOptions = { path: input.path, ...input.typed, ...(output.config ? { configFile: output.config } : {}), ...cacheRequest(input.typedOutput), ...remoteRequest(input.typedOutput), signal };

  const stderr = process.stderr;
  const progress = !output.quiet && stderr.isTTY ? createProgressLine(stderr) : undefined;
  let session;
  try {
    session = await analyzeSession({ ...options, onProgress: progress?.update });
  } finally {
    progress?.clear();
  }
  const suggestions = mergeSuggestions(session.identities, session.people);
  const report = buildPeopleReport(session.report, suggestions);

  const toFile = output.output !== '';
  const color = !toFile && shouldColor(process.stdout, output.color);
  const text = mailmap
    ? renderMailmap(suggestions)
    : format === 'json'
      ? renderPeopleJson(report)
      : renderPeopleText(report, { style: createStyle(color), width: !toFile && process.stdout.isTTY ? process.stdout.columns : undefined });
  // Text shows its warnings at its end; JSON, .mailmap lines (nothing but those on stdout) and files get them on stderr.
  await deliverOutput(output.output, text, report.warnings, { quiet: output.quiet, inline: !mailmap && format === 'text' });
  return 0;
}
