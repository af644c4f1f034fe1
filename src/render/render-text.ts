import { compareText } from '../compare-text.js';
import { count, percent, plural, riskLevel } from '../format.js';
import type { KeyPerson, LineShare, ModuleReport, Report } from '../report/report.js';
import { sanitizeForTerminal as safe } from './sanitize.js';
import type { Style } from './style.js';
import { formatTable, type Column } from './table.js';

export interface TextOptions {
  readonly style: Style;
  /** Terminal width for truncating long cells; undefined when printing to a pipe (no truncation). */
  readonly width: number | undefined;
}


/** Riskiest first: bus factor ascending, then larger modules, then path. */
export function byRisk(a: ModuleReport, b: ModuleReport): number {
  return a.busFactor - b.busFactor || b.files - a.files || compareText(a.path, b.path);
}

/** `1 !` marks the riskiest modules without colour, for logs and colour-blind readers. */
function busFactorCell(busFactor: number): string {
  return busFactor <= 1 ? `${busFactor} !` : `${busFactor}  `;
}

function keyPeopleCell(people: readonly KeyPerson[]): string {
  if (people.length === 0) return '(nobody authors half of it)';
  return people.map((person) => `${safe(person.name || person.email)} (${percent(person.share)})`).join(', ');
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
    `${style.paint('bold', safe(report.repository.name))}${scope} @ ${report.head.slice(0, 12)}${rev} · ${count(report.totals.commits)} commits · ${count(report.totals.files)} files · ${count(report.totals.authors)} authors · AVL`,
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
  return [headline, explanation, ''];
}

function keyPeopleTable(report: Report, options: TextOptions): string[] {
  if (report.keyPeople.length === 0) return [];
  const rows = [['', 'Key people', 'files', 'share'], ...report.keyPeople.map((p, i) => [`${i + 1}.`, safe(p.name || p.email), count(p.files), percent(p.share)])];
  const lines = formatTable(rows, [{ align: 'right' }, { align: 'left', maxWidth: 40 }, { align: 'right' }, { align: 'right' }], (row, _c, text) =>
    row === 0 ? options.style.paint('bold', text) : text,
  );
  return [...lines.map((line) => `  ${line}`), ''];
}

function modulesTable(report: Report, options: TextOptions): string[] {
  const { depth, minFiles } = report.settings;
  const title = `Modules by risk (folders to depth ${depth}, at least ${minFiles} files)`;
  if (report.modules.length === 0) return [options.style.paint('bold', title), '  none', ''];
  const modules = [...report.modules].sort(byRisk);
  const withLines = report.lineOwnership !== undefined;
  const header = ['BF', 'files', 'module', 'key people', ...(withLines ? ['top line owners'] : [])];
  const rows = [
    header,
    ...modules.map((m) => [busFactorCell(m.busFactor), count(m.files), safe(m.path), keyPeopleCell(m.keyPeople), ...(withLines ? [lineOwnersCell(m.lineOwners)] : [])]),
  ];
  // On a terminal, long paths and people lists are cut so every row stays on one line.
  const pathWidth = options.width ? Math.max(16, Math.floor(options.width * (withLines ? 0.25 : 0.35))) : undefined;
  const rest = options.width && pathWidth ? options.width - pathWidth - 20 : undefined;
  const peopleWidth = rest ? Math.max(16, withLines ? Math.floor(rest / 2) : rest) : undefined;
  const columns: Column[] = [
    { align: 'right' },
    { align: 'right' },
    { align: 'left', maxWidth: pathWidth },
    { align: 'left', maxWidth: peopleWidth },
    ...(withLines ? [{ align: 'left', maxWidth: peopleWidth } as const] : []),
  ];
  const lines = formatTable(rows, columns, (row, column, text) => {
    if (row === 0) return options.style.paint('bold', text);
    const module = modules[row - 1];
    return column === 0 && module ? options.style.paint(riskLevel(module.busFactor), text) : text;
  });
  return [options.style.paint('bold', title), ...lines.map((line) => `  ${line}`), ''];
}

function excludedLine(report: Report): string[] {
  const parts = Object.entries(report.excluded)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([reason, n]) => `${count(n ?? 0)} ${reason}`);
  return parts.length === 0 ? [] : [`Excluded: ${parts.join(', ')}`];
}

function warningLines(report: Report, style: Style): string[] {
  return report.warnings.map((warning) => style.paint('yellow', `warning: ${safe(warning.message)}`));
}

/** The human summary: repository bus factor and key people, then modules riskiest first. */
export function renderText(report: Report, options: TextOptions): string {
  const lines = [
    ...header(report, options.style),
    ...summary(report, options.style),
    ...keyPeopleTable(report, options),
    ...modulesTable(report, options),
    ...lineOwnershipLines(report, options.style),
    ...excludedLine(report),
    ...warningLines(report, options.style),
  ];
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
