import { displayWidth } from '../../render/display-width.js';
import { truncate } from '../../render/table.js';

/** Exactly `width` columns: cut with `…` or padded, so rows never wrap and columns line up. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const cut = truncate(text, width);
  const gap = ' '.repeat(Math.max(0, width - displayWidth(cut)));
  return align === 'right' ? gap + cut : cut + gap;
}

/**
 * A bus factor as the tree shows it: `2`, `1!` (marked without colour), and under what-if the
 * change, `3→1!`. A trailing space where there is no `!` keeps the digits aligned.
 */
export function busFactorCell(before: number, after: number): string {
  const mark = after <= 1 ? '!' : ' ';
  return before === after ? `${after}${mark}` : `${before}→${after}${mark}`;
}

/**
 * The active bus factor as the tree shows it: {@link busFactorCell}, or `0 lost` when every
 * counted file is already lost (all its authors departed: no mark can change that).
 */
export function activeCell(before: number, after: number, allLost: boolean): string {
  return allLost ? '0 lost' : busFactorCell(before, after);
}

/** Marks a departed person's name (the help and the text output's legend say what † means). */
export const DEPARTED_MARK = ' †';

/**
 * `text` in exactly `width` columns with `marker` after it: the text is cut first, so the marker
 * always shows (a long name keeps its †).
 */
export function fitWithMarker(text: string, marker: string, width: number): string {
  if (marker === '') return fit(text, width);
  return fit(`${truncate(text, Math.max(1, width - displayWidth(marker)))}${marker}`, width);
}

/** A bar of `width` cells, `share` (0–1) of them full: `███░░`. */
export function bar(share: number, width: number): string {
  const full = Math.max(0, Math.min(width, Math.round(share * width)));
  return '█'.repeat(full) + '░'.repeat(width - full);
}

/** A run of text with one style; a screen line is a few of them. */
export interface Segment {
  readonly text: string;
  readonly color?: 'red' | 'yellow' | 'green' | 'cyan' | undefined;
  readonly bold?: boolean;
  readonly dim?: boolean;
}

/** Cuts or pads a line of segments to exactly `width` columns (styles stay on their text). */
export function fitSegments(segments: readonly Segment[], width: number): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  for (const segment of segments) {
    const size = displayWidth(segment.text);
    if (used + size <= width) {
      out.push(segment);
      used += size;
      continue;
    }
    const room = width - used;
    if (room > 0) out.push({ ...segment, text: truncate(segment.text, room) });
    used += Math.max(0, room);
    break;
  }
  const left = width - out.reduce((total, segment) => total + displayWidth(segment.text), 0);
  if (left > 0) out.push({ text: ' '.repeat(left) });
  return out;
}
