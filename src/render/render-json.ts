import type { Report } from '../report/report.js';
import { escapeJsonText } from './sanitize.js';

/** The report model as JSON (schemaVersion 1), safe to print on a terminal. */
export function renderJson(report: Report): string {
  return `${escapeJsonText(JSON.stringify(report, null, 2))}\n`;
}
