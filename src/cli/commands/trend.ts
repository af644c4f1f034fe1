import { analyzeReport, type AnalyzeOptions } from '../../analyze.js';
import { InputError } from '../../errors.js';
import { renderTrend } from '../../render/render-trend.js';
import { escapeJsonText } from '../../render/sanitize.js';
import { createStyle, shouldColor } from '../../render/style.js';
import { TOOL_VERSION } from '../../report/version.js';
import { parseAge } from '../../settings/parse-age.js';
import { TREND_OPTIONS } from '../../settings/trend-options.js';
import { computeTrend, type Trend, type TrendRequest } from '../../trend/compute-trend.js';
import { formatOf } from '../output-settings.js';
import { createProgressLine } from '../progress.js';
import { deliverOutput } from '../write-output.js';
import { cacheRequest } from '../cache-request.js';
import { remoteRequest } from '../remote-request.js';
import type { CommandInput } from './command.js';

/**
 * `busfactor trend [path]`: the bus factor, active bus factor and lost share of the repository and
 * of each top-level folder at regular points of its history, from one history pass (docs/trend.md).
 * Text or JSON, to stdout or `-o FILE`; no explorer.
 */
export async function run(input: CommandInput): Promise<number> {
  const { output, signal } = input;
  const request = trendRequest(input.typedOutput);
  const format = formatOf(output);
  // Line ownership plays no part in a trend: it is never computed for one (it would cost 3–15×).
  const options: AnalyzeOptions = { path: input.path, ...input.typed, lines: false, ...(output.config ? { configFile: output.config } : {}), ...cacheRequest(input.typedOutput), ...remoteRequest(input.typedOutput), signal, keepFacts: true };

  const stderr = process.stderr;
  const progress = !output.quiet && stderr.isTTY ? createProgressLine(stderr) : undefined;
  let trend: Trend;
  try {
    const session = await analyzeReport({ ...options, onProgress: progress?.update });
    progress?.clear();
    trend = await computeTrend(session, request, signal, progress ? (done, total) => stderr.write(`\r\x1b[2Kbusfactor: trend · ${done} / ${total} points`) : undefined);
  } finally {
    progress?.clear();
    if (progress) stderr.write('\r\x1b[2K');
  }

  const toFile = output.output !== '';
  const text =
    format === 'json'
      ? trendJson(trend)
      : renderTrend(trend, { style: createStyle(!toFile && shouldColor(process.stdout, output.color)), width: !toFile && process.stdout.isTTY ? process.stdout.columns : undefined });
  // Text shows its warnings itself; JSON (or a file) gets them on stderr too.
  await deliverOutput(output.output, text, trend.warnings, { quiet: output.quiet, inline: format === 'text' });
  return 0;
}

/**
 * `--every`/`--since`/`--points` as typed (commander has checked each: ages parse, counts are ≥ 1);
 * `--points 12` when none is. Read from the typed output values, where the registry puts them.
 */
export function trendRequest(typed: Readonly<Record<string, unknown>>): TrendRequest {
  const age = (key: 'every' | 'since'): number | undefined => (typeof typed[key] === 'string' ? parseAge(typed[key]) : undefined);
  const every = age('every');
  const since = age('since');
  const points = typeof typed.points === 'number' ? typed.points : undefined;
  if (every !== undefined && points !== undefined) throw new InputError('--every and --points cannot be combined: give one (with --since for the range)');
  const range = since === undefined ? {} : { since };
  if (every !== undefined) return { every, ...range };
  return { points: points ?? TREND_OPTIONS.points.default, ...range };
}

/** The trend as JSON (schemaVersion 1): dates ISO 8601 UTC, shares 0–1, a module absent at a point null. */
export function trendJson(trend: Trend): string {
  const iso = (seconds: number | undefined) => (seconds === undefined ? null : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'));
  const json = {
    schemaVersion: 1,
    tool: { name: 'busfactor', version: TOOL_VERSION },
    repository: trend.repository,
    ...(trend.source ? { source: trend.source } : {}),
    head: trend.head,
    algorithm: trend.algorithm,
    points: trend.points.map((point) => ({
      date: iso(point.date),
      commit: point.commit,
      busFactor: point.busFactor,
      activeBusFactor: point.activeBusFactor,
      lostShare: point.lostShare,
      files: point.files,
      modules: point.modules,
    })),
    warnings: trend.warnings,
  };
  return `${escapeJsonText(JSON.stringify(json, null, 2))}\n`;
}
