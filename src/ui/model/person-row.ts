import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import { count } from '../../format.js';
import { DEPARTED_MARK, fit, fitWithMarker, type Segment } from './cells.js';
import { formatAge } from './format-age.js';
import type { PeopleColumns } from './layout.js';
import type { PersonRow } from './people-rows.js';
import { ROLE_SEPARATOR } from '../../render/person-roles.js';

/**
 * One row of the people view: `›[x] Alice Archer   12   key 3   impact 1   3 months ago   lib, api`,
 * with, when anyone has one, their stewardship roles before the modules (`integrates 62% · build 30%`).
 * Someone who has departed is dimmed, their name marked `†` and their last commit `departed`: they
 * count in the bus factor, not in the active one.
 */
export function personRowSegments(row: PersonRow, headTime: string | null, columns: PeopleColumns, selected: boolean): Segment[] {
  const { person } = row;
  const dim = person.departed;
  const name = safe(person.name || person.emails[0] || person.id) + (person.bot ? ' (bot)' : '');
  return [
    { text: selected ? '›' : ' ' },
    { text: row.leaving ? '[x] ' : '[ ] ', color: row.leaving ? 'red' : undefined, bold: row.leaving },
    { text: fitWithMarker(name, person.departed ? DEPARTED_MARK : '', columns.name), dim },
    { text: ` ${fit(count(person.filesAuthored), 6, 'right')} ${fit(count(row.keyIn.length), 6, 'right')} `, dim },
    { text: fit(count(row.impact), 6, 'right'), color: row.impact > 0 ? 'red' : undefined, bold: row.impact > 0, dim: dim && row.impact === 0 },
    { text: `  ${fit(person.departed ? 'departed' : formatAge(person.lastCommitAt, headTime), 13)}  `, dim },
    ...(columns.roles > 0 ? [{ text: `${fit(row.roles.join(ROLE_SEPARATOR), columns.roles)}  `, dim }] : []),
    { text: row.keyIn.map(safe).join(', '), dim },
  ];
}

export function peopleHeading(columns: PeopleColumns): Segment[] {
  const roles = columns.roles > 0 ? `${fit('roles', columns.roles)}  ` : '';
  return [{ text: `     ${fit('person', columns.name)} ${fit('files', 6, 'right')} ${fit('key in', 6, 'right')} ${fit('impact', 6, 'right')}  ${fit('last commit', 13)}  ${roles}key person in`, bold: true }];
}
