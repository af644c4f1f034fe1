import { Box } from 'ink';
import { useScrollTop } from '../hooks/use-scroll-top.js';
import type { PeopleColumns } from '../model/layout.js';
import type { PersonRow } from '../model/people-rows.js';
import { peopleHeading, personRowSegments } from '../model/person-row.js';
import { Line } from './Line.js';

export interface Props {
  readonly rows: readonly PersonRow[];
  readonly cursor: number;
  /** The report's `headTime`: ages are relative to the analysed commit. */
  readonly headTime: string;
  readonly columns: PeopleColumns;
  readonly width: number;
  /** Rows of people shown (the headings line comes on top). */
  readonly height: number;
}

/** Everyone: files authored, modules where they are a key person, impact, last commit. */
export function PeopleTable({ rows, cursor, headTime, columns, width, height }: Props) {
  const top = useScrollTop(cursor, height, rows.length);
  const shown = rows.slice(top, top + height);
  return (
    <Box flexDirection="column" height={height + 1}>
      <Line segments={peopleHeading(columns)} width={width} />
      {shown.map((row, i) => {
        const selected = top + i === cursor;
        return <Line key={row.index} segments={personRowSegments(row, headTime, columns, selected)} width={width} selected={selected} />;
      })}
      {rows.length === 0 ? <Line segments={[{ text: '     nobody matches the filter', dim: true }]} width={width} /> : null}
    </Box>
  );
}
