import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { ScopeScore } from '../../report/what-if.js';
import { count, riskLevel } from '../../format.js';
import { activeCell, bar, busFactorCell, DEPARTED_MARK, fit, fitWithMarker, type Segment } from './cells.js';
import type { ModuleColumns } from './layout.js';
import type { TreeRow } from './visible-rows.js';

/** Share of the folder's files its top key person authors: what the tree's bar shows. */
export function concentration(score: ScopeScore | undefined): number {
  return score?.keyPeople[0]?.share ?? 0;
}

/** What one row of the tree shows besides its node: its scores, as scanned and under what-if. */
export interface RowScores {
  readonly base: ScopeScore | undefined;
  readonly now: ScopeScore | undefined;
  /** Active bus factor (departed people gone), as scanned and with the marks. */
  readonly activeBase: ScopeScore | undefined;
  readonly activeNow: ScopeScore | undefined;
  /** Every counted file of the row is lost (lost-files.ts). */
  readonly allLost: boolean;
}

/**
 * One row of the module tree: `› 3→1!   2→0!    12  ████░  ▾ lib/router   Douglas Wilson †`.
 * `departed` says whether a person id has departed (their name gets the †).
 */
export function moduleRowSegments(row: TreeRow, scores: RowScores, columns: ModuleColumns, selected: boolean, departed: (id: string) => boolean = () => false): Segment[] {
  const { now } = scores;
  const before = scores.base?.busFactor ?? 0;
  const after = now?.busFactor ?? 0;
  const activeBefore = scores.activeBase?.busFactor ?? 0;
  const activeAfter = scores.activeNow?.busFactor ?? 0;
  const { node } = row;
  const fold = node.children.length === 0 ? '  ' : row.expanded ? '▾ ' : '▸ ';
  const indent = '  '.repeat(node.depth);
  const top = now?.keyPeople[0];
  return [
    { text: selected ? '›' : ' ' },
    { text: fit(busFactorCell(before, after), columns.busFactor, 'right'), color: riskLevel(after), bold: before !== after },
    { text: ' ' },
    { text: fit(activeCell(activeBefore, activeAfter, scores.allLost), columns.active, 'right'), color: riskLevel(activeAfter), bold: activeBefore !== activeAfter },
    { text: ` ${fit(count(node.files.length), columns.files, 'right')}  ` },
    { text: bar(concentration(now), columns.bar), color: 'cyan' },
    { text: `  ${fit(indent + fold + safe(node.name), columns.module)}  ` },
    { text: top ? fitWithMarker(safe(top.name || top.email), departed(top.id) ? DEPARTED_MARK : '', columns.person) : '—', dim: !top },
  ];
}

/** The column headings above the tree (the last one shorter where the column is narrow, at 60 columns). */
export function moduleHeading(columns: ModuleColumns): Segment[] {
  const person = columns.person >= 'top key person'.length ? 'top key person' : 'key person';
  const text = ` ${fit('BF', columns.busFactor, 'right')} ${fit('active', columns.active, 'right')} ${fit('files', columns.files, 'right')}  ${fit('top', columns.bar)}  ${fit('module', columns.module)}  ${person}`;
  return [{ text, bold: true }];
}
