import { count, plural, riskLevel } from '../../format.js';
import type { OrgView } from '../../org/org-view.js';
import { sanitizeForTerminal as safe } from '../sanitize.js';
import type { Style } from '../style.js';
import { formatTable, type Column } from '../table.js';
import type { OrgRenderOptions } from './org-renderers.js';
import { departedRepositoriesText, keyPeopleText, lostText, ORDER_LEGEND, personRepositoriesText, settingsSummary, totalsSummary } from './org-wording.js';

/** Rows of the people tables in text (the JSON has everyone). */
export const TEXT_PEOPLE_ROWS = 25;
export const TEXT_DEPARTED_ROWS = 15;
/** Warnings shown per repository. */
const WARNINGS_PER_REPOSITORY = 3;

/** `1 !` marks the riskiest without colour, as the scan's text does. */
function busFactorCell(busFactor: number): string {
  return busFactor <= 1 ? `${busFactor} !` : `${busFactor}  `;
}

/**
 * The organisation view as text for a terminal or a log (docs/org.md): the repositories riskiest
 * first, the people key in the most repositories, the departed who still hold files, what failed.
 * Every piece of repository data is made terminal-safe; long cells are cut on a terminal.
 */
export function renderOrgText(view: OrgView, options: OrgRenderOptions): string {
  const { style } = options;
  const lines = [
    `${style.paint('bold', 'Organisation')} · ${totalsSummary(view)} · ${settingsSummary(view)}`,
    '',
    ...repositoriesTable(view, options),
    ...peopleTable(view, options),
    ...departedTable(view, options),
    ...failuresSection(view, style),
    ...warningsSection(view, style),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function title(style: Style, text: string): string {
  return style.paint('bold', text);
}

function repositoriesTable(view: OrgView, options: OrgRenderOptions): string[] {
  if (view.repositories.length === 0) return [];
  const rows = [
    ['active', 'BF', 'lost', 'files', 'commits', 'repository', 'key people'],
    ...view.repositories.map((repository) => [
      busFactorCell(repository.activeBusFactor),
      busFactorCell(repository.busFactor),
      lostText(repository.lost),
      count(repository.files),
      count(repository.commits),
      safe(repository.name),
      safe(keyPeopleText(repository.keyPeople)),
    ]),
  ];
  const nameWidth = options.width ? Math.max(12, Math.floor(options.width * 0.3)) : undefined;
  const peopleWidth = options.width && nameWidth ? Math.max(16, options.width - nameWidth - 46) : undefined;
  const columns: Column[] = [{ align: 'right' }, { align: 'right' }, { align: 'right' }, { align: 'right' }, { align: 'right' }, { align: 'left', maxWidth: nameWidth }, { align: 'left', maxWidth: peopleWidth }];
  const table = formatTable(rows, columns, (row, column, text) => {
    if (row === 0) return options.style.paint('bold', text);
    const repository = view.repositories[row - 1];
    if (repository && column === 0) return options.style.paint(riskLevel(repository.activeBusFactor), text);
    if (repository && column === 1) return options.style.paint(riskLevel(repository.busFactor), text);
    return text;
  });
  return [title(options.style, 'Repositories by risk'), ...table.map((line) => `  ${line}`), `  ${ORDER_LEGEND}`, ''];
}

function peopleTable(view: OrgView, options: OrgRenderOptions): string[] {
  if (view.people.length === 0) return [];
  const shown = view.people.slice(0, TEXT_PEOPLE_ROWS);
  const rows = [
    ['key in', 'active', 'files', 'person', 'repositories (files; † departed there)'],
    ...shown.map((person) => [count(person.keyIn), count(person.activeKeyIn), count(person.files), safe(person.name || person.id), safe(personRepositoriesText(person))]),
  ];
  const nameWidth = options.width ? Math.max(12, Math.floor(options.width * 0.25)) : undefined;
  const restWidth = options.width && nameWidth ? Math.max(16, options.width - nameWidth - 26) : undefined;
  const table = formatTable(rows, [{ align: 'right' }, { align: 'right' }, { align: 'right' }, { align: 'left', maxWidth: nameWidth }, { align: 'left', maxWidth: restWidth }], (row, _c, text) => (row === 0 ? options.style.paint('bold', text) : text));
  const more = view.people.length > shown.length ? [`  … and ${plural(view.people.length - shown.length, 'more person', 'more people')} (--format json lists everyone)`] : [];
  return [title(options.style, 'Key people across repositories (key in the most first)'), ...table.map((line) => `  ${line}`), ...more, ''];
}

function departedTable(view: OrgView, options: OrgRenderOptions): string[] {
  if (view.departed.length === 0) return [];
  const shown = view.departed.slice(0, TEXT_DEPARTED_ROWS);
  const rows = [
    ['files', 'key in', 'person', 'departed from (files)', 'still here in'],
    ...shown.map((holder) => [count(holder.files), count(holder.keyIn), safe(holder.name || holder.person), safe(departedRepositoriesText(holder)), safe(holder.activeIn.join(', ') || '-')]),
  ];
  const nameWidth = options.width ? Math.max(12, Math.floor(options.width * 0.22)) : undefined;
  const restWidth = options.width && nameWidth ? Math.max(12, Math.floor((options.width - nameWidth - 20) / 2)) : undefined;
  const table = formatTable(rows, [{ align: 'right' }, { align: 'right' }, { align: 'left', maxWidth: nameWidth }, { align: 'left', maxWidth: restWidth }, { align: 'left', maxWidth: restWidth }], (row, _c, text) => (row === 0 ? options.style.paint('bold', text) : text));
  const more = view.departed.length > shown.length ? [`  … and ${plural(view.departed.length - shown.length, 'more person', 'more people')} (--format json lists everyone)`] : [];
  return [title(options.style, 'Departed, still holding knowledge (files they author in repositories they have left)'), ...table.map((line) => `  ${line}`), ...more, ''];
}

function failuresSection(view: OrgView, style: Style): string[] {
  if (view.failures.length === 0) return [];
  return [
    title(style, `Failed (${count(view.failures.length)})`),
    ...view.failures.map((failure) => `  ${style.paint('red', safe(failure.repository))}: ${safe(failure.error)}${failure.source !== failure.repository ? ` (${safe(failure.source)})` : ''}`),
    '',
  ];
}

function warningsSection(view: OrgView, style: Style): string[] {
  const lines = view.warnings.map((warning) => `  ${safe(warning.message)}`);
  for (const repository of view.repositories) {
    for (const warning of repository.warnings.slice(0, WARNINGS_PER_REPOSITORY)) lines.push(`  ${safe(repository.name)}: ${safe(warning.message)}`);
    if (repository.warnings.length > WARNINGS_PER_REPOSITORY) lines.push(`  ${safe(repository.name)}: and ${plural(repository.warnings.length - WARNINGS_PER_REPOSITORY, 'more warning')} (--format json has them)`);
  }
  return lines.length === 0 ? [] : [title(style, 'Warnings'), ...lines, ''];
}
