import { count, percent, riskLevel } from '../../format.js';
import type { OrgKeyPerson, OrgView } from '../../org/org-view.js';
import { escapeHtml as e } from '../escape-html.js';
import { offlinePageHead } from '../offline-page-head.js';
import { ORG_PAGE_STYLE } from './org-page-style.js';
import { lostText, ORDER_LEGEND, settingsSummary, totalsSummary } from './org-wording.js';

/** Key people and repositories listed per cell at most (the JSON has everyone). */
const LIST_LIMIT = 8;

const risk = (busFactor: number): string => `<span class="risk risk-${riskLevel(busFactor)}">${busFactor}</span>`;
const name = (text: string, departed: boolean): string => (departed ? `<span class="departed">${e(text)} †</span>` : e(text));

function keyPeopleHtml(people: readonly OrgKeyPerson[]): string {
  if (people.length === 0) return '<span class="departed">nobody authors half of it</span>';
  return listHtml(people.map((person) => `${name(person.name || person.email, person.departed)} (${percent(person.share)})`));
}

function listHtml(items: readonly string[]): string {
  return `${items.slice(0, LIST_LIMIT).join(', ')}${items.length > LIST_LIMIT ? ` +${items.length - LIST_LIMIT}` : ''}`;
}

/** A column heading; `n`: a number column (right-aligned). */
type Heading = readonly [label: string, numeric?: 'n'];

/** One section of the page: a heading, a table of the rows (already HTML), and what follows it. */
function tableSection(heading: string, headings: readonly Heading[], rows: readonly string[], after = ''): string {
  const head = headings.map(([label, numeric]) => (numeric ? `<th class="n">${label}</th>` : `<th>${label}</th>`)).join('');
  return `<section><h2>${heading}</h2>
<table><thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
${after}</section>
`;
}

/**
 * The organisation view as one self-contained HTML page (docs/org.md, "HTML"): tables written here,
 * no script at all, an inline stylesheet allowed by its hash; the Content-Security-Policy forbids
 * every request and every script, so the page opens offline and a name that got past the escaping
 * still could not run. Every piece of repository data goes through render/escape-html.ts.
 */
export function renderOrgHtml(view: OrgView): string {
  const title = `Bus factor across ${count(view.totals.repositories)} ${view.totals.repositories === 1 ? 'repository' : 'repositories'}`;
  return `${offlinePageHead({ title, version: view.tool.version, style: ORG_PAGE_STYLE })}
<body>
<header>
<h1>${e(title)}</h1>
<p class="subtitle">${e(totalsSummary(view))} · ${e(settingsSummary(view))}</p>
</header>
<main>
${repositoriesSection(view)}${peopleSection(view)}${departedSection(view)}${failuresSection(view)}${warningsSection(view)}</main>
<footer>busfactor ${e(view.tool.version)} · organisation view, schemaVersion ${view.schemaVersion}: this page loads nothing from anywhere. <code>--format json</code> has every figure.</footer>
</body>
</html>
`;
}

function repositoriesSection(view: OrgView): string {
  if (view.repositories.length === 0) return '';
  const rows = view.repositories.map(
    (repository) =>
      `<tr><td class="n">${risk(repository.activeBusFactor)}</td><td class="n">${risk(repository.busFactor)}</td><td class="n">${e(lostText(repository.lost))}</td><td class="n">${count(repository.files)}</td><td class="n">${count(repository.commits)}</td><td>${e(repository.name)}</td><td>${keyPeopleHtml(repository.keyPeople)}</td></tr>`,
  );
  const headings: Heading[] = [['active', 'n'], ['BF', 'n'], ['lost', 'n'], ['files', 'n'], ['commits', 'n'], ['repository'], ['key people']];
  return tableSection('Repositories by risk', headings, rows, `<p class="legend">${e(ORDER_LEGEND)}</p>\n`);
}

function peopleSection(view: OrgView): string {
  if (view.people.length === 0) return '';
  const rows = view.people.map((person) => {
    const where = person.repositories.map((entry) => `${name(entry.repository, entry.departed)} (${count(entry.files)}${entry.key ? ', key' : ''})`);
    return `<tr><td class="n">${count(person.keyIn)}</td><td class="n">${count(person.activeKeyIn)}</td><td class="n">${count(person.files)}</td><td>${e(person.name || person.id)}<br><small>${e(person.emails.slice(0, 3).join(', '))}</small></td><td>${listHtml(where)}</td></tr>`;
  });
  return tableSection('Key people across repositories', [['key in', 'n'], ['active', 'n'], ['files', 'n'], ['person'], ['repositories (files; † departed there)']], rows);
}

function departedSection(view: OrgView): string {
  if (view.departed.length === 0) return '';
  const rows = view.departed.map((holder) => {
    const where = holder.repositories.map((entry) => `${e(entry.repository)} (${count(entry.files)}${entry.key ? ', key' : ''})`);
    return `<tr><td class="n">${count(holder.files)}</td><td class="n">${count(holder.keyIn)}</td><td>${e(holder.name || holder.person)}</td><td>${listHtml(where)}</td><td>${listHtml(holder.activeIn.map(e)) || '-'}</td></tr>`;
  });
  return tableSection('Departed, still holding knowledge', [['files', 'n'], ['key in', 'n'], ['person'], ['departed from (files)'], ['still here in']], rows);
}

function failuresSection(view: OrgView): string {
  if (view.failures.length === 0) return '';
  const items = view.failures.map((failure) => `<li><strong class="failed">${e(failure.repository)}</strong>: ${e(failure.error)}${failure.source === failure.repository ? '' : ` <small>(${e(failure.source)})</small>`}</li>`);
  return `<section><h2>Failed (${count(view.failures.length)})</h2>
<ul>
${items.join('\n')}
</ul>
</section>
`;
}

function warningsSection(view: OrgView): string {
  const items = [
    ...view.warnings.map((warning) => `<li>${e(warning.message)}</li>`),
    ...view.repositories.flatMap((repository) => repository.warnings.map((warning) => `<li><strong>${e(repository.name)}</strong>: ${e(warning.message)}</li>`)),
  ];
  if (items.length === 0) return '';
  return `<section><h2>Warnings</h2>
<ul>
${items.join('\n')}
</ul>
</section>
`;
}
