import { STEWARDSHIP_KINDS } from '../../report/report.js';
import type { DetailPerson } from './detail-people.js';
import { cursorOf, toggle, type ExplorerState } from './explorer-state.js';
import type { ModuleKind } from './module-tree.js';
import type { PersonRow } from './people-rows.js';
import { nextSortOrder } from './sort-order.js';
import type { StewardRow } from './stewardship-rows.js';
import { treeCursor, type TreeRow } from './visible-rows.js';

/** The parts of Ink's `Key` the explorer reads. */
export interface KeyInfo {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly ctrl?: boolean;
  readonly tab?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly meta?: boolean;
}

/** What is on screen when the key comes: the derived rows the key moves through. */
export interface KeyContext {
  readonly rows: readonly TreeRow[];
  readonly people: readonly PersonRow[];
  readonly detail: readonly DetailPerson[];
  /** Rows one page key moves: the visible height of the list. */
  readonly page: number;
  /** The module kinds the report has, in the order `m` goes through them. */
  readonly kinds: readonly ModuleKind[];
  /** In the stewardship view: the selected activity's people as listed. */
  readonly stewards?: readonly StewardRow[];
}

export type KeyResult = ExplorerState | 'quit';

/**
 * One key press: the explorer's whole key map (README "Terminal explorer"), as a pure function
 * so every binding is testable without a terminal.
 */
export function handleKey(state: ExplorerState, input: string, key: KeyInfo, context: KeyContext): KeyResult {
  if (input === 'c' && key.ctrl) return 'quit';
  if (state.help) return { ...state, help: false };
  if (state.editing) return editFilter(state, input, key, context);
  if (input === 'q') return 'quit';
  if (input === '?') return { ...state, help: true };
  if (input === '/') return { ...state, editing: true };
  if (input === 'p') return { ...state, view: state.view === 'people' ? 'modules' : 'people', focus: 'tree' };
  if (input === 'r') return { ...state, view: state.view === 'stewardship' ? 'modules' : 'stewardship', focus: 'tree' };
  if (input === 's') return { ...state, sorts: { ...state.sorts, [state.view]: nextSortOrder(state.sorts[state.view]) } };
  if (input === 'c') return { ...state, leaving: new Set() };
  if (input === 'm' && state.view === 'modules') return nextKind(state, context);
  if (key.escape) return escape(state, context);
  if (state.view === 'people') return peopleKey(state, input, key, context);
  if (state.view === 'stewardship') return state.focus === 'detail' ? stewardKey(state, input, key, context) : activityKey(state, input, key, context);
  if (state.focus === 'detail') return detailKey(state, input, key, context);
  return treeKey(state, input, key, context);
}

/** Typing after `/`: each change of the tree's filter selects its first match. */
function editFilter(state: ExplorerState, input: string, key: KeyInfo, context: KeyContext): ExplorerState {
  const filter = state.filters[state.view];
  const set = (next: string) => {
    const changed = { ...state, filters: { ...state.filters, [state.view]: next } };
    return state.view === 'modules' && next !== filter ? { ...changed, selected: undefined } : changed;
  };
  if (key.escape) return { ...clearFilter(state, context), editing: false };
  if (key.return) return { ...state, editing: false };
  if (key.backspace || key.delete) return set(filter.slice(0, -1));
  if (key.ctrl || key.meta || key.tab || input === '' || /[\u0000-\u001f\u007f]/.test(input)) return state;
  return set(filter + input);
}

/**
 * Clears the filter of the view. In the tree the selected match stays selected, its folders
 * opened, so the user sees it in place (as a search in an editor).
 */
function clearFilter(state: ExplorerState, context: KeyContext): ExplorerState {
  const cleared = { ...state, filters: { ...state.filters, [state.view]: '' } };
  if (state.view !== 'modules') return cleared;
  const node = context.rows[treeCursor(context.rows, state.selected, state.filters.modules)]?.node;
  if (!node) return cleared;
  const expanded = new Set([...state.expanded, ...node.ancestors]);
  return { ...cleared, selected: node.key, expanded };
}

/** The next kind of module the report has: its tree, from the root, filter kept. */
function nextKind(state: ExplorerState, context: KeyContext): ExplorerState {
  const at = context.kinds.indexOf(state.kind);
  const kind = context.kinds[(at + 1) % context.kinds.length] ?? state.kind;
  return kind === state.kind ? state : { ...state, kind, selected: '', focus: 'tree', expanded: new Set([...state.expanded, '']) };
}

function escape(state: ExplorerState, context: KeyContext): ExplorerState {
  if (state.filters[state.view] !== '') return clearFilter(state, context);
  if (state.view === 'people') return { ...state, view: 'modules' };
  // The stewardship view: out of its people list, then back to the modules.
  if (state.view === 'stewardship' && state.focus === 'tree') return { ...state, view: 'modules' };
  return { ...state, focus: 'tree' };
}

/** New cursor position for a movement key, or undefined when the key is not one. */
function move(input: string, key: KeyInfo, at: number, count: number, page: number): number | undefined {
  const clamp = (n: number) => Math.max(0, Math.min(count - 1, n));
  if (input === 'j' || key.downArrow) return clamp(at + 1);
  if (input === 'k' || key.upArrow) return clamp(at - 1);
  if (input === 'g' || key.home) return 0;
  if (input === 'G' || key.end) return clamp(count - 1);
  if (key.pageDown || (key.ctrl && (input === 'f' || input === 'd'))) return clamp(at + Math.max(1, page));
  if (key.pageUp || (key.ctrl && (input === 'b' || input === 'u'))) return clamp(at - Math.max(1, page));
  return undefined;
}

function treeKey(state: ExplorerState, input: string, key: KeyInfo, context: KeyContext): ExplorerState {
  const { rows } = context;
  const at = treeCursor(rows, state.selected, state.filters.modules);
  const row = rows[at];
  if (!row) return state;
  const select = (index: number) => ({ ...state, selected: rows[index]?.node.key ?? state.selected });
  const moved = move(input, key, at, rows.length, context.page);
  if (moved !== undefined) return select(moved);
  const hasChildren = row.node.children.length > 0;
  if (input === 'l' || key.rightArrow) {
    if (hasChildren && !row.expanded) return { ...state, selected: row.node.key, expanded: toggle(state.expanded, row.node.key) };
    return row.expanded ? select(Math.min(rows.length - 1, at + 1)) : state;
  }
  if (input === 'h' || key.leftArrow) {
    if (row.expanded) return { ...state, selected: row.node.key, expanded: toggle(state.expanded, row.node.key) };
    const parent = rows.findIndex((candidate) => candidate.node.key === row.node.parent);
    return parent >= 0 ? select(parent) : state;
  }
  if (key.return || input === ' ') return hasChildren ? { ...state, selected: row.node.key, expanded: toggle(state.expanded, row.node.key) } : state;
  if (key.tab) return context.detail.length > 0 ? { ...state, focus: 'detail' } : state;
  if (input === 'x') {
    const top = context.detail.find((person) => !person.leaving);
    return top ? { ...state, leaving: toggle(state.leaving, top.index) } : state;
  }
  if (/^[1-9]$/.test(input)) {
    const person = context.detail[Number(input) - 1];
    return person ? { ...state, leaving: toggle(state.leaving, person.index) } : state;
  }
  return state;
}

function detailKey(state: ExplorerState, input: string, key: KeyInfo, context: KeyContext): ExplorerState {
  const { detail } = context;
  const at = cursorOf(detail, (person) => person.index === state.detailPerson);
  if (key.tab || input === 'h' || key.leftArrow) return { ...state, focus: 'tree' };
  const moved = move(input, key, at, detail.length, context.page);
  if (moved !== undefined) return { ...state, detailPerson: detail[moved]?.index };
  const person = detail[at];
  if (person && (input === ' ' || input === 'x' || key.return)) return { ...state, detailPerson: person.index, leaving: toggle(state.leaving, person.index) };
  return state;
}

function peopleKey(state: ExplorerState, input: string, key: KeyInfo, context: KeyContext): ExplorerState {
  const { people } = context;
  const at = cursorOf(people, (row) => row.index === state.selectedPerson);
  const moved = move(input, key, at, people.length, context.page);
  if (moved !== undefined) return { ...state, selectedPerson: people[moved]?.index };
  const row = people[at];
  if (row && (input === ' ' || input === 'x' || key.return)) return { ...state, selectedPerson: row.index, leaving: toggle(state.leaving, row.index) };
  return state;
}

/** The stewardship view's activities: move, Tab into its people, and marks as in the module tree. */
function activityKey(state: ExplorerState, input: string, key: KeyInfo, context: KeyContext): ExplorerState {
  const stewards = context.stewards ?? [];
  const at = Math.max(0, STEWARDSHIP_KINDS.indexOf(state.activity));
  const moved = move(input, key, at, STEWARDSHIP_KINDS.length, context.page);
  if (moved !== undefined) return { ...state, activity: STEWARDSHIP_KINDS[moved] ?? state.activity };
  if (key.tab) return stewards.length > 0 ? { ...state, focus: 'detail' } : state;
  // x: the activity's top active key person leaves (again: the next one, the marks applied).
  if (input === 'x') {
    const top = stewards.find((row) => row.key && !row.leaving);
    return top ? { ...state, leaving: toggle(state.leaving, top.index) } : state;
  }
  if (/^[1-9]$/.test(input)) {
    const row = stewards[Number(input) - 1];
    return row ? { ...state, leaving: toggle(state.leaving, row.index) } : state;
  }
  return state;
}

/** The stewardship view's people list, as the detail pane's. */
function stewardKey(state: ExplorerState, input: string, key: KeyInfo, context: KeyContext): ExplorerState {
  const stewards = context.stewards ?? [];
  const at = cursorOf(stewards, (row) => row.index === state.stewardPerson);
  if (key.tab || input === 'h' || key.leftArrow) return { ...state, focus: 'tree' };
  const moved = move(input, key, at, stewards.length, context.page);
  if (moved !== undefined) return { ...state, stewardPerson: stewards[moved]?.index };
  const row = stewards[at];
  if (row && (input === ' ' || input === 'x' || key.return)) return { ...state, stewardPerson: row.index, leaving: toggle(state.leaving, row.index) };
  return state;
}
