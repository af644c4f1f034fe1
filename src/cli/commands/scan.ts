import { analyze, type AnalyzeOptions, type Progress } from '../../analyze.js';
import type { Report } from '../../report/report.js';
import { renderJson } from '../../render/render-json.js';
import { renderText } from '../../render/render-text.js';
import { sanitizeForTerminal } from '../../render/sanitize.js';
import { createStyle, shouldColor } from '../../render/style.js';
import { createProgressLine } from '../progress.js';
import { EXIT_INTERRUPTED, reportError } from '../report-error.js';
import { shouldOpenExplorer, type ScanFlags } from '../scan-flags.js';

/**
 * Line ownership is off unless asked for: it replays every diff of the history, which costs 3–15×
 * the rest of the analysis (measured: express 2.6 s vs 0.6 s; git/git about a minute vs 5 s).
 */
const LINES_BY_DEFAULT = false;

/**
 * `busfactor [scan] [path]`: on a terminal, the interactive explorer; otherwise analyse, then print
 * text (or the JSON report with --json).
 */
export async function runScan(path: string, flags: ScanFlags, signal: AbortSignal): Promise<number> {
  const options: AnalyzeOptions = {
    path,
    rev: flags.rev,
    algorithm: flags.algorithm,
    depth: flags.depth,
    minFiles: flags.minFiles,
    include: flags.include,
    exclude: flags.exclude,
    includeBots: flags.includeBots,
    allText: flags.allText,
    lines: flags.lines ?? LINES_BY_DEFAULT,
    firstParent: flags.firstParent,
    ignoreRevs: flags.ignoreRevs,
    signal,
  };
  if (shouldOpenExplorer(flags, { stdin: process.stdin, stdout: process.stdout, env: process.env })) return explore(path, flags, options, signal);

  const stderr = process.stderr;
  const progress = !flags.quiet && stderr.isTTY ? createProgressLine(stderr) : undefined;
  let report;
  try {
    report = await analyze({ ...options, onProgress: progress?.update });
  } finally {
    progress?.clear();
  }
  if (flags.json) {
    process.stdout.write(renderJson(report));
    if (!flags.quiet) for (const warning of report.warnings) stderr.write(`busfactor: warning: ${sanitizeForTerminal(warning.message)}\n`);
  } else {
    const style = createStyle(shouldColor(process.stdout, flags.color));
    process.stdout.write(renderText(report, { style, width: process.stdout.isTTY ? process.stdout.columns : undefined }));
  }
  return 0;
}

/**
 * The explorer, loaded only now: Ink and React stay out of `--help`, pipes and CI. Loading them
 * takes about half a second (Ink brings hundreds of small modules), so the scan starts first and runs
 * meanwhile, with the usual progress line on stderr until the explorer takes the screen. After it
 * closes, a scan error is printed exactly as the text CLI prints it, with the same exit code.
 */
async function explore(path: string, flags: ScanFlags, options: AnalyzeOptions, signal: AbortSignal): Promise<number> {
  const line = process.stderr.isTTY && !flags.quiet ? createProgressLine(process.stderr) : undefined;
  const scan = startScan(options, signal, line?.update);
  let runExplorer;
  try {
    ({ runExplorer } = await import('../../ui/run-explorer.js'));
  } finally {
    // No more progress on stderr: from here on the explorer has the screen.
    scan.detach();
    line?.clear();
  }
  const outcome = await runExplorer({
    load: scan.attach,
    describeError: (error) => {
      let message = '';
      const exitCode = reportError(error, (text) => (message += text));
      return { message: message.trimEnd(), exitCode };
    },
    title: sanitizeForTerminal(path),
    color: shouldColor(process.stdout, flags.color),
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

interface StartedScan {
  /** Hands the running scan to the explorer: the latest progress at once, then every update. */
  readonly attach: (onProgress: (progress: Progress) => void, signal: AbortSignal) => Promise<Report>;
  /** Stops reporting progress to the first listener. */
  readonly detach: () => void;
  readonly abort: () => void;
}

/** Starts the analysis now and lets the explorer take it over when it is loaded. */
function startScan(options: AnalyzeOptions, signal: AbortSignal, onProgress: ((progress: Progress) => void) | undefined): StartedScan {
  const controller = new AbortController();
  let latest: Progress | undefined;
  let listener = onProgress;
  const report = analyze({
    ...options,
    signal: AbortSignal.any([signal, controller.signal]),
    onProgress: (progress) => {
      latest = progress;
      listener?.(progress);
    },
  });
  // Until the explorer attaches, a failure is kept for it to show (not an unhandled rejection).
  report.catch(() => {});
  return {
    attach: (next, uiSignal) => {
      listener = next;
      if (latest) next(latest);
      uiSignal.addEventListener('abort', () => controller.abort(), { once: true });
      return report;
    },
    detach: () => {
      listener = undefined;
    },
    abort: () => controller.abort(),
  };
}
