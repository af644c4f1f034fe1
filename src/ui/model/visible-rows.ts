import type { ScopeScore } from '../../report/what-if.js';
import type { ModuleNode } from './module-tree.js';
import { compareText } from '../../compare-text.js';
import type { SortOrder } from './sort-order.js';

/** One line of the module tree as shown. */
export interface TreeRow {
  readonly node: ModuleNode;
  readonly expanded: boolean;
}

export interface RowOptions {
  readonly expanded: ReadonlySet<string>;
  /** Case-insensitive substring of what a row can be found by (ModuleNode.search); '' shows everything. */
  readonly filter: string;
  readonly sort: SortOrder;
  /** Current scores (what-if included): risk order follows what the user sees. */
  readonly scores: ReadonlyMap<string, ScopeScore>;
  /** Current active scores (departed and marked people gone); without them risk is the bus factor alone. */
  readonly activeScores?: ReadonlyMap<string, ScopeScore>;
}

/**
 * Riskiest first, as the text output's `byRisk`: active bus factor ascending (what is left among
 * the people still here), then bus factor, then larger, then name.
 */
function comparator(options: RowOptions): (a: ModuleNode, b: ModuleNode) => number {
  const busFactor = (node: ModuleNode) => options.scores.get(node.key)?.busFactor ?? 0;
  const active = (node: ModuleNode) => options.activeScores?.get(node.key)?.busFactor ?? 0;
  const byName = (a: ModuleNode, b: ModuleNode) => compareText(a.name, b.name);
  const bySize = (a: ModuleNode, b: ModuleNode) => b.files.length - a.files.length || byName(a, b);
  if (options.sort === 'name') return byName;
  if (options.sort === 'size') return bySize;
  return (a, b) => active(a) - active(b) || busFactor(a) - busFactor(b) || bySize(a, b);
}

/**
 * The rows of the tree as shown: the root, then the children of every expanded node. With a
 * filter, a node shows when it matches or when something below it does; nodes on the way to a
 * match open by themselves, so every match is visible without key presses.
 */
export function visibleRows(root: ModuleNode, options: RowOptions): TreeRow[] {
  const needle = options.filter.toLowerCase();
  const order = comparator(options);
  const matchesBelow = new Map<string, boolean>();
  const matches = (node: ModuleNode) => node.search.includes(needle);
  const hasMatch = (node: ModuleNode): boolean => {
    const known = matchesBelow.get(node.key);
    if (known !== undefined) return known;
    const found = matches(node) || node.children.some(hasMatch);
    matchesBelow.set(node.key, found);
    return found;
  };
  const rows: TreeRow[] = [];
  const visit = (node: ModuleNode) => {
    const opensForFilter = needle !== '' && node.children.some(hasMatch) && !matches(node);
    const expanded = node.children.length > 0 && (options.expanded.has(node.key) || opensForFilter);
    rows.push({ node, expanded });
    if (!expanded) return;
    const children = needle === '' ? [...node.children] : node.children.filter(hasMatch);
    children.sort(order).forEach(visit);
  };
  visit(root);
  return rows;
}

/**
 * Row index of the selection: the selected node when it is visible, else the first node the
 * filter matches (typing a filter lands on a match), else the root.
 */
export function treeCursor(rows: readonly TreeRow[], selected: string | undefined, filter: string): number {
  const at = selected === undefined ? -1 : rows.findIndex((row) => row.node.key === selected);
  if (at >= 0) return at;
  const needle = filter.toLowerCase();
  const match = needle === '' ? -1 : rows.findIndex((row) => row.node.key !== '' && row.node.search.includes(needle));
  return Math.max(0, match);
}
