import { compareText } from '../compare-text.js';
import type { Report } from '../report/report.js';

/** The report's exclusions that happened, most first (then by reason): what every format lists. */
export function excludedCounts(excluded: Report['excluded']): [reason: string, files: number][] {
  return Object.entries(excluded)
    .flatMap(([reason, n]): [string, number][] => ((n ?? 0) > 0 ? [[reason, n ?? 0]] : []))
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
}
