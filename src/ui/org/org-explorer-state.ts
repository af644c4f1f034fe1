import type { OrgView } from '../../org/org-view.js';
import type { KeyInfo } from '../model/handle-key.js';
import type { DetailLine } from './org-detail.js';
import type { OrgTreeRow } from './org-rows.js';

/** The repository tree, the people key in the most repositories, or the departed who still hold files. */
export type OrgViewName = 'repositories' | 'people' | 'departed';

export interface OrgExplorerState {
  readonly view: OrgViewName;
  /** The list, or the detail pane's lines (Tab). */
  readonly focus: 'list' | 'detail';
  /** Row under the cursor in each view's list. */
  readonly cursors: Readonly<Record<OrgViewName, number>>;
  /** Line under the detail pane's cursor. */
  readonly detailCursor: number;
  /** Names of the open repositories. */
  readonly expanded: ReadonlySet<string>;
  readonly help: boolean;
}

export function initialOrgState(): OrgExplorerState {
  return { view: 'repositories', focus: 'list', cursors: { repositories: 0, people: 0, departed: 0 }, detailCursor: 0, expanded: new Set(), help: false };
}

/** What is on screen when a key comes. */
export interface OrgKeyContext {
  readonly view: OrgView;
  readonly rows: readonly OrgTreeRow[];
  /** The detail pane's lines for the state's cursor. */
  readonly detail: readonly DetailLine[];
  /** Rows a page key moves. */
  readonly page: number;
  /** The tree's rows for another set of open repositories (to put the cursor on a repository after a jump). */
  readonly rowsFor: (expanded: ReadonlySet<string>) => readonly OrgTreeRow[];
}

const clamp = (value: number, count: number): number => Math.max(0, Math.min(value, count - 1));

function listLength(state: OrgExplorerState, context: OrgKeyContext): number {
  if (state.view === 'people') return context.view.people.length;
  if (state.view === 'departed') return context.view.departed.length;
  return context.rows.length;
}

/** Lines of the detail pane the cursor can stop on: those that lead somewhere. */
export function targetLines(detail: readonly DetailLine[]): number[] {
  return detail.flatMap((line, i) => (line.target ? [i] : []));
}

/** A move of the cursor for j/k, arrows, g/G, Home/End, PgUp/PgDn, Ctrl-d/u/f/b; undefined for any other key. */
function moveBy(input: string, key: KeyInfo, page: number): number | 'first' | 'last' | undefined {
  if (key.downArrow || input === 'j') return 1;
  if (key.upArrow || input === 'k') return -1;
  if (key.pageDown || (key.ctrl && (input === 'd' || input === 'f'))) return page;
  if (key.pageUp || (key.ctrl && (input === 'u' || input === 'b'))) return -page;
  if (key.home || input === 'g') return 'first';
  if (key.end || input === 'G') return 'last';
  return undefined;
}

function moved(position: number, move: number | 'first' | 'last', count: number): number {
  if (move === 'first') return 0;
  if (move === 'last') return Math.max(0, count - 1);
  return clamp(position + move, count);
}

/**
 * One key press of the org explorer (docs/org.md, "Explorer"), as a pure function: the help overlay,
 * the three views, moving, folding repositories, and Enter on a detail line jumping to that person
 * or repository.
 */
export function handleOrgKey(state: OrgExplorerState, input: string, key: KeyInfo, context: OrgKeyContext): OrgExplorerState | 'quit' {
  if (input === 'c' && key.ctrl) return 'quit';
  if (state.help) return { ...state, help: false };
  if (input === 'q') return 'quit';
  if (input === '?') return { ...state, help: true };
  if (input === 'p' || input === 'd') {
    const view = input === 'p' ? 'people' : 'departed';
    return { ...state, view: state.view === view ? 'repositories' : view, focus: 'list', detailCursor: 0 };
  }
  if (key.escape) {
    if (state.focus === 'detail') return { ...state, focus: 'list' };
    return state.view === 'repositories' ? state : { ...state, view: 'repositories' };
  }
  const targets = targetLines(context.detail);
  if (key.tab) {
    if (state.focus === 'detail') return { ...state, focus: 'list' };
    return targets.length > 0 ? { ...state, focus: 'detail', detailCursor: targets[0] as number } : state;
  }
  const move = moveBy(input, key, context.page);
  if (state.focus === 'detail') {
    if (move !== undefined) {
      const at = Math.max(0, targets.indexOf(state.detailCursor));
      return { ...state, detailCursor: targets[moved(at, move, targets.length)] ?? state.detailCursor };
    }
    if (key.return || input === ' ' || input === 'l' || key.rightArrow) return jump(state, context.detail[state.detailCursor]?.target, context);
    if (input === 'h' || key.leftArrow) return { ...state, focus: 'list' };
    return state;
  }
  if (move !== undefined) {
    return { ...state, cursors: { ...state.cursors, [state.view]: moved(state.cursors[state.view], move, listLength(state, context)) }, detailCursor: 0 };
  }
  if (state.view === 'repositories') return foldKey(state, input, key, context);
  return state;
}

/** l/→, h/←, Enter/space on the tree: open, close, into the modules, back to the repository. */
function foldKey(state: OrgExplorerState, input: string, key: KeyInfo, context: OrgKeyContext): OrgExplorerState {
  const cursor = state.cursors.repositories;
  const row = context.rows[cursor];
  if (!row || row.kind === 'failure') return state;
  const name = row.repository.name;
  const withOpen = (open: boolean) => {
    const expanded = new Set(state.expanded);
    if (open) expanded.add(name);
    else expanded.delete(name);
    return expanded;
  };
  const toggleKey = key.return || input === ' ';
  const openKey = input === 'l' || key.rightArrow;
  const closeKey = input === 'h' || key.leftArrow;
  if (row.kind === 'module') {
    if (!closeKey) return state;
    const parent = context.rows.findIndex((candidate) => candidate.kind === 'repository' && candidate.repository.name === name);
    return { ...state, cursors: { ...state.cursors, repositories: Math.max(0, parent) } };
  }
  if (toggleKey) return { ...state, expanded: withOpen(!row.open) };
  if (openKey) return row.open ? { ...state, cursors: { ...state.cursors, repositories: clamp(cursor + 1, context.rows.length) } } : { ...state, expanded: withOpen(true) };
  if (closeKey && row.open) return { ...state, expanded: withOpen(false) };
  return state;
}

/** Enter on a detail line: the person in the people view, or the repository in the tree. */
function jump(state: OrgExplorerState, target: DetailLine['target'], context: OrgKeyContext): OrgExplorerState {
  if (!target) return state;
  if (target.view === 'people') {
    const index = context.view.people.findIndex((person) => person.id === target.person);
    if (index < 0) return state;
    return { ...state, view: 'people', focus: 'list', detailCursor: 0, cursors: { ...state.cursors, people: index } };
  }
  const rows = context.rowsFor(state.expanded);
  const index = rows.findIndex((row) => row.kind === 'repository' && row.repository.name === target.repository);
  if (index < 0) return state;
  return { ...state, view: 'repositories', focus: 'list', detailCursor: 0, cursors: { ...state.cursors, repositories: index } };
}
