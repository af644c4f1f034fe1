import { analyze } from '../../analyze.js';
import { renderJson } from '../../render/render-json.js';
import { renderText } from '../../render/render-text.js';
import { sanitizeForTerminal } from '../../render/sanitize.js';
import { createStyle, shouldColor } from '../../render/style.js';
import { createProgressLine } from '../progress.js';
import type { ScanFlags } from '../scan-flags.js';

/** `busfactor [scan] [path]`: analyse, then print text (or the JSON report with --json). */
export async function runScan(path: string, flags: ScanFlags, signal: AbortSignal): Promise<number> {
  const stderr = process.stderr;
  const progress = !flags.quiet && stderr.isTTY ? createProgressLine(stderr) : undefined;
  let report;
  try {
    report = await analyze({
      path,
      rev: flags.rev,
      depth: flags.depth,
      minFiles: flags.minFiles,
      include: flags.include,
      exclude: flags.exclude,
      includeBots: flags.includeBots,
      allText: flags.allText,
      signal,
      onProgress: progress?.update,
    });
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
