/**
 * XML 1.0 escaping for repository data (names, emails, paths are untrusted: docs/safety.md).
 *
 * - The five predefined entities, so no name can close an element, open one or end a CDATA
 *   section (`]]>` needs `>` escaped).
 * - Characters XML 1.0 cannot hold at all, even as a character reference (C0 controls other than
 *   tab, LF and CR; U+FFFE, U+FFFF; a surrogate without its pair), become U+FFFD: a parser would
 *   reject the whole file otherwise.
 * - Characters XML can hold but a terminal acts on (DEL, C1 controls, line separators, bidi
 *   controls) are written as character references: the parsed data is the same, and the file is
 *   safe to print, as `escapeJsonText` does for JSON.
 * - `[` after `##` is a reference too: GitHub's runner takes `##[` anywhere in a line of its log for
 *   a (legacy) workflow command, and this file may be printed there.
 * - CR and LF are always references: a parser turns a raw CR (and CRLF) into LF, and a line break
 *   in a name must not start a line of the file (a CI log reads `::error::` at the start of a line).
 *   A caller that wants lines escapes each and joins them with raw LFs. In attributes tab is a
 *   reference too, because attribute-value normalization turns a raw one into a space.
 */

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const TEXT_SPECIAL = /(?<=##)\[|[&<>"'\n\r\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const ATTRIBUTE_SPECIAL = /(?<=##)\[|[&<>"'\t\n\r\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function reference(char: string): string {
  return ENTITIES[char] ?? `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`;
}

/** Text content of an element. */
export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(TEXT_SPECIAL, reference);
}

/** An attribute value, between double (or single) quotes. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(ATTRIBUTE_SPECIAL, reference);
}
