/**
 * Escaping for GitHub Actions workflow commands (`::error file=…,title=…::message`), exactly as the
 * runner unescapes them and as `@actions/core` escapes them (its `command.ts`, `escapeData` and
 * `escapeProperty`). With it a newline in an author name cannot end the command line and start a
 * second one, and a `:` or `,` cannot end a property early. `%` goes first, or the escapes
 * themselves would be escaped again.
 */

/** The message, after the second `::`. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (`file=`, `title=`): the data escapes, and the property separators `:` and `,`. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
