/**
 * HTML escaping for repository data in the report page's server-rendered parts (docs/safety.md):
 * the five special characters as entities, so no name can open an element, close an attribute or
 * start a comment, in text and in quoted attributes alike; control characters, which HTML has no
 * use for and a parser reports as errors, become U+FFFD. The page's script never writes markup:
 * it only sets textContent (report-client/dom.ts).
 */
const SPECIAL = /[&<>"']/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(CONTROL, '\ufffd').replace(SPECIAL, (char) => ENTITIES[char] ?? char);
}
