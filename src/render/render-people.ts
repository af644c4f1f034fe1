import { count, plural } from '../format.js';
import type { MergeSuggestion } from '../identity/merge-suggestions.js';
import type { PeopleReport } from '../report/people-report.js';
import type { ReportPerson } from '../report/report.js';
import { identityText, mergeState } from './render-mailmap.js';
import { ROLE_SEPARATOR, roleText } from './person-roles.js';
import type { RenderOptions } from './renderers.js';
import { sanitizeForTerminal as safe, escapeJsonText } from './sanitize.js';
import { formatTable, type Column } from './table.js';

/** `busfactor people --json`: the people report, safe to print on a terminal. */
export function renderPeopleJson(report: PeopleReport): string {
  return `${escapeJsonText(JSON.stringify(report, null, 2))}\n`;
}

const day = (iso: string | null): string => (iso === null ? '-' : iso.slice(0, 10));

function departedCell(person: ReportPerson, departedAfter: string): string {
  if (person.departure === 'inactive') return `yes (no activity in ${safe(departedAfter)})`;
  if (person.departure === 'config') return 'yes (config)';
  return person.departed ? 'yes' : '';
}

function header(report: PeopleReport): string {
  const scope = report.repository.scope ? ` ${safe(report.repository.scope)}` : '';
  const rev = report.revision === 'HEAD' ? '' : ` (${safe(report.revision)})`;
  const bots = report.people.filter((person) => person.bot).length;
  const departed = report.people.filter((person) => person.departed).length;
  return `${safe(report.repository.name)}${scope} @ ${report.head.slice(0, 12)}${rev} · ${count(report.people.length)} ${report.people.length === 1 ? 'person' : 'people'} · ${plural(bots, 'bot')} · ${count(departed)} departed`;
}

function peopleTable(report: PeopleReport, options: RenderOptions): string[] {
  const coAuthors = report.people.some((person) => person.coAuthored > 0);
  // Stewardship roles (integrates 62% · releases 100%): a column only when someone has one.
  const roles = new Map<string, string[]>();
  for (const role of report.roles) roles.set(role.id, [...(roles.get(role.id) ?? []), roleText(role)]);
  const withRoles = roles.size > 0;
  const rows = [
    ['name', 'emails', 'commits', ...(coAuthors ? ['co-authored'] : []), 'first', 'last', 'departed', 'bot', 'files', ...(withRoles ? ['roles'] : [])],
    ...report.people.map((person) => [
      safe(person.names.join(', ') || person.id),
      safe(person.emails.join(', ')) || '-',
      count(person.commits),
      ...(coAuthors ? [count(person.coAuthored)] : []),
      day(person.firstCommitAt),
      day(person.lastCommitAt),
      departedCell(person, report.departedAfter),
      person.bot ? 'bot' : '',
      count(person.filesAuthored),
      ...(withRoles ? [(roles.get(person.id) ?? []).join(ROLE_SEPARATOR)] : []),
    ]),
  ];
  // On a terminal, long name and email lists are cut so every row stays on one line.
  const names = options.width ? Math.max(12, Math.floor(options.width * 0.22)) : undefined;
  const emails = options.width ? Math.max(16, Math.floor(options.width * 0.3)) : undefined;
  const columns: Column[] = [
    { align: 'left', maxWidth: names },
    { align: 'left', maxWidth: emails },
    { align: 'right' },
    ...(coAuthors ? [{ align: 'right' } as const] : []),
    { align: 'left' },
    { align: 'left' },
    { align: 'left' },
    { align: 'left' },
    { align: 'right' },
    ...(withRoles ? [{ align: 'left' } as const] : []),
  ];
  const lines = formatTable(rows, columns, (row, _c, text) => (row === 0 ? options.style.paint('bold', text) : text));
  return lines.map((line) => `  ${line}`);
}

/** One block per group: the identity it proposes, then each reason with the identities it pairs. */
function suggestionLines(report: PeopleReport, options: RenderOptions): string[] {
  const title = options.style.paint('bold', 'Merge suggestions');
  if (report.suggestions.length === 0) return [`${title}: none`];
  const groups = new Map<number, MergeSuggestion[]>();
  for (const suggestion of report.suggestions) groups.set(suggestion.group, [...(groups.get(suggestion.group) ?? []), suggestion]);
  const lines = [`${title} (nothing is applied; busfactor people --mailmap prints them as .mailmap lines to review)`];
  for (const [group, suggestions] of groups) {
    lines.push(`  ${group}. → ${identityText((suggestions[0] as MergeSuggestion).canonical)}`);
    for (const s of suggestions) {
      const who = s.identities.map((identity) => `${identityText(identity)} (${plural(identity.commits, 'commit')})`).join(', ');
      lines.push(`     ${s.reason} (${mergeState(s)}): ${who}`);
    }
  }
  return lines;
}

/** `busfactor people`: everyone, then the merge suggestions, then the warnings. */
export function renderPeopleText(report: PeopleReport, options: RenderOptions): string {
  const lines = [
    options.style.paint('bold', header(report)),
    '',
    ...peopleTable(report, options),
    '',
    ...suggestionLines(report, options),
    ...(report.warnings.length > 0 ? ['', ...report.warnings.map((warning) => options.style.paint('yellow', `warning: ${safe(warning.message)}`))] : []),
  ];
  return `${lines.join('\n')}\n`;
}
