import { byRisk } from '../report/by-risk.js';
import { excludedCounts } from './excluded-counts.js';
import { beforeAfter, count, percent, plural, riskLevel } from '../format.js';
import type { KeyPerson, LineShare, ModuleReport, Report } from '../report/report.js';
import { stewardshipLines, stewardshipWhatIfLine } from './render-stewardship.js';
import { sanitizeForTerminal as safe } from './sanitize.js';
import type { RenderOptions } from './renderers.js';
import type { Style } from './style.js';
import { formatTable, type Column } from './table.js';

export type TextOptions = RenderOptions;

export { byRisk };

/** `Name †` for a person who has departed (the legend under the tables says what † means). */
function personLabel(report: Report, person: { id: string; name: string; email: string }): string {
  const departed = report.people.find((p) => p.id === person.id)?.departed ?? false;
  return `${safe(person.name || person.email)}${departed ? ' †' : ''}`;
}

/** `1 !` marks the riskiest modules without colour, for logs and colour-blind readers. */
function busFactorCell(busFactor: number): string {
  return busFactor <= 1 ? `${busFactor} !` : `${busFactor}  `;
}

function keyPeopleCell(report: Report, people: readonly KeyPerson[]): string {
  if (people.length === 0) return '(nobody authors half of it)';
  return people.map((person) => `${personLabel(report, person)} (${percent(person.share)})`).join(', ');
}

/** The two largest line owners of a module, `Alice 62%, Bob 20%`. */
function lineOwnersCell(owners: readonly LineShare[] | undefined): string {
  if (!owners || owners.length === 0) return '-';
  return owners
    .slice(0, 2)
    .map((owner) => `${safe(owner.name || owner.email)} ${percent(owner.share)}`)
    .join(', ');
}

/** Repository-wide line ownership and the largest knowledge islands. */
function lineOwnershipLines(report: Report, style: Style): string[] {
  const ownership = report.lineOwnership;
  if (!ownership) return [];
  const owners = ownership.owners.slice(0, 5).map((o) => `${safe(o.name || o.email)} ${percent(o.share)}`);
  const modules = ownership.islands.filter((island) => island.kind === 'module');
  const files = ownership.islands.filter((island) => island.kind === 'file');
  const nameOf = (id: string) => safe(report.people.find((p) => p.id === id)?.name ?? id);
  return [
    `${style.paint('bold', 'Surviving lines')}: ${count(ownership.lines)} — ${owners.join(', ') || 'no owners'}`,
    ...(modules.length > 0 ? [`  knowledge islands (one person owns ≥ 90 % of the lines): ${modules.slice(0, 6).map((i) => `${safe(i.path)} (${nameOf(i.owner)})`).join(', ')}${modules.length > 6 ? ` and ${modules.length - 6} more modules` : ''}`] : []),
    ...(files.length > 0 ? [`  ${plural(files.length, 'file')} of ≥ 20 lines with one owner of ≥ 90 % (largest: ${files.slice(0, 3).map((i) => `${safe(i.path)} ${nameOf(i.owner)}`).join(', ')})`] : []),
    '',
  ];
}

function header(report: Report, style: Style): string[] {
  const scope = report.repository.scope ? ` ${safe(report.repository.scope)}` : '';
  const rev = report.revision === 'HEAD' ? '' : ` (${safe(report.revision)})`;
  return [
    `${style.paint('bold', safe(report.repository.name))}${scope} @ ${report.head.slice(0, 12)}${rev} · ${count(report.totals.commits)} commits · ${count(report.totals.files)} files · ${count(report.totals.authors)} authors · ${report.algorithm === 'recency' ? 'recency model' : 'AVL'}`,
    // A URL: what was analysed (docs/remote.md), without any secret.
    ...(report.source ? [`from ${safe(report.source.url)}`] : []),
    '',
  ];
}

function summary(report: Report, style: Style): string[] {
  const { busFactor, keyPeople, totals } = report;
  const headline = `Bus factor: ${style.paint(['bold', riskLevel(busFactor)], String(busFactor))}`;
  if (totals.files === 0) return [headline, '  no files to analyse (see "Excluded" below)', ''];
  const lost = 1 - report.coverage;
  const explanation =
    busFactor === 0
      ? `  fewer than half of the ${count(totals.files)} files have an author (${percent(totals.authoredFiles / totals.files)} do)`
      : `  if ${busFactor === 1 ? 'this person leaves' : `these ${busFactor} people leave`}, ${percent(lost)} of the ${count(totals.files)} files are left without an author`;
  return [headline, explanation, ...activeLines(report, style), ''];
}

/** The active bus factor and what is already lost (docs/algorithms.md §6). */
function activeLines(report: Report, style: Style): string[] {
  const departed = report.people.filter((person) => person.departed && person.filesAuthored > 0).length;
  const since = report.referenceTime ? ` before ${report.referenceTime.slice(0, 10)}` : '';
  const active = `Active bus factor: ${style.paint(['bold', riskLevel(report.activeBusFactor)], String(report.activeBusFactor))} (counting only people still here; ${plural(departed, 'author')} departed: no commit, merge, release or review in the ${safe(report.settings.departedAfter)}${since}, or listed in the config)`;
  const lost = report.lost.files > 0 ? [`Knowledge already lost: ${plural(report.lost.files, 'file')} (${percent(report.lost.share)}) whose every author has departed`] : [];
  return [active, ...lost];
}

function keyPeopleTable(report: Report, options: TextOptions): string[] {
  if (report.keyPeople.length === 0) return [];
  const rows = [['', 'Key people', 'files', 'share'], ...report.keyPeople.map((p, i) => [`${i + 1}.`, personLabel(report, p), count(p.files), percent(p.share)])];
  const lines = formatTable(rows, [{ align: 'right' }, { align: 'left', maxWidth: 40 }, { align: 'right' }, { align: 'right' }], (row, _c, text) =>
    row === 0 ? options.style.paint('bold', text) : text,
  );
  return [...lines.map((line) => `  ${line}`), ''];
}

/** Section titles per module kind, in the order the sections are printed. */
const KIND_TITLES: readonly [ModuleReport['kind'], (report: Report) => string, string][] = [
  ['directory', (report) => `Modules by risk (folders to depth ${report.settings.depth}, at least ${report.settings.minFiles} files)`, 'module'],
  ['workspace', () => 'Workspaces by risk', 'workspace'],
  ['config', () => 'Configured modules by risk', 'module'],
  ['codeowners', (report) => `CODEOWNERS rules by risk (${safe(report.codeowners?.file ?? 'CODEOWNERS')})`, 'rule'],
];

/** `--modules` names → the kinds they give (auto gives directories at least). */
const KIND_OF_NAME: Readonly<Record<string, ModuleReport['kind']>> = { auto: 'directory', dirs: 'directory', workspaces: 'workspace', config: 'config', codeowners: 'codeowners' };

/** The modules of each kind present, riskiest first; a kind asked for but empty says "none". */
function modulesTables(report: Report, options: TextOptions): string[] {
  const asked = new Set(report.settings.moduleKinds.map((name) => KIND_OF_NAME[name]));
  const lines: string[] = [];
  for (const [kind, title, column] of KIND_TITLES) {
    const modules = report.modules.filter((module) => module.kind === kind);
    if (modules.length === 0 && !asked.has(kind)) continue;
    lines.push(...modulesTable(report, modules, title(report), column, options));
  }
  return lines;
}

function modulesTable(report: Report, modules: readonly ModuleReport[], title: string, column: string, options: TextOptions): string[] {
  if (modules.length === 0) return [options.style.paint('bold', title), '  none', ''];
  const sorted = [...modules].sort(byRisk);
  const withLines = report.lineOwnership !== undefined;
  const withOwners = sorted.some((module) => module.owners !== undefined);
  const header = ['BF', 'active', 'files', 'lost', column, ...(withOwners ? ['owners'] : []), 'key people', ...(withLines ? ['top line owners'] : [])];
  const label = (m: ModuleReport) => safe(m.kind === 'workspace' && m.path !== undefined && m.path !== m.name ? `${m.name} (${m.path})` : m.name);
  const lostCell = (m: ModuleReport) => (m.lostFiles === 0 ? '-' : m.lostFiles === m.files ? 'all' : percent(m.lostFiles / m.files));
  const rows = [
    header,
    ...sorted.map((m) => [busFactorCell(m.busFactor), busFactorCell(m.activeBusFactor), count(m.files), lostCell(m), label(m), ...(withOwners ? [safe((m.owners ?? []).join(' ') || '(none)')] : []), keyPeopleCell(report, m.keyPeople), ...(withLines ? [lineOwnersCell(m.lineOwners)] : [])]),
  ];
  // On a terminal, long paths and people lists are cut so every row stays on one line.
  const pathWidth = options.width ? Math.max(16, Math.floor(options.width * (withLines ? 0.25 : 0.35))) : undefined;
  const rest = options.width && pathWidth ? options.width - pathWidth - 34 : undefined;
  const peopleWidth = rest ? Math.max(16, withLines || withOwners ? Math.floor(rest / 2) : rest) : undefined;
  const columns: Column[] = [
    { align: 'right' },
    { align: 'right' },
    { align: 'right' },
    { align: 'right' },
    { align: 'left', maxWidth: pathWidth },
    ...(withOwners ? [{ align: 'left', maxWidth: peopleWidth } as const] : []),
    { align: 'left', maxWidth: peopleWidth },
    ...(withLines ? [{ align: 'left', maxWidth: peopleWidth } as const] : []),
  ];
  const lines = formatTable(rows, columns, (row, col, text) => {
    if (row === 0) return options.style.paint('bold', text);
    const module = sorted[row - 1];
    if (col === 0 && module) return options.style.paint(riskLevel(module.busFactor), text);
    return col === 1 && module ? options.style.paint(riskLevel(module.activeBusFactor), text) : text;
  });
  const legend = report.people.some((person) => person.departed) ? ['  † departed · active = bus factor over people still here · lost = files whose every author has departed'] : [];
  return [options.style.paint('bold', title), ...lines.map((line) => `  ${line}`), ...legend, ''];
}

/** Successors shown per module, and modules shown, in the text output. */
const SUCCESSORS_SHOWN = 3;
const SUCCESSOR_MODULES_SHOWN = 8;

/** Who could take over the riskiest modules (active bus factor 0 or 1). */
function successorLines(report: Report, style: Style): string[] {
  const modules = report.modules.filter((module) => module.successors && module.successors.length > 0).sort(byRisk);
  if (modules.length === 0) return [];
  const lines = [style.paint('bold', 'Who could take over (modules with active bus factor 0 or 1)')];
  for (const module of modules.slice(0, SUCCESSOR_MODULES_SHOWN)) {
    const people = (module.successors ?? []).slice(0, SUCCESSORS_SHOWN).map((s) => {
      const evidence = [`knowledge ${percent(s.knowledge)}`, ...(s.recentChanges > 0 ? [plural(s.recentChanges, 'recent change')] : []), ...(s.lines !== undefined && s.lines > 0 ? [`${count(s.lines)} lines`] : [])];
      return `${safe(s.name || s.email)} (${evidence.join(', ')})`;
    });
    lines.push(`  ${safe(module.name)} (active ${module.activeBusFactor}): ${people.join(', ')}`);
  }
  if (modules.length > SUCCESSOR_MODULES_SHOWN) lines.push(`  … and ${modules.length - SUCCESSOR_MODULES_SHOWN} more modules (--json lists them all)`);
  return [...lines, ''];
}

/** `--without`: what changes if those people leave. */
function whatIfLines(report: Report, style: Style): string[] {
  const whatIf = report.whatIf;
  if (!whatIf) return [];
  const who = whatIf.without.map((person) => safe(person.name || person.id)).join(', ');
  const changed = whatIf.modules.filter((module) => module.busFactor.before !== module.busFactor.after || module.activeBusFactor.before !== module.activeBusFactor.after);
  const nameOf = new Map(report.modules.map((module) => [module.id, module.name]));
  const lines = [
    style.paint('bold', `What if ${who} ${whatIf.without.length === 1 ? 'leaves' : 'leave'}`),
    `  bus factor ${beforeAfter(whatIf.busFactor)}, active bus factor ${beforeAfter(whatIf.activeBusFactor)}`,
    ...stewardshipWhatIfLine(report),
  ];
  if (changed.length === 0) lines.push('  no module\'s bus factor changes');
  for (const module of changed.slice(0, 20)) lines.push(`  ${safe(nameOf.get(module.id) ?? module.id)}: ${beforeAfter(module.busFactor)}, active ${beforeAfter(module.activeBusFactor)}`);
  if (changed.length > 20) lines.push(`  … and ${changed.length - 20} more modules (--json lists them all)`);
  return [...lines, ''];
}

/** Most findings shown per drift kind; the rest are counted. */
const DRIFT_SHOWN = 10;

/** Where CODEOWNERS and the history disagree. */
function codeownersDrift(report: Report, style: Style): string[] {
  const codeowners = report.codeowners;
  if (!codeowners) return [];
  const nameOf = (id: string) => safe(report.people.find((p) => p.id === id)?.name || id);
  const lines = [style.paint('bold', `CODEOWNERS drift (${safe(codeowners.file)})`)];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`  ${title}:`, ...items.slice(0, DRIFT_SHOWN).map((item) => `    ${item}`));
    if (items.length > DRIFT_SHOWN) lines.push(`    … and ${items.length - DRIFT_SHOWN} more`);
  };
  const drift = codeowners.drift;
  section('owners who author none of their files', drift.flatMap((d) => (d.kind === 'owner-without-knowledge' ? [`${safe(d.rule)} (line ${d.line}): ${safe(d.owner)} = ${nameOf(d.person)}`] : [])));
  section('key people who are not owners', drift.flatMap((d) => (d.kind === 'key-person-not-owner' ? [`${safe(d.rule)} (line ${d.line}): ${safe(d.name)}, ${plural(d.files, 'file')}${d.unverifiable ? ' (the rule names teams or unmatched owners: unverifiable)' : ''}`] : [])));
  for (const d of drift) if (d.kind === 'unowned') lines.push(`  ${plural(d.files, 'counted file')} no rule owns (first: ${d.paths.slice(0, 3).map(safe).join(', ')})`);
  const idle = codeowners.rules.filter((rule) => rule.files === 0);
  if (idle.length > 0) lines.push(`  ${plural(idle.length, 'rule')} ${idle.length === 1 ? 'owns' : 'own'} no counted file: ${idle.slice(0, 5).map((rule) => `${safe(rule.pattern)} (line ${rule.line})`).join(', ')}${idle.length > 5 ? ', …' : ''}`);
  const unmatched = codeowners.owners.filter((owner) => owner.person === undefined);
  if (unmatched.length > 0) {
    const teams = unmatched.filter((owner) => owner.type === 'team').map((owner) => safe(owner.owner));
    const others = unmatched.filter((owner) => owner.type !== 'team').map((owner) => safe(owner.owner));
    if (teams.length > 0) lines.push(`  teams (not expanded offline): ${teams.join(', ')}`);
    if (others.length > 0) lines.push(`  owners matched to nobody in the history (add them to "aliases"): ${others.join(', ')}`);
  }
  if (lines.length === 1) lines.push('  none: every owner authors files of their rules, every key person is an owner');
  return [...lines, ''];
}

function excludedLine(report: Report): string[] {
  const parts = excludedCounts(report.excluded).map(([reason, n]) => `${count(n)} ${reason}`);
  return parts.length === 0 ? [] : [`Excluded: ${parts.join(', ')}`];
}

function warningLines(report: Report, style: Style): string[] {
  return report.warnings.map((warning) => style.paint('yellow', `warning: ${safe(warning.message)}`));
}

/** The human summary: repository bus factor and key people, then modules riskiest first, then who runs the project. */
export function renderText(report: Report, options: TextOptions): string {
  const lines = [
    ...header(report, options.style),
    ...summary(report, options.style),
    ...keyPeopleTable(report, options),
    ...whatIfLines(report, options.style),
    ...modulesTables(report, options),
    ...successorLines(report, options.style),
    ...codeownersDrift(report, options.style),
    ...lineOwnershipLines(report, options.style),
    ...stewardshipLines(report, options),
    ...excludedLine(report),
    ...warningLines(report, options.style),
  ];
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
