import { compareText } from '../../compare-text.js';
import { beforeAfter, count, percent, plural } from '../../format.js';
import type { BeforeAfter, CodeownersDrift, KeyPerson, ModuleReport, Report, ReportPerson, StewardshipActivity } from '../../report/report.js';
import { STEWARDSHIP_KINDS } from '../../report/report.js';
import { excludedCounts } from '../excluded-counts.js';
import { clipData, escapeMarkdownCell, escapeMarkdownText, MARKDOWN_COMMENT_LIMIT } from '../escape-markdown.js';
import { byRisk } from '../render-text.js';

/**
 * `busfactor report --format md`: the consultant report as one Markdown document, for a wiki page
 * or a pull-request comment. A pure function of the report (no clock: the caller adds the date).
 * With `--without` (`report.whatIf`) a "What if … leave" section follows the summary: every bus
 * factor before → after, and the modules that change.
 * Every piece of repository data (names, emails, paths, module names, tags, warnings) goes through
 * `escape-markdown.ts`. GitHub refuses a comment over 65,536 characters, so the document stays
 * under {@link MAX_LENGTH}: the tables are capped at {@link MAX_MODULE_ROWS} and
 * {@link MAX_PEOPLE_ROWS} rows, long data is clipped, and when that is not enough rows are dropped
 * until it fits; a line says each time what was left out.
 */
export const MAX_LENGTH = MARKDOWN_COMMENT_LIMIT;
export const MAX_MODULE_ROWS = 50;
export const MAX_PEOPLE_ROWS = 50;
/** Widest module bar, in `█`. */
export const BAR_WIDTH = 20;
/** Longest piece of repository data shown, in characters (code points) before escaping. */
const MAX_DATA = 80;
const MAX_MESSAGE = 300;
const KEY_PEOPLE_SHOWN = 3;
const SUCCESSORS_SHOWN = 3;
const RISKIEST_SHOWN = 3;
const LINE_OWNERS_SHOWN = 10;
const DRIFT_SHOWN = 10;
const WARNINGS_SHOWN = 20;
const GLOBS_SHOWN = 20;

export interface ReportMarkdownOptions {
  readonly title: string;
}

export function renderReportMarkdown(report: Report, options: ReportMarkdownOptions): string {
  const departed = new Set(report.people.filter((person) => person.departed).map((person) => person.id));
  const modules = [...report.modules].sort(byRisk);
  const people = [...report.people].sort(byAuthorship);
  const largest = modules.reduce((max, module) => Math.max(max, module.files), 0);
  const kinds = kindCount(modules);
  const moduleRows = modules.slice(0, MAX_MODULE_ROWS).map((module) => moduleRow(module, departed, largest, kinds));
  const peopleRows = people.slice(0, MAX_PEOPLE_ROWS).map(personRow);
  const changed = changedModules(report);
  const whatIfRows = changed.slice(0, MAX_MODULE_ROWS).map((change) => whatIfRow(change, kinds));

  const before = [...header(report, options.title), ...summary(report, modules, departed)];
  const after = [...lineOwnership(report), ...codeownersDrift(report), ...method(report)];
  const assemble = (shown: Shown, cut: boolean): string[] => [
    ...before,
    ...whatIfSection(report, changed, whatIfRows.slice(0, shown.whatIf)),
    ...modulesSection(report, modules, moduleRows.slice(0, shown.modules)),
    ...peopleSection(people, peopleRows.slice(0, shown.people)),
    ...after,
    ...(cut ? ['', `_Rows cut to stay under ${count(MAX_LENGTH)} characters: \`--format json\` has everything._`] : []),
  ];

  // Within the budget, drop rows from the longest table first until the document fits.
  const shown: Shown = { whatIf: whatIfRows.length, modules: moduleRows.length, people: peopleRows.length };
  let lines = assemble(shown, false);
  if (length(lines) > MAX_LENGTH) {
    lines = assemble(shown, true);
    while (length(lines) > MAX_LENGTH && shown.whatIf + shown.modules + shown.people > 0) {
      const longest = (['modules', 'people', 'whatIf'] as const).reduce((a, b) => (shown[b] > shown[a] ? b : a));
      shown[longest] -= 1;
      lines = assemble(shown, true);
    }
  }
  return bounded(lines);
}

/** Rows shown of each table. */
interface Shown {
  whatIf: number;
  modules: number;
  people: number;
}

const length = (lines: readonly string[]): number => lines.reduce((total, line) => total + line.length + 1, 0);

/** The last resort (huge settings lists, warnings): whole lines up to the budget, then a notice. */
function bounded(lines: readonly string[]): string {
  const notice = ['', `_Cut to stay under ${count(MAX_LENGTH)} characters: \`--format json\` has everything._`];
  if (length(lines) <= MAX_LENGTH) return `${lines.join('\n')}\n`;
  const budget = MAX_LENGTH - length(notice);
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    kept.push(line);
    used += line.length + 1;
  }
  return `${[...kept, ...notice].join('\n')}\n`;
}

const text = (data: string, max = MAX_DATA): string => escapeMarkdownText(clipData(data, max));
const cell = (data: string, max = MAX_DATA): string => escapeMarkdownCell(clipData(data, max));
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const date = (iso: string | null): string => iso?.slice(0, 10) ?? 'undated';

/** Most files authored first, then most commits, then name and id: who knows most, on top. */
function byAuthorship(a: ReportPerson, b: ReportPerson): number {
  return b.filesAuthored - a.filesAuthored || b.commits - a.commits || compareText(a.name, b.name) || compareText(a.id, b.id);
}

function personName(person: { readonly name: string; readonly id: string; readonly email?: string; readonly emails?: readonly string[] }): string {
  return person.name || person.email || person.emails?.[0] || person.id;
}

const ALGORITHMS: Readonly<Record<Report['algorithm'], string>> = {
  avl: 'AVL model (Avelino et al., degree of authorship)',
  recency: 'recency model (JetBrains, recency-weighted authorship)',
};

function header(report: Report, title: string): string[] {
  const scope = report.repository.scope ? ` (folder **${text(report.repository.scope)}**)` : '';
  const revision = report.revision === 'HEAD' ? '' : ` (${text(report.revision)})`;
  const commit = report.head.slice(0, 12).replace(/[^0-9a-f]/gi, '');
  return [
    `# ${text(title, 200)}`,
    '',
    `Repository **${text(report.repository.name)}**${report.source ? ` (${text(report.source.url)})` : ''}${scope} at commit \`${commit}\`${revision} of ${date(report.headTime)}, ${ALGORITHMS[report.algorithm]}.`,
  ];
}

/** `Bob Baker (40%), Alice Archer (30%, departed)`. */
function keyPeopleText(people: readonly KeyPerson[], departed: ReadonlySet<string>, escape: (data: string) => string): string {
  if (people.length === 0) return 'nobody authors half of the files';
  const shown = people.slice(0, KEY_PEOPLE_SHOWN).map((person) => `${escape(personName(person))} (${percent(person.share)}${departed.has(person.id) ? ', departed' : ''})`);
  if (people.length > KEY_PEOPLE_SHOWN) shown.push(`${count(people.length - KEY_PEOPLE_SHOWN)} more`);
  return shown.join(', ');
}

function activityText(activity: StewardshipActivity): string {
  if (!activity.present || activity.busFactor === null) return 'absent';
  return `${activity.busFactor} (active ${activity.activeBusFactor ?? 0})`;
}

function moduleLabel(module: ModuleReport, kinds: number): string {
  const name = module.kind === 'workspace' && module.path !== undefined && module.path !== module.name ? `${module.name} (${module.path})` : module.name;
  return kinds > 1 ? `${name} [${module.kind}]` : name;
}

const kindCount = (modules: readonly ModuleReport[]): number => new Set(modules.map((module) => module.kind)).size;

function summary(report: Report, modules: readonly ModuleReport[], departed: ReadonlySet<string>): string[] {
  const { totals, lost, stewardship } = report;
  const lines = ['', '## Summary', ''];
  const without = report.busFactor === 0
    ? `fewer than half of the ${plural(totals.files, 'file')} have an author (${percent(totals.files === 0 ? 0 : totals.authoredFiles / totals.files)} do)`
    : `${keyPeopleText(report.keyPeople, departed, text)}; if ${report.busFactor === 1 ? 'this person leaves' : `these ${report.busFactor} people leave`}, ${percent(1 - report.coverage)} of the ${plural(totals.files, 'file')} are left without an author`;
  lines.push(`- **Bus factor ${report.busFactor}**: ${without}.`);
  lines.push(`- **Active bus factor ${report.activeBusFactor}** (counting only people still here)${report.activeKeyPeople.length === 0 ? '' : `: ${keyPeopleText(report.activeKeyPeople, departed, text)}`}.`);
  const single = report.files.filter((file) => file.authors.length === 1).length;
  lines.push(totals.files === 0 ? '- No files to analyse (see Method).' : `- **${percent(single / totals.files)}** of the files (${count(single)} of ${count(totals.files)}) have a single author.`);
  lines.push(lost.files === 0 ? '- No knowledge lost yet: every file has an author still here.' : `- **Knowledge already lost**: ${plural(lost.files, 'file')} (${percent(lost.share)}) whose every author has departed.`);
  const steward = STEWARDSHIP_KINDS.map((kind) => `${kind} ${activityText(stewardship[kind])}`).join(', ');
  lines.push(`- **Stewardship** bus factors (all history, and active: people still here within the last ${text(stewardship.window.age)}): ${steward}.`);
  if (modules.length === 0) {
    lines.push('- No modules.');
    return lines;
  }
  const kinds = kindCount(modules);
  lines.push(`- **Riskiest modules**:`);
  for (const module of modules.slice(0, RISKIEST_SHOWN)) {
    const lostText = module.lostFiles === 0 ? '' : module.lostFiles === module.files ? ', all lost' : `, ${count(module.lostFiles)} lost`;
    const facts = `bus factor ${module.busFactor}, active ${module.activeBusFactor}, ${plural(module.files, 'file')}${lostText}`;
    const successors = module.successors
      ? module.successors.length === 0
        ? `; no successor: nobody ${module.activeBusFactor === 0 ? '' : 'else '}still here has changed its files`
        : `; could take it over: ${module.successors.slice(0, SUCCESSORS_SHOWN).map((successor) => text(personName(successor))).join(', ')}`
      : '';
    lines.push(`  - **${text(moduleLabel(module, kinds))}**: ${facts}${successors}`);
  }
  return lines;
}

/** A module whose bus factor or active bus factor changes with `--without`. */
interface ModuleChange {
  readonly module: ModuleReport;
  readonly busFactor: BeforeAfter;
  readonly activeBusFactor: BeforeAfter;
}

/** The modules `--without` changes, riskiest after first (the order of the modules table, on the after figures). */
function changedModules(report: Report): ModuleChange[] {
  const byId = new Map(report.modules.map((module) => [module.id, module]));
  const changes = (report.whatIf?.modules ?? []).flatMap((change) => {
    const module = byId.get(change.id);
    const moved = change.busFactor.before !== change.busFactor.after || change.activeBusFactor.before !== change.activeBusFactor.after;
    return module && moved ? [{ module, busFactor: change.busFactor, activeBusFactor: change.activeBusFactor }] : [];
  });
  const after = (change: ModuleChange): ModuleReport => ({ ...change.module, busFactor: change.busFactor.after, activeBusFactor: change.activeBusFactor.after });
  return changes.sort((a, b) => byRisk(after(a), after(b)));
}

function whatIfRow(change: ModuleChange, kinds: number): string {
  return row([cell(moduleLabel(change.module, kinds)), count(change.module.files), beforeAfter(change.busFactor), beforeAfter(change.activeBusFactor)]);
}

/** `--without`: every bus factor before → after, right after the summary. */
function whatIfSection(report: Report, changed: readonly ModuleChange[], rows: readonly string[]): string[] {
  const whatIf = report.whatIf;
  if (!whatIf) return [];
  const names = whatIf.without.map((person) => text(person.name || person.id));
  const who = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] as string}`;
  const lines = ['', `## What if ${who} ${names.length === 1 ? 'leaves' : 'leave'}`, ''];
  lines.push(`- **Bus factor**: ${beforeAfter(whatIf.busFactor)}.`, `- **Active bus factor**: ${beforeAfter(whatIf.activeBusFactor)}.`);
  for (const kind of STEWARDSHIP_KINDS) {
    const activity = whatIf.stewardship[kind];
    if (activity) lines.push(`- **Stewardship, ${kind}**: bus factor ${beforeAfter(activity.busFactor)}, active ${beforeAfter(activity.activeBusFactor)}.`);
  }
  lines.push('');
  if (changed.length === 0) return [...lines, "No module's bus factor changes."];
  lines.push('| Module | Files | Bus factor | Active |', '| --- | ---: | ---: | ---: |', ...rows);
  if (rows.length < changed.length) lines.push('', `… and ${count(changed.length - rows.length)} more ${changed.length - rows.length === 1 ? 'module' : 'modules'}, not shown`);
  lines.push('', 'The modules whose bus factor or active bus factor changes, riskiest after first.');
  return lines;
}

function moduleRow(module: ModuleReport, departed: ReadonlySet<string>, largest: number, kinds: number): string {
  const bar = largest === 0 ? '' : '█'.repeat(Math.max(module.files > 0 ? 1 : 0, Math.round((module.files / largest) * BAR_WIDTH)));
  const lostCell = module.lostFiles === 0 ? '—' : module.lostFiles === module.files ? 'all' : `${count(module.lostFiles)} (${percent(module.lostFiles / module.files)})`;
  const name = (data: string) => cell(data, 40);
  const keyPeople = module.keyPeople.length === 0 ? '—' : keyPeopleText(module.keyPeople, departed, name);
  return row([cell(moduleLabel(module, kinds)), count(module.files), String(module.busFactor), String(module.activeBusFactor), lostCell, keyPeople, bar]);
}

function modulesSection(report: Report, modules: readonly ModuleReport[], rows: readonly string[]): string[] {
  const { depth, minFiles } = report.settings;
  const lines = ['', '## Modules by risk', ''];
  if (modules.length === 0) return [...lines, `No modules (folders to depth ${depth} with at least ${plural(minFiles, 'file')}).`];
  lines.push('| Module | Files | Bus factor | Active | Lost | Key people | Size |', '| --- | ---: | ---: | ---: | ---: | --- | --- |', ...rows);
  if (rows.length < modules.length) lines.push('', `… and ${count(modules.length - rows.length)} more ${modules.length - rows.length === 1 ? 'module' : 'modules'}, not shown`);
  lines.push('', 'Active: the bus factor over people still here. Lost: files whose every author has departed. Size: files, to scale.');
  return lines;
}

function personRow(person: ReportPerson): string {
  return row([cell(personName(person)), count(person.commits), count(person.filesAuthored), date(person.lastActiveAt), person.departed ? 'yes' : 'no']);
}

function peopleSection(people: readonly ReportPerson[], rows: readonly string[]): string[] {
  const lines = ['', '## People', ''];
  if (people.length === 0) return [...lines, 'Nobody.'];
  lines.push('| Name | Commits | Files authored | Last active | Departed |', '| --- | ---: | ---: | --- | --- |', ...rows);
  if (rows.length < people.length) lines.push('', `… and ${count(people.length - rows.length)} more ${people.length - rows.length === 1 ? 'person' : 'people'}, not shown`);
  return lines;
}

function lineOwnership(report: Report): string[] {
  const ownership = report.lineOwnership;
  if (!ownership) return [];
  const lines = ['', '## Line ownership', '', `${plural(ownership.lines, 'surviving line')} at the analysed commit.`];
  if (ownership.owners.length === 0) return lines;
  lines.push('', '| Owner | Lines | Share |', '| --- | ---: | ---: |');
  for (const owner of ownership.owners.slice(0, LINE_OWNERS_SHOWN)) lines.push(row([cell(personName(owner)), count(owner.lines), percent(owner.share)]));
  if (ownership.owners.length > LINE_OWNERS_SHOWN) lines.push('', `… and ${count(ownership.owners.length - LINE_OWNERS_SHOWN)} more owners, not shown`);
  return lines;
}

const DRIFT_KINDS: readonly [CodeownersDrift['kind'], string][] = [
  ['owner-without-knowledge', 'owners who author none of their files'],
  ['key-person-not-owner', 'key people who are not owners'],
  ['unowned', 'files no rule owns'],
];

function driftText(report: Report, drift: CodeownersDrift): string {
  const nameOf = (id: string) => report.people.find((person) => person.id === id)?.name || id;
  if (drift.kind === 'owner-without-knowledge') return `${text(drift.rule)} (line ${drift.line}): owner ${text(drift.owner)} (${text(nameOf(drift.person))}) authors none of its files`;
  if (drift.kind === 'key-person-not-owner') {
    return `${text(drift.rule)} (line ${drift.line}): ${text(drift.name || drift.person)} authors ${plural(drift.files, 'file')} but is not an owner${drift.unverifiable ? ' (unverifiable: the rule names teams or unmatched owners)' : ''}`;
  }
  return `${plural(drift.files, 'counted file')} no rule owns${drift.paths.length > 0 ? ` (first: ${drift.paths.slice(0, 3).map((p) => text(p)).join(', ')})` : ''}`;
}

function codeownersDrift(report: Report): string[] {
  const codeowners = report.codeowners;
  if (!codeowners) return [];
  const lines = ['', `## CODEOWNERS drift (${text(codeowners.file)})`, ''];
  const { drift } = codeowners;
  if (drift.length === 0) return [...lines, 'None: every owner authors files of their rules, every key person is an owner, every file has a rule.'];
  for (const [kind, label] of DRIFT_KINDS) {
    const items = drift.filter((d) => d.kind === kind);
    const n = kind === 'unowned' ? items.reduce((total, d) => total + (d.kind === 'unowned' ? d.files : 0), 0) : items.length;
    lines.push(`- ${label}: ${count(n)}`);
  }
  lines.push('', ...drift.slice(0, DRIFT_SHOWN).map((d) => `- ${driftText(report, d)}`));
  if (drift.length > DRIFT_SHOWN) lines.push('', `… and ${count(drift.length - DRIFT_SHOWN)} more findings, not shown`);
  return lines;
}

function globs(list: readonly string[]): string {
  if (list.length === 0) return 'none';
  const shown = list.slice(0, GLOBS_SHOWN).map((glob) => text(glob));
  return `${shown.join(', ')}${list.length > GLOBS_SHOWN ? ` and ${count(list.length - GLOBS_SHOWN)} more` : ''}`;
}

function method(report: Report): string[] {
  const { settings, totals, stewardship } = report;
  const window = stewardship.window.from && stewardship.window.to ? ` (${date(stewardship.window.from)} to ${date(stewardship.window.to)})` : '';
  const commit = report.head.slice(0, 12).replace(/[^0-9a-f]/gi, '');
  const lines = [
    '',
    '## Method',
    '',
    `- Algorithm: ${ALGORITHMS[report.algorithm]}; co-authors: ${settings.coAuthors === 'credit' ? 'credited' : 'ignored'}${settings.includeBots ? '; bots counted as people' : ''}.`,
    `- Departed: no commit, merge, release or review in the ${text(settings.departedAfter)} before the analysed commit, or listed in the config. Stewardship window: the last ${text(settings.stewardshipWindow)}${window}.`,
    `- Modules: ${globs(settings.moduleKinds)}; folders to depth ${settings.depth} with at least ${plural(settings.minFiles, 'file')}.`,
    `- Include: ${globs(settings.include)}. Exclude: ${globs(settings.exclude)}.`,
    `- History: ${plural(totals.commits, 'commit')} up to \`${commit}\` (${date(report.headTime)}); ${plural(totals.files, 'file')} counted; ${count(totals.people)} ${totals.people === 1 ? 'person' : 'people'}, ${count(totals.authors)} of them ${totals.authors === 1 ? 'an author' : 'authors'} of files.${report.repository.shallow ? ' A shallow clone: the history is truncated.' : ''}`,
  ];
  const excluded = excludedCounts(report.excluded).map(([reason, n]) => `${text(reason)} ${count(n)}`);
  lines.push(`- Excluded: ${excluded.length === 0 ? 'nothing' : `${excluded.join(', ')}`}.`);
  if (report.warnings.length > 0) {
    lines.push('- Warnings:');
    for (const warning of report.warnings.slice(0, WARNINGS_SHOWN)) lines.push(`  - ${text(warning.message, MAX_MESSAGE)}`);
    if (report.warnings.length > WARNINGS_SHOWN) lines.push(`  - … and ${count(report.warnings.length - WARNINGS_SHOWN)} more warnings, not shown`);
  }
  // The tool's own name and version, not repository data.
  lines.push(`- Tool: ${report.tool.name} ${report.tool.version.replace(/[^0-9A-Za-z.+-]/g, '')}.`);
  return lines;
}
