import type { CheckResult } from '../../check/check-result.js';
import { ciLogJson } from './ci-log-json.js';

/** The check result as JSON (docs/check.md, "JSON"), safe on a terminal and in a CI log (ci-log-json.ts). */
export function renderCheckJson(result: CheckResult): string {
  return ciLogJson(result);
}
