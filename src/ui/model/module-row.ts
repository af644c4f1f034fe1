import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { ScopeScore } from '../../report/what-if.js';
import { count, riskLevel } from '../../format.js';
import { bar, busFactorCell, fit, type Segment } from './cells.js';
import type { ModuleColumns } from './layout.js';
import type { TreeRow } from './visible-rows.js';

/** Share of the folder's files its top key person authors: what the tree's bar shows. */
export function concentration(score: ScopeScore | undefined): number {
  return score?.keyPeople[0]?.share ?? 0;
}

/** One row of the module tree: `› 3→1!    12  ████░  ▾ lib/router   Douglas Wilson`. */
export function moduleRowSegments(row: TreeRow, base: ScopeScore | undefined, now: ScopeScore | undefined, columns: ModuleColumns, selected: boolean): Segment[] {
  const before = base?.busFactor ?? 0;
  const after = now?.busFactor ?? 0;
  const { node } = row;
  const fold = node.children.length === 0 ? '  ' : row.expanded ? '▾ ' : '▸ ';
  const indent = '  '.repeat(node.depth);
  const top = now?.keyPeople[0];
  return [
    { text: selected ? '›' : ' ' },
    { text: fit(busFactorCell(before, after), columns.busFactor, 'right'), color: riskLevel(after), bold: before !== after },
    { text: ` ${fit(count(node.files.length), columns.files, 'right')}  ` },
    { text: bar(concentration(now), columns.bar), color: 'cyan' },
    { text: `  ${fit(indent + fold + safe(node.name), columns.module)}  ` },
    { text: top ? safe(top.name || top.email) : '—', dim: !top },
  ];
}

/** The column headings above the tree. */
export function moduleHeading(columns: ModuleColumns): Segment[] {
  const text = ` ${fit('BF', columns.busFactor, 'right')} ${fit('files', columns.files, 'right')}  ${fit('top', columns.bar)}  ${fit('module', columns.module)}  top key person`;
  return [{ text, bold: true }];
}
