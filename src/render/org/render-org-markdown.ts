import { count } from '../../format.js';
import type { OrgView } from '../../org/org-view.js';
import { clipData, escapeMarkdownCell, escapeMarkdownText, MARKDOWN_COMMENT_LIMIT } from '../escape-markdown.js';
import { departedRepositoriesText, keyPeopleText, lostText, ORDER_LEGEND, personRepositoriesText, settingsSummary, totalsSummary } from './org-wording.js';

/** Rows of each table at most; then rows go, longest table first, until the document fits {@link MARKDOWN_COMMENT_LIMIT}. */
export const MARKDOWN_ROWS = { repositories: 200, people: 50, departed: 30 } as const;
/** Longest piece of data in a cell, in characters before escaping. */
const MAX_DATA = 120;

const cell = (data: string): string => escapeMarkdownCell(clipData(data, MAX_DATA));
const text = (data: string): string => escapeMarkdownText(clipData(data, MAX_DATA));
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const length = (lines: readonly string[]): number => lines.reduce((total, line) => total + line.length + 1, 0);

type Table = keyof typeof MARKDOWN_ROWS;

/**
 * The organisation view as one Markdown document (docs/org.md): a wiki page, a pull-request comment,
 * a CI job summary. Every piece of repository data goes through render/escape-markdown.ts (no name
 * can end a cell, start a heading, link, mention or embed HTML). It stays under GitHub's comment limit:
 * tables are capped, and rows dropped from the longest table until it fits, with a line saying so.
 */
export function renderOrgMarkdown(view: OrgView): string {
  const tables: Record<Table, string[]> = {
    repositories: view.repositories.map((repository) =>
      row([String(repository.activeBusFactor), String(repository.busFactor), lostText(repository.lost), count(repository.files), count(repository.commits), cell(repository.name), cell(keyPeopleText(repository.keyPeople))]),
    ),
    people: view.people.map((person) => row([count(person.keyIn), count(person.activeKeyIn), count(person.files), cell(person.name || person.id), cell(personRepositoriesText(person))])),
    departed: view.departed.map((holder) => row([count(holder.files), count(holder.keyIn), cell(holder.name || holder.person), cell(departedRepositoriesText(holder)), cell(holder.activeIn.join(', ') || '-')])),
  };
  const shown: Record<Table, number> = {
    repositories: Math.min(tables.repositories.length, MARKDOWN_ROWS.repositories),
    people: Math.min(tables.people.length, MARKDOWN_ROWS.people),
    departed: Math.min(tables.departed.length, MARKDOWN_ROWS.departed),
  };
  let lines = assemble(view, tables, shown, false);
  if (length(lines) > MARKDOWN_COMMENT_LIMIT) {
    lines = assemble(view, tables, shown, true);
    while (length(lines) > MARKDOWN_COMMENT_LIMIT && shown.repositories + shown.people + shown.departed > 0) {
      const longest = (['people', 'departed', 'repositories'] as const).reduce((a, b) => (shown[b] > shown[a] ? b : a));
      shown[longest] -= 1;
      lines = assemble(view, tables, shown, true);
    }
  }
  return `${lines.join('\n')}\n`;
}

function more(total: number, shown: number): string[] {
  return total > shown ? ['', `_${count(total - shown)} more rows: \`--format json\` has everything._`] : [];
}

function assemble(view: OrgView, tables: Record<Table, string[]>, shown: Record<Table, number>, cut: boolean): string[] {
  const lines = [`# Bus factor across ${count(view.totals.repositories)} ${view.totals.repositories === 1 ? 'repository' : 'repositories'}`, '', `${text(totalsSummary(view))} · ${text(settingsSummary(view))}`];
  if (tables.repositories.length > 0) {
    lines.push('', '## Repositories by risk', '', row(['active', 'BF', 'lost', 'files', 'commits', 'repository', 'key people']), row(['---:', '---:', '---:', '---:', '---:', '---', '---']));
    lines.push(...tables.repositories.slice(0, shown.repositories), ...more(tables.repositories.length, shown.repositories), '', `_${text(ORDER_LEGEND)}_`);
  }
  if (tables.people.length > 0) {
    lines.push('', '## Key people across repositories', '', row(['key in', 'active', 'files', 'person', 'repositories (files; † departed there)']), row(['---:', '---:', '---:', '---', '---']));
    lines.push(...tables.people.slice(0, shown.people), ...more(tables.people.length, shown.people));
  }
  if (tables.departed.length > 0) {
    lines.push('', '## Departed, still holding knowledge', '', row(['files', 'key in', 'person', 'departed from (files)', 'still here in']), row(['---:', '---:', '---', '---', '---']));
    lines.push(...tables.departed.slice(0, shown.departed), ...more(tables.departed.length, shown.departed));
  }
  if (view.failures.length > 0) {
    lines.push('', `## Failed (${count(view.failures.length)})`, '');
    for (const failure of view.failures) lines.push(`- **${text(failure.repository)}**: ${text(failure.error)}`);
  }
  const warnings = [...view.warnings.map((warning) => text(warning.message)), ...view.repositories.flatMap((repository) => repository.warnings.map((warning) => `**${text(repository.name)}**: ${text(warning.message)}`))];
  if (warnings.length > 0) {
    lines.push('', '## Warnings', '');
    for (const warning of warnings.slice(0, 50)) lines.push(`- ${warning}`);
    if (warnings.length > 50) lines.push(`- ${count(warnings.length - 50)} more: \`--format json\` has them.`);
  }
  if (cut) lines.push('', `_Rows cut to stay under ${count(MARKDOWN_COMMENT_LIMIT)} characters: \`--format json\` has everything._`);
  return lines;
}
