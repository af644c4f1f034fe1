/** A Markdown table row split into its cells the way GitHub splits them: a backslash-escaped `|` stays in its cell. */
export function cells(row: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i += 1) {
    const char = row[i]!;
    if (char === '\\') {
      current += char + (row[i + 1] ?? '');
      i += 1;
    } else if (char === '|') {
      out.push(current);
      current = '';
    } else current += char;
  }
  out.push(current);
  return out.slice(1, -1).map((cell) => cell.trim());
}
