import { stringify } from 'csv-stringify/sync';
import type { Report } from '../../report/report.js';

/**
 * The report's tables as CSV (docs/report.md, "CSV"): RFC 4180 (every field quoted, CRLF line
 * ends, via csv-stringify), with a header row. Spreadsheets run a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return as a formula ("CSV injection"): such text cells get a
 * leading `'`, as OWASP recommends, so a name like `=HYPERLINK(…)` stays text. Numbers stay numbers.
 */
export type CsvTable = 'modules' | 'people';
export const CSV_TABLES: readonly CsvTable[] = ['modules', 'people'];

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet will not evaluate. */
export function csvText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type Cell = string | number | boolean;

/** One CSV document: the header row, then the rows; text cells defused, every field quoted (the org view's tables use it too). */
export function table(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? csvText(cell) : String(cell))));
  return stringify([header as string[], ...cells], { quoted: true, quoted_empty: true, record_delimiter: 'windows' });
}

const names = (people: readonly { readonly name: string }[]) => people.map((person) => person.name).join('; ');

/**
 * With `--without` (`report.whatIf`) the modules table gets two trailing columns, the bus factors as
 * if those people left; without it the header is the documented one, unchanged for scripts.
 */
const WHAT_IF_COLUMNS = ['bus_factor_without', 'active_bus_factor_without'];

export function renderReportCsv(report: Report, which: CsvTable): string {
  if (which === 'modules') {
    const whatIf = report.whatIf ? new Map(report.whatIf.modules.map((module) => [module.id, module])) : undefined;
    const without = (id: string): Cell[] => {
      if (!whatIf) return [];
      const module = whatIf.get(id);
      return module ? [module.busFactor.after, module.activeBusFactor.after] : ['', ''];
    };
    return table(
      ['id', 'kind', 'name', 'path', 'files', 'bus_factor', 'active_bus_factor', 'lost_files', 'authors', 'orphan_files', 'key_people', 'successors', ...(whatIf ? WHAT_IF_COLUMNS : [])],
      report.modules.map((module) => [
        module.id,
        module.kind,
        module.name,
        module.path ?? '',
        module.files,
        module.busFactor,
        module.activeBusFactor,
        module.lostFiles,
        module.authors,
        module.orphanFiles,
        names(module.keyPeople),
        names(module.successors ?? []),
        ...without(module.id),
      ]),
    );
  }
  return table(
    ['id', 'name', 'emails', 'commits', 'first_commit', 'last_commit', 'last_active', 'departed', 'bot', 'files_authored'],
    report.people.map((person) => [
      person.id,
      person.name,
      person.emails.join('; '),
      person.commits,
      person.firstCommitAt ?? '',
      person.lastCommitAt ?? '',
      person.lastActiveAt ?? '',
      person.departed,
      person.bot,
      person.filesAuthored,
    ]),
  );
}
