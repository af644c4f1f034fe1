import { count, riskLevel } from '../../format.js';
import type { DepartedHolder, OrgPerson } from '../../org/org-view.js';
import { departedRepositoriesText, keyPersonName, lostText, personRepositoriesText } from '../../render/org/org-wording.js';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import { busFactorCell, fit, type Segment } from '../model/cells.js';
import type { OrgTreeRow } from './org-rows.js';

/** Widths of the org explorer's columns: fixed figures, then the name and the people share what is left. */
export interface OrgColumns {
  readonly name: number;
  readonly rest: number;
}

/** The figures take 1 + 4 + 1 + 6 + 1 + 5 + 1 + 7 + 2 columns; the name 45 % of the rest. */
const FIGURES = 28;

export function orgColumns(width: number): OrgColumns {
  const free = Math.max(10, width - FIGURES);
  const name = Math.ceil(free * 0.45);
  return { name, rest: free - name - 2 };
}

const risk = (busFactor: number, width: number): Segment => ({ text: fit(busFactorCell(busFactor, busFactor), width, 'right'), color: riskLevel(busFactor) });

export function treeHeading(columns: OrgColumns): Segment[] {
  return [{ text: ` ${fit('BF', 4, 'right')} ${fit('active', 6, 'right')} ${fit('lost', 5, 'right')} ${fit('files', 7, 'right')}  ${fit('repository / module', columns.name)}  key people`, bold: true }];
}

/** The first column: `›` on the cursor's row, so it shows without colour too. */
const cursor = (selected: boolean): string => (selected ? '›' : ' ');

/** One tree row: the figures (coloured by risk, `1!` marked without colour), the name, its key people. */
export function treeRowSegments(row: OrgTreeRow, columns: OrgColumns, selected = false): Segment[] {
  if (row.kind === 'failure') {
    return [{ text: `${cursor(selected)}${fit('✗', 4, 'right')} ${fit('failed', 6, 'right')} ${' '.repeat(5)} ${' '.repeat(7)}  ` }, { text: fit(safe(row.failure.repository), columns.name), color: 'red' }, { text: `  ${safe(row.failure.error)}`, dim: true }];
  }
  const figures = row.kind === 'repository' ? row.repository : row.module;
  const lost = row.kind === 'repository' ? lostText(row.repository.lost) : row.module.lostFiles === 0 ? '-' : row.module.lostFiles === row.module.files ? 'all' : `${Math.round((row.module.lostFiles / row.module.files) * 100)}%`;
  const name = row.kind === 'repository' ? `${row.open ? '▾' : '▸'} ${safe(row.repository.name)}` : `    ${safe(row.module.path ?? row.module.name)}`;
  const people = figures.keyPeople.slice(0, 3).map((person) => safe(keyPersonName(person))).join(', ') || '(nobody authors half)';
  return [
    { text: cursor(selected) },
    risk(figures.busFactor, 4),
    { text: ' ' },
    risk(figures.activeBusFactor, 6),
    { text: ` ${fit(lost, 5, 'right')} ${fit(count(figures.files), 7, 'right')}  ` },
    { text: fit(name, columns.name), bold: row.kind === 'repository' },
    { text: `  ${people}`, dim: row.kind === 'module' },
  ];
}

export function peopleHeading(columns: OrgColumns): Segment[] {
  return [{ text: ` ${fit('key in', 6, 'right')} ${fit('active', 6, 'right')} ${fit('files', 7, 'right')}  ${fit('person', columns.name)}  repositories (files; † departed there)`, bold: true }];
}

export function personRowSegments(person: OrgPerson, columns: OrgColumns, selected = false): Segment[] {
  return [
    { text: `${cursor(selected)}${fit(count(person.keyIn), 6, 'right')} ${fit(count(person.activeKeyIn), 6, 'right')} ${fit(count(person.files), 7, 'right')}  ` },
    { text: fit(safe(person.name || person.id), columns.name), bold: true },
    { text: `  ${safe(personRepositoriesText(person))}` },
  ];
}

export function departedHeading(columns: OrgColumns): Segment[] {
  return [{ text: ` ${fit('files', 7, 'right')} ${fit('key in', 6, 'right')}       ${fit('departed person', columns.name)}  departed from (files)`, bold: true }];
}

export function departedRowSegments(holder: DepartedHolder, columns: OrgColumns, selected = false): Segment[] {
  return [
    { text: `${cursor(selected)}${fit(count(holder.files), 7, 'right')} ${fit(count(holder.keyIn), 6, 'right')}       ` },
    { text: fit(`${safe(holder.name || holder.person)} †`, columns.name), bold: true },
    { text: `  ${safe(departedRepositoriesText(holder))}` },
  ];
}
