import { Box } from 'ink';
import type { Stewardship } from '../../report/report.js';
import type { ActivityColumns } from '../model/layout.js';
import { activityHeading, activityRowSegments } from '../model/stewardship-lines.js';
import type { ActivityRow } from '../model/stewardship-rows.js';
import { Line } from './Line.js';
import { ScrollList } from './ScrollList.js';

export interface Props {
  readonly stewardship: Stewardship;
  readonly rows: readonly ActivityRow[];
  readonly cursor: number;
  readonly columns: ActivityColumns;
  readonly width: number;
  /** Rows of activities shown (the headings line comes on top). */
  readonly height: number;
  /**
   * The cursor is drawn reversed only while the activities have the keys.
   * @default true
   */
  readonly focused?: boolean;
}

/** Who runs the project: one row per activity, bus factors before → after the marks. */
export function StewardshipTable({ stewardship, rows, cursor, columns, width, height, focused = true }: Props) {
  return (
    <Box flexDirection="column" height={height + 1}>
      <Line segments={activityHeading(columns)} width={width} />
      <ScrollList
        items={rows}
        cursor={cursor}
        height={height}
        width={width}
        focused={focused}
        itemKey={(row) => row.kind}
        segments={(row, _position, selected) => activityRowSegments(row, stewardship, columns, selected)}
      />
    </Box>
  );
}
