import { Box } from 'ink';
import type { ScopeScore } from '../../report/what-if.js';
import type { ModuleColumns } from '../model/layout.js';
import { moduleHeading, moduleRowSegments } from '../model/module-row.js';
import type { TreeRow } from '../model/visible-rows.js';
import { Line } from './Line.js';
import { ScrollList } from './ScrollList.js';

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
  return (
    <Box flexDirection="column" height={height + 1}>
      <Line segments={moduleHeading(columns)} width={width} />
      <ScrollList
        items={rows}
        cursor={cursor}
        height={height}
        width={width}
        focused={focused}
        itemKey={(row) => row.node.key}
        segments={(row, _position, selected) => moduleRowSegments(row, baseScores.get(row.node.key), scores.get(row.node.key), columns, selected)}
      />
    </Box>
  );
}
