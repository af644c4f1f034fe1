import type { Report, ReportPerson } from '../../report/report.js';
import type { ScopeScore } from '../../report/what-if.js';
import { compareText } from '../../compare-text.js';
import type { SortOrder } from './sort-order.js';

/** One person in the people view. */
export interface PersonRow {
  readonly person: ReportPerson;
  readonly index: number;
  readonly leaving: boolean;
  /**
   * Listed modules (`report.modules`) where this person is a key person: with the marks applied,
   * or, for someone marked as leaving, where they were before any mark.
   */
  readonly keyIn: readonly string[];
  /**
   * Listed modules left with no author if this person leaves, the other marks applied. Marking
   * a person does not change their own numbers, so their row stays where it was.
   */
  readonly impact: number;
  /** Stewardship roles they have now (`integrates 62%`; render/person-roles.ts). */
  readonly roles: readonly string[];
}

export interface PeopleOptions {
  /** Scores of the listed modules (`report.modules` order), with the marks applied. */
  readonly moduleScores: readonly ScopeScore[];
  /** The same without any mark. */
  readonly baseModuleScores: readonly ScopeScore[];
  readonly leaving: ReadonlySet<number>;
  /** Case-insensitive substring of a name or email; '' for everyone. */
  readonly filter: string;
  readonly sort: SortOrder;
  /** Each person's stewardship roles, `report.people` order; none when not given. */
  readonly roles?: readonly (readonly string[])[];
}

/** Everyone in the history, for the people view. */
export function peopleRows(report: Report, options: PeopleOptions): PersonRow[] {
  const { leaving } = options;
  const impact = new Int32Array(report.people.length);
  const keyIn = report.people.map((): string[] => []);
  const indexOf = new Map(report.people.map((person, index) => [person.id, index]));
  options.moduleScores.forEach((score, m) => {
    // Authors who stay. With one left, their leaving empties the module. With none, every marked
    // author's leaving empties it, given the other marks.
    const staying = [...score.authors].filter((person) => !leaving.has(person));
    const emptiedBy = staying.length === 1 ? staying : staying.length === 0 ? [...score.authors] : [];
    for (const person of emptiedBy) impact[person] = (impact[person] ?? 0) + 1;
    const path = report.modules[m]?.name ?? '';
    for (const key of score.keyPeople) keyIn[indexOf.get(key.id) ?? -1]?.push(path);
    for (const key of options.baseModuleScores[m]?.keyPeople ?? []) {
      const index = indexOf.get(key.id);
      if (index !== undefined && leaving.has(index)) keyIn[index]?.push(path);
    }
  });
  const needle = options.filter.toLowerCase();
  const rows = report.people
    .map((person, index): PersonRow => ({ person, index, leaving: leaving.has(index), keyIn: keyIn[index] ?? [], impact: impact[index] ?? 0, roles: options.roles?.[index] ?? [] }))
    .filter((row) => needle === '' || [row.person.name, ...row.person.emails].some((text) => text.toLowerCase().includes(needle)));
  return rows.sort(comparator(options.sort));
}

function comparator(sort: SortOrder): (a: PersonRow, b: PersonRow) => number {
  const byName = (a: PersonRow, b: PersonRow) => compareText(a.person.name.toLowerCase(), b.person.name.toLowerCase()) || compareText(a.person.id, b.person.id);
  const bySize = (a: PersonRow, b: PersonRow) => b.person.filesAuthored - a.person.filesAuthored || byName(a, b);
  if (sort === 'name') return byName;
  if (sort === 'size') return bySize;
  return (a, b) => b.impact - a.impact || b.keyIn.length - a.keyIn.length || bySize(a, b);
}
