import { displayWidth, isOneColumnEach } from './display-width.js';

export type Align = 'left' | 'right';

export interface Column {
  readonly align: Align;
  /** Cut longer cells to this display width, with an ellipsis. */
  readonly maxWidth?: number;
}

/** Cuts text to a display width (East Asian wide characters count two), ending in `…`. */
export function truncate(text: string, width: number): string {
  if (isOneColumnEach(text)) return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

function pad(text: string, width: number, align: Align): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? gap + text : text + gap;
}

/**
 * Aligns plain-text cells into columns by display width. `paint` colours a cell after padding,
 * so escape codes never upset the alignment. The last column is not padded on the right.
 */
export function formatTable(
  rows: readonly (readonly string[])[],
  columns: readonly Column[],
  paint: (row: number, column: number, text: string) => string = (_r, _c, text) => text,
): string[] {
  const cells = rows.map((row) => row.map((cell, c) => (columns[c]?.maxWidth ? truncate(cell, columns[c].maxWidth) : cell)));
  const widths = columns.map((_, c) => Math.max(0, ...cells.map((row) => displayWidth(row[c] ?? ''))));
  return cells.map((row, r) =>
    row
      .map((cell, c) => {
        const column = columns[c] ?? { align: 'left' };
        const isLast = c === row.length - 1;
        const padded = isLast && column.align === 'left' ? cell : pad(cell, widths[c] ?? 0, column.align);
        return paint(r, c, padded);
      })
      .join('  ')
      .trimEnd(),
  );
}
