import { sanitizeForTerminal } from '../render/sanitize.js';

/** GitHub's runner takes `##[` anywhere in a log line for a legacy workflow command: written `##\[` (docs/check.md). */
export function defuseLegacyCommands(text: string): string {
  return text.replaceAll('##[', '##\\[');
}

/** A line for stderr: terminal-safe and, in a GitHub Actions log (`github`), with `##[` defused. */
export function logSafe(text: string, github: boolean): string {
  const safe = sanitizeForTerminal(text);
  return github ? defuseLegacyCommands(safe) : safe;
}
