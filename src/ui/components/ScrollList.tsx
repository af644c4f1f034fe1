import { Box } from 'ink';
import { useScrollTop } from '../hooks/use-scroll-top.js';
import type { Segment } from '../model/cells.js';
import { Line } from './Line.js';

export interface Props<T> {
  readonly items: readonly T[];
  /** Position in `items` of the cursor. */
  readonly cursor: number;
  /** Rows shown: a window of `items` that follows the cursor. */
  readonly height: number;
  readonly width: number;
  /**
   * The list has the keys: its cursor row is drawn reversed.
   * @default true
   */
  readonly focused?: boolean;
  readonly itemKey: (item: T) => string | number;
  /** One row's text; `position` is the item's index in `items`. */
  readonly segments: (item: T, position: number, selected: boolean) => readonly Segment[];
  /** Shown when there are no items. */
  readonly empty?: string;
}

/** A scrolling list of one-line rows (the module tree, the people, a folder's key people). */
export function ScrollList<T>({ items, cursor, height, width, focused = true, itemKey, segments, empty }: Props<T>) {
  const top = useScrollTop(cursor, height, items.length);
  return (
    <Box flexDirection="column" height={height}>
      {items.length === 0 && empty !== undefined ? <Line segments={[{ text: empty, dim: true }]} width={width} /> : null}
      {items.slice(top, top + height).map((item, i) => {
        const selected = top + i === cursor;
        return <Line key={itemKey(item)} segments={segments(item, top + i, selected)} width={width} selected={selected && focused} />;
      })}
    </Box>
  );
}
