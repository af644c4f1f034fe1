import { analyze, analyzeReport, type AnalyzeOptions, type Progress } from '../../analyze.js';
import type { Report } from '../../report/report.js';
import { RENDERERS } from '../../render/renderers.js';
import { sanitizeForTerminal } from '../../render/sanitize.js';
import { createStyle, shouldColor } from '../../render/style.js';
import type { FormatName, OutputOptionValues } from '../../settings/option-schema.js';
import type { Trend } from '../../trend/compute-trend.js';
import { EXPLORER_DEFAULTS } from '../../ui/explorer-defaults.js';
import { shouldOpenExplorer } from '../choose-view.js';
import { loadExplorer } from '../load-explorer.js';
import { formatOf } from '../output-settings.js';
import { createProgressLine } from '../progress.js';
import { EXIT_INTERRUPTED, reportError } from '../report-error.js';
import { deliverOutput } from '../write-output.js';
import { cacheRequest } from '../cache-request.js';
import { remoteRequest } from '../remote-request.js';
import { displayTarget } from '../../remote/parse-url.js';
import type { CommandInput } from './command.js';

/**
 * `busfactor [scan] [path]`: on a terminal, the interactive explorer; otherwise analyse, then print
 * the report in the chosen format (`--format`, `--json`), to stdout or `-o FILE`.
 */
export async function run(input: CommandInput): Promise<number> {
  const { output, signal } = input;
  const format = formatOf(output);
  const options: AnalyzeOptions = { path: input.path, ...input.typed, ...(output.config ? { configFile: output.config } : {}), ...cacheRequest(input.typedOutput), ...remoteRequest(input.typedOutput), signal };
  const terminal = { stdin: process.stdin, stdout: process.stdout, env: process.env };
  if (shouldOpenExplorer({ ...output, formatGiven: input.typedOutput.format !== undefined || output.json }, terminal)) {
    return explore(input.path, output, { ...options, defaults: EXPLORER_DEFAULTS }, signal);
  }

  const stderr = process.stderr;
  const progress = !output.quiet && stderr.isTTY ? createProgressLine(stderr) : undefined;
  let report;
  try {
    report = await analyze({ ...options, onProgress: progress?.update });
  } finally {
    progress?.clear();
  }
  const toFile = output.output !== '';
  const color = !toFile && shouldColor(process.stdout, output.color);
  const text = RENDERERS[format as FormatName](report, { style: createStyle(color), width: !toFile && process.stdout.isTTY ? process.stdout.columns : undefined });
  // Text shows its warnings in the output itself; other formats (or a file) get them on stderr.
  await deliverOutput(output.output, text, report.warnings, { quiet: output.quiet, inline: format === 'text' });
  return 0;
}

/**
 * The explorer, loaded only now (cli/load-explorer.ts): Ink and React stay out of `--help`, pipes
 * and CI. The scan starts first and runs while they load, with the usual progress line on stderr
 * until the explorer takes the screen; a re-run asked the same way opens from the cache's finished
 * report. After it closes, a scan error is printed exactly as the text CLI prints it, with the
 * same exit code.
 */
async function explore(path: string, output: OutputOptionValues, options: AnalyzeOptions, signal: AbortSignal): Promise<number> {
  const line = process.stderr.isTTY && !output.quiet ? createProgressLine(process.stderr) : undefined;
  const scan = startScan(options, signal, line?.update);
  let runExplorer;
  try {
    await scan.underWay;
    ({ runExplorer } = await loadExplorer());
  } finally {
    // No more progress on stderr: from here on the explorer has the screen.
    scan.detach();
    line?.clear();
  }
  const outcome = await runExplorer({
    load: scan.attach,
    trend: scan.trend,
    describeError: (error) => {
      let message = '';
      const exitCode = reportError(error, (text) => (message += text));
      return { message: message.trimEnd(), exitCode };
    },
    // A URL is shown without its user name and password.
    title: sanitizeForTerminal(displayTarget(path)),
    color: shouldColor(process.stdout, output.color),
    signal,
  });
  scan.abort();
  if (outcome.kind === 'error') {
    process.stderr.write(`${outcome.message}\n`);
    return outcome.exitCode;
  }
  if (outcome.kind === 'interrupted') {
    process.stderr.write('busfactor: interrupted\n');
    return EXIT_INTERRUPTED;
  }
  return 0;
}

/** Points asked for the header's sparkline, first commit to the analysed one (a short history gives fewer). */
const TREND_POINTS = 12;

interface StartedScan {
  /** Hands the running scan to the explorer: the latest progress at once, then every update. */
  readonly attach: (onProgress: (progress: Progress) => void, signal: AbortSignal) => Promise<Report>;
  /**
   * The bus factor over time, from the scan's own history pass (no second `git log`): the explorer
   * starts it once the report is on screen and aborts it when it closes.
   */
  readonly trend: (signal: AbortSignal) => Promise<Trend>;
  /**
   * Settles once the analysis is past the chain of short git calls that opens the repository: git
   * is fetching, or the history phase has begun (its first step after that: the scan's git
   * processes started, or the cache's files being read), or the analysis is over. Loading Ink and
   * React keeps the thread for about 0.1 s: loaded before that point, it held up those calls and
   * the scan with them (docs/performance.md, "The explorer's first frame, fourth round").
   */
  readonly underWay: Promise<void>;
  /** Stops reporting progress to the first listener. */
  readonly detach: () => void;
  readonly abort: () => void;
}

/**
 * Starts the analysis now and lets the explorer take it over when it is loaded. The analysis keeps
 * the history's commits (`keepFacts`) so the trend needs no second scan; they stay in memory until
 * the explorer closes.
 */
function startScan(options: AnalyzeOptions, signal: AbortSignal, onProgress: ((progress: Progress) => void) | undefined): StartedScan {
  const controller = new AbortController();
  const stopped = AbortSignal.any([signal, controller.signal]);
  let latest: Progress | undefined;
  let listener = onProgress;
  let markUnderWay: () => void = () => {};
  const underWay = new Promise<void>((resolve) => (markUnderWay = resolve));
  const session = analyzeReport({
    ...options,
    keepFacts: true,
    signal: stopped,
    onProgress: (progress) => {
      latest = progress;
      if (progress.phase === 'history') setImmediate(markUnderWay);
      else if (progress.phase !== 'opening') markUnderWay();
      listener?.(progress);
    },
  });
  const report = session.then((found) => found.report);
  // Until the explorer attaches, a failure is kept for it to show (not an unhandled rejection).
  report.catch(() => {});
  report.then(markUnderWay, markUnderWay);
  return {
    underWay,
    attach: (next, uiSignal) => {
      listener = next;
      if (latest) next(latest);
      uiSignal.addEventListener('abort', () => controller.abort(), { once: true });
      return report;
    },
    trend: async (uiSignal) => {
      const found = await session;
      // Loaded only here: the text output never computes a trend.
      const { computeTrend } = await import('../../trend/compute-trend.js');
      return computeTrend(found, { points: TREND_POINTS }, AbortSignal.any([uiSignal, stopped]));
    },
    detach: () => {
      listener = undefined;
    },
    abort: () => controller.abort(),
  };
}
