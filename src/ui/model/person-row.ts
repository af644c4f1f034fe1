import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import { count } from '../../format.js';
import { fit, type Segment } from './cells.js';
import { formatAge } from './format-age.js';
import type { PeopleColumns } from './layout.js';
import type { PersonRow } from './people-rows.js';

/** One row of the people view: `›[x] Alice Archer   12   key 3   impact 1   3 months ago   lib, api`. */
export function personRowSegments(row: PersonRow, headTime: string | null, columns: PeopleColumns, selected: boolean): Segment[] {
  const { person } = row;
  return [
    { text: selected ? '›' : ' ' },
    { text: row.leaving ? '[x] ' : '[ ] ', color: row.leaving ? 'red' : undefined, bold: row.leaving },
    { text: fit(safe(person.name || person.emails[0] || person.id) + (person.bot ? ' (bot)' : ''), columns.name) },
    { text: ` ${fit(count(person.filesAuthored), 6, 'right')} ${fit(count(row.keyIn.length), 6, 'right')} ` },
    { text: fit(count(row.impact), 6, 'right'), color: row.impact > 0 ? 'red' : undefined, bold: row.impact > 0 },
    { text: `  ${fit(formatAge(person.lastCommitAt, headTime), 13)}  ` },
    { text: row.keyIn.map(safe).join(', ') },
  ];
}

export function peopleHeading(columns: PeopleColumns): Segment[] {
  return [{ text: `     ${fit('person', columns.name)} ${fit('files', 6, 'right')} ${fit('key in', 6, 'right')} ${fit('impact', 6, 'right')}  ${fit('last commit', 13)}  key person in`, bold: true }];
}
