import { Box } from 'ink';
import type { Report } from '../../report/report.js';
import type { ScopeScore } from '../../report/what-if.js';
import type { ModuleColumns } from '../model/layout.js';
import { allLost, lostCount } from '../model/lost-files.js';
import { moduleHeading, moduleRowSegments } from '../model/module-row.js';
import type { TreeRow } from '../model/visible-rows.js';
import { Line } from './Line.js';
import { ScrollList } from './ScrollList.js';

export interface Props {
  /** For what is already lost and who has departed (not recomputed under what-if). */
  readonly report: Report;
  readonly rows: readonly TreeRow[];
  readonly cursor: number;
  readonly baseScores: ReadonlyMap<string, ScopeScore>;
  readonly scores: ReadonlyMap<string, ScopeScore>;
  readonly activeBaseScores: ReadonlyMap<string, ScopeScore>;
  readonly activeScores: ReadonlyMap<string, ScopeScore>;
  /** Ids of the people who have departed. */
  readonly departed: ReadonlySet<string>;
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
export function ModuleTable({ report, rows, cursor, baseScores, scores, activeBaseScores, activeScores, departed, columns, width, height, focused = true }: Props) {
  const isDeparted = (id: string) => departed.has(id);
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
        segments={(row, _position, selected) => {
          const key = row.node.key;
          const scoresOfRow = { base: baseScores.get(key), now: scores.get(key), activeBase: activeBaseScores.get(key), activeNow: activeScores.get(key), allLost: allLost(lostCount(report, row.node)) };
          return moduleRowSegments(row, scoresOfRow, columns, selected, isDeparted);
        }}
      />
    </Box>
  );
}
