import type { OrgView } from '../../org/org-view.js';
import type { OrgCsvTable } from '../../settings/org-options.js';
import { table } from '../report/render-report-csv.js';

const names = (people: readonly { readonly name: string }[]) => people.map((person) => person.name).join('; ');

/**
 * One table of the organisation view as CSV (docs/org.md, "CSV"), with the escaping of the report's
 * CSV (render/report/render-report-csv.ts: RFC 4180, every field quoted, text that a spreadsheet
 * would run as a formula prefixed with `'`). Long format — one row per person and repository — so a
 * spreadsheet's pivot table can count and sum any way.
 *
 * - `repositories`: every repository, riskiest first, then the failed ones (`status` failed, `error`);
 * - `people`: one row per key person (people[]) and repository they author files of;
 * - `departed`: one row per departed person and repository they still author files of.
 */
export function renderOrgCsv(view: OrgView, which: OrgCsvTable): string {
  if (which === 'repositories') {
    return table(
      ['repository', 'source', 'status', 'head', 'active_bus_factor', 'bus_factor', 'lost_files', 'lost_share', 'files', 'commits', 'people', 'authors', 'key_people', 'active_key_people', 'warnings', 'error'],
      [
        ...view.repositories.map((repository) => [
          repository.name,
          repository.source,
          'analysed',
          repository.head,
          repository.activeBusFactor,
          repository.busFactor,
          repository.lost.files,
          Number(repository.lost.share.toFixed(4)),
          repository.files,
          repository.commits,
          repository.people,
          repository.authors,
          names(repository.keyPeople),
          names(repository.activeKeyPeople),
          repository.warnings.length,
          '',
        ]),
        ...view.failures.map((failure) => [failure.repository, failure.source, 'failed', '', '', '', '', '', '', '', '', '', '', '', '', failure.error]),
      ],
    );
  }
  if (which === 'people') {
    return table(
      ['person', 'name', 'emails', 'key_in', 'active_key_in', 'repository', 'key', 'active_key', 'departed', 'files', 'share', 'commits'],
      view.people.flatMap((person) =>
        person.repositories.map((entry) => [person.id, person.name, person.emails.join('; '), person.keyIn, person.activeKeyIn, entry.repository, entry.key, entry.activeKey, entry.departed, entry.files, Number(entry.share.toFixed(4)), entry.commits]),
      ),
    );
  }
  return table(
    ['person', 'name', 'emails', 'repository', 'files', 'share', 'key', 'still_here_in'],
    view.departed.flatMap((holder) => holder.repositories.map((entry) => [holder.person, holder.name, holder.emails.join('; '), entry.repository, entry.files, Number(entry.share.toFixed(4)), entry.key, holder.activeIn.join('; ')])),
  );
}
