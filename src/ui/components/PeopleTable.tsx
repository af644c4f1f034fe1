import { Box } from 'ink';
import type { PeopleColumns } from '../model/layout.js';
import type { PersonRow } from '../model/people-rows.js';
import { peopleHeading, personRowSegments } from '../model/person-row.js';
import { Line } from './Line.js';
import { ScrollList } from './ScrollList.js';

export interface Props {
  readonly rows: readonly PersonRow[];
  readonly cursor: number;
  /** The report's `headTime`: ages are relative to the analysed commit. */
  readonly headTime: string | null;
  readonly columns: PeopleColumns;
  readonly width: number;
  /** Rows of people shown (the headings line comes on top). */
  readonly height: number;
}

/** Everyone: files authored, modules where they are a key person, impact, last commit. */
export function PeopleTable({ rows, cursor, headTime, columns, width, height }: Props) {
  return (
    <Box flexDirection="column" height={height + 1}>
      <Line segments={peopleHeading(columns)} width={width} />
      <ScrollList
        items={rows}
        cursor={cursor}
        height={height}
        width={width}
        itemKey={(row) => row.index}
        segments={(row, _position, selected) => personRowSegments(row, headTime, columns, selected)}
        empty="     nobody matches the filter"
      />
    </Box>
  );
}
