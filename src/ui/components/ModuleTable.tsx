import { Box } from 'ink';
import type { ScopeScore } from '../../report/what-if.js';
import { useScrollTop } from '../hooks/use-scroll-top.js';
import type { ModuleColumns } from '../model/layout.js';
import { moduleHeading, moduleRowSegments } from '../model/module-row.js';
import type { TreeRow } from '../model/visible-rows.js';
import { Line } from './Line.js';

export interface Props {
  readonly rows: readonly TreeRow[];
  readonly cursor: number;
  readonly baseScores: ReadonlyMap<string, ScopeScore>;
  readonly scores: ReadonlyMap<string, ScopeScore>;
  readonly columns: ModuleColumns;
  readonly width: number;
  /** Rows of folders shown (the headings line comes on top). */
  readonly height: number;
  /**
   * The cursor is drawn reversed only while the tree has the keys.
   * @default true
   */
  readonly focused?: boolean;
}

/** The folder tree: headings, then a window of rows that follows the cursor. */
export function ModuleTable({ rows, cursor, baseScores, scores, columns, width, height, focused = true }: Props) {
  const top = useScrollTop(cursor, height, rows.length);
  const shown = rows.slice(top, top + height);
  return (
    <Box flexDirection="column" height={height + 1}>
      <Line segments={moduleHeading(columns)} width={width} />
      {shown.map((row, i) => {
        const selected = top + i === cursor;
        const path = row.node.path;
        return (
          <Line key={path} segments={moduleRowSegments(row, baseScores.get(path), scores.get(path), columns, selected)} width={width} selected={selected && focused} />
        );
      })}
    </Box>
  );
}
