const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34 };

/**
 * Undoes git's C-style quoting of a path (quote.c: `"a\tb"`, `"\303\251"` for raw bytes). Paths
 * with control characters, `"` or `\` stay quoted in patch headers even with core.quotePath=false.
 * `text` starts at the opening quote; returns the path and the index after the closing quote.
 */
export function cUnquote(text: string, start = 0): { value: string; end: number } {
  const bytes: number[] = [];
  let i = start + 1;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"') {
      return { value: Buffer.from(bytes).toString('utf8'), end: i + 1 };
    }
    if (char === '\\') {
      const next = text[i + 1] ?? '';
      if (/[0-7]/.test(next)) {
        bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
        i += 4;
        continue;
      }
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 2;
      continue;
    }
    // Unescaped characters are UTF-8 already (the patch text was decoded as UTF-8); whole code
    // points, so characters beyond the BMP are not split into surrogate halves.
    const whole = String.fromCodePoint(text.codePointAt(i) as number);
    for (const byte of Buffer.from(whole, 'utf8')) bytes.push(byte);
    i += whole.length;
  }
  return { value: Buffer.from(bytes).toString('utf8'), end: i };
}
