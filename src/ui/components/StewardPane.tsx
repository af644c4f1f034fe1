import { Box } from 'ink';
import type { Stewardship } from '../../report/report.js';
import { stewardFacts, stewardHeading, stewardRowSegments, stewardTitle } from '../model/stewardship-lines.js';
import type { ActivityRow, StewardRow } from '../model/stewardship-rows.js';
import { Line } from './Line.js';
import { ScrollList } from './ScrollList.js';

export interface Props {
  readonly stewardship: Stewardship;
  /** The selected activity. */
  readonly row: ActivityRow;
  readonly people: readonly StewardRow[];
  /** The report's `headTime`: ages are relative to the analysed commit. */
  readonly headTime: string | null;
  /** Whether a filter is in force (the empty list then says nobody matches). */
  readonly filtered: boolean;
  /** Position in `people` of the cursor. */
  readonly cursor: number;
  /**
   * The people list has the keys (Tab): its cursor is shown.
   * @default false
   */
  readonly focused?: boolean;
  readonly width: number;
  /** Lines in all, the title included. */
  readonly height: number;
}

/** Rows of the pane that are not people: title, headings, two lines of facts. */
const FIXED_LINES = 4;

/** Rows of people the pane shows (what a page key moves when it has the keys). */
export const stewardListHeight = (height: number): number => Math.max(1, height - FIXED_LINES);

/** The selected activity: everyone who did it, the active key people marked, then what was and was not counted. */
export function StewardPane({ stewardship, row, people, headTime, filtered, cursor, focused = false, width, height }: Props) {
  const [counted, uncounted] = stewardFacts(row, stewardship);
  return (
    <Box flexDirection="column" height={height}>
      <Line segments={stewardTitle(row, stewardship, width)} width={width} />
      <Line segments={stewardHeading(row.kind, width)} width={width} />
      <ScrollList
        items={people}
        cursor={cursor}
        height={stewardListHeight(height)}
        width={width}
        focused={focused}
        itemKey={(person) => person.index}
        // The cursor row shows only while the list has the keys.
        segments={(person, position, selected) => stewardRowSegments(person, row.kind, position + 1, headTime, width, selected && focused)}
        empty={filtered ? '         nobody matches the filter' : '         nobody did this'}
      />
      <Line segments={counted} width={width} />
      <Line segments={uncounted} width={width} />
    </Box>
  );
}
