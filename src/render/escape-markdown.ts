import { sanitizeForTerminal } from './sanitize.js';

/**
 * Markdown escaping for repository data (names, emails, paths are untrusted: docs/safety.md) that
 * lands in a GitHub job summary or pull-request comment. Whatever the text, it renders as the
 * same text, inline, and does nothing else:
 *
 * - line breaks become spaces, so no name starts a heading, a list, a table row or an HTML block;
 *   other control and bidi characters are shown as visible escapes (`sanitizeForTerminal`), so none
 *   reorders what a reviewer reads;
 * - `<`, `>`, `&` become entities: no tag (`</table><script>`), no autolink (`<https://…>`), no
 *   entity of the data's own;
 * - the punctuation that opens links, images, emphasis, code, strikethrough, headings and math
 *   (`` \ ` * _ [ ] ( ) # ! ~ $ ``) and `:` (`https://…` and `:emoji:` in GitHub Flavored Markdown)
 *   is backslash-escaped, and so is the dot of `www.`, the other autolink GitHub makes;
 * - `@` is followed by a zero-width space: GitHub turns `@name` into a mention (a notification to
 *   that user or team) after Markdown has run, where a backslash no longer counts;
 * - a leading `-`, `+`, `=` or `1.` is escaped, in case a caller starts a line with the text.
 */
const INLINE = /(?<=www)\.|[\\`*_[\]()#!~$:&<>@]/gi;
const CELL = /(?<=www)\.|[\\`*_[\]()#!~$:&<>@|]/gi;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '@': '@&#8203;' };

function escapeChar(char: string): string {
  return ENTITIES[char] ?? `\\${char}`;
}

function oneLine(text: string): string {
  return sanitizeForTerminal(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
}

function escapeLeadingMarker(text: string): string {
  return text.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Repository data in prose: a paragraph, a list item, bold text. */
export function escapeMarkdownText(text: string): string {
  return escapeLeadingMarker(oneLine(text).replace(INLINE, escapeChar));
}

/** Repository data in a table cell: as {@link escapeMarkdownText}, and `|` cannot end the cell. */
export function escapeMarkdownCell(text: string): string {
  return escapeLeadingMarker(oneLine(text).replace(CELL, escapeChar));
}

/** GitHub refuses a comment over 65,536 characters: the Markdown documents stay under this. */
export const MARKDOWN_COMMENT_LIMIT = 65_000;

/** Shortens repository data to `max` characters (whole code points), marking the cut with `…`. */
export function clipData(data: string, max: number): string {
  const chars = Array.from(data.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
