import type { StewardshipKind } from '../../report/report.js';
import type { ModuleKind } from './module-tree.js';
import type { SortOrder } from './sort-order.js';

/** The module tree, everyone, or who runs the project (`r`: the stewardship activities). */
export type View = 'modules' | 'people' | 'stewardship';

/** Everything the explorer remembers between key presses; rows are derived from it and the report. */
export interface ExplorerState {
  readonly view: View;
  /** Which kind of module the tree shows (`m` goes to the next). */
  readonly kind: ModuleKind;
  /** In the modules and stewardship views: the tree (the activities), or the detail pane's people. */
  readonly focus: 'tree' | 'detail';
  /** Key of the selected node; undefined right after the filter changed: the first match. */
  readonly selected: string | undefined;
  readonly expanded: ReadonlySet<string>;
  /** Person index under the detail pane's cursor. */
  readonly detailPerson: number | undefined;
  /** Person index under the people view's cursor. */
  readonly selectedPerson: number | undefined;
  /** The stewardship view's selected activity. */
  readonly activity: StewardshipKind;
  /** Person index under the cursor of the stewardship view's people. */
  readonly stewardPerson: number | undefined;
  readonly filters: Readonly<Record<View, string>>;
  /** Typing a filter after `/`. */
  readonly editing: boolean;
  readonly sorts: Readonly<Record<View, SortOrder>>;
  /** Person indices marked as leaving (what-if). */
  readonly leaving: ReadonlySet<number>;
  readonly help: boolean;
}

/**
 * The start: the root selected and open, riskiest first; `leaving` (person indices) marked as
 * leaving — the people of `--without`, so the explorer opens on the what-if the command line asked for.
 */
export function initialState(kind: ModuleKind = 'directory', leaving: ReadonlySet<number> = new Set()): ExplorerState {
  return {
    view: 'modules',
    kind,
    focus: 'tree',
    selected: '',
    expanded: new Set(['']),
    detailPerson: undefined,
    selectedPerson: undefined,
    activity: 'integration',
    stewardPerson: undefined,
    filters: { modules: '', people: '', stewardship: '' },
    editing: false,
    sorts: { modules: 'risk', people: 'risk', stewardship: 'risk' },
    leaving,
    help: false,
  };
}

export function toggle<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const next = new Set(set);
  if (!next.delete(item)) next.add(item);
  return next;
}

/** Index of the row to show as selected: the remembered one if visible, else the first. */
export function cursorOf<T>(rows: readonly T[], matches: (row: T) => boolean): number {
  const found = rows.findIndex(matches);
  return found < 0 ? 0 : found;
}
