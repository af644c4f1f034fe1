import { createRequire } from 'node:module';

/**
 * Nothing but characters of one column each, one UTF-16 unit each: printable ASCII, the Latin
 * letters with their precomposed accents (Latin-1, Extended-A/B, IPA, spacing modifiers, Extended
 * Additional: Vietnamese), Greek and Cyrillic, without controls, the soft hyphen and Cyrillic's
 * combining marks; and the punctuation, letterlike symbols, arrows, mathematical operators, box
 * drawing, blocks and geometric shapes (not the two wide squares) our own output uses (†, …, —, →,
 * ≥, ▁…█, ▸). test/report-render/display-width.test.ts checks every one against string-width.
 */
const ONE_COLUMN_EACH = /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u0482\u048a-\u052f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u2100-\u218f\u2190-\u21ff\u2200-\u22ff\u2500-\u259f\u25a0-\u25fc\u25ff]*$/;

/** Whether the fast path measures the text: every character of it one column and one UTF-16 unit. */
export function isOneColumnEach(text: string): boolean {
  return ONE_COLUMN_EACH.test(text);
}

let stringWidth: ((text: string) => number) | undefined;

/**
 * The columns a string takes on a terminal. Names and paths are nearly always written in the
 * characters above, one column each; anything else (CJK, emoji, combining marks, escapes) is measured by
 * string-width, loaded on first need: building its emoji and grapheme tables costs about 60 ms,
 * which a run printing only ASCII never pays (docs/performance.md, "Start-up").
 */
export function displayWidth(text: string): number {
  if (isOneColumnEach(text)) return text.length;
  // require() of an ES module (Node >= 20.19): synchronous, so the renderers stay synchronous.
  stringWidth ??= (createRequire(import.meta.url)('string-width') as { default: (text: string) => number }).default;
  return stringWidth(text);
}
