/**
 * A list file of `busfactor org` (docs/org.md, "List files"): one repository path or URL a line.
 * Blank lines and lines starting with `#` are skipped; the rest is taken as written, surrounding
 * blanks trimmed (a `#` later in a line is part of the path). Duplicates are dropped later, by the
 * repository they resolve to, not here by their text.
 */
export interface ListEntry {
  /** 1-based, for messages. */
  readonly line: number;
  readonly entry: string;
}

export function parseListFile(text: string): ListEntry[] {
  const entries: ListEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    const entry = raw.replace(/\r$/, '').trim();
    if (entry === '' || entry.startsWith('#')) return;
    entries.push({ line: index + 1, entry });
  });
  return entries;
}
