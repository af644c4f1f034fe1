/**
 * Repository data (names, emails, paths) is untrusted: an author name can carry terminal escape
 * sequences that recolour, retitle or clear a terminal, and bidi controls can reorder what a reader
 * sees ("Trojan Source"). Before any of it reaches a terminal, every C0/C1 control, DEL and bidi
 * control is shown as a visible escape instead (`\x1b`, `\n`, `\u202e`).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Makes a string from the repository safe to print on a terminal. */
export function sanitizeForTerminal(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * For JSON: `JSON.stringify` escapes C0 controls but leaves DEL, C1 controls (U+009B is CSI on
 * 8-bit terminals), line separators and bidi controls raw. Escaping them keeps the same data.
 */
// eslint-disable-next-line no-control-regex
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
