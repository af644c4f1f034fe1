import { escapeJsonText } from '../sanitize.js';

/**
 * JSON for a file or stdout that may be printed in a CI log: indented, terminal-safe
 * (`escapeJsonText`), and `##[` written as `##\u005b`, because GitHub's runner takes `##[` anywhere
 * in a line for a (legacy) workflow command. The same data to any JSON reader; `##[` can only occur
 * inside a string, so the escape is always valid there. As `render-check-json.ts` does.
 */
export function ciLogJson(value: unknown): string {
  return `${escapeJsonText(JSON.stringify(value, null, 2)).replaceAll('##[', '##\\u005b')}\n`;
}
