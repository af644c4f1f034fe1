/** Below this the explorer shows "terminal too small" instead of a garbled screen. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;

/** Heights and widths of the explorer's parts for a terminal size. */
export interface ScreenLayout {
  readonly width: number;
  /**
   * Lines drawn: one less than the terminal's rows. Ink redraws output that fills the whole
   * terminal by clearing the screen on every frame (it flickers); one spare line avoids that.
   */
  readonly height: number;
  readonly treeHeight: number;
  /** The detail pane, its title line included. */
  readonly detailHeight: number;
  readonly peopleHeight: number;
}

/** Header, status and column headings above the list, key hints below it. */
const CHROME = 4;

export function screenLayout(columns: number, rows: number): ScreenLayout | undefined {
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return undefined;
  const height = rows - 1;
  const free = height - CHROME;
  const detailHeight = Math.max(6, Math.min(12, Math.round(free * 0.42)));
  return { width: columns, height, treeHeight: free - detailHeight, detailHeight, peopleHeight: free };
}

/** Widths of the module table's columns; the two names share what is left. */
export interface ModuleColumns {
  readonly busFactor: number;
  /** The active bus factor (departed people gone), `2→1!` or `0 lost`. */
  readonly active: number;
  readonly files: number;
  readonly bar: number;
  readonly module: number;
  readonly person: number;
}

export function moduleColumns(width: number): ModuleColumns {
  // cursor 1 + bus factor 7 + 1 + active 6 + 1 + files 6 + 2 + bar 5 + 2 + module + 2 + person
  const rest = width - 33;
  const module = Math.ceil(rest * 0.55);
  return { busFactor: 7, active: 6, files: 6, bar: 5, module, person: rest - module };
}

export interface PeopleColumns {
  readonly name: number;
  readonly modules: number;
}

export function peopleColumns(width: number): PeopleColumns {
  // cursor 1 + mark 4 + name + 1 + files 6 + 1 + key in 6 + 1 + impact 6 + 2 + last 13 + 2 + modules
  const rest = width - 43;
  const name = Math.min(28, Math.ceil(rest * 0.45));
  return { name, modules: rest - name };
}

/** First row to draw so `cursor` stays inside a window of `height` rows (as few jumps as possible). */
export function scrollTop(previousTop: number, cursor: number, height: number, count: number): number {
  const maxTop = Math.max(0, count - height);
  let top = Math.min(previousTop, maxTop);
  if (cursor < top) top = cursor;
  if (cursor >= top + height) top = cursor - height + 1;
  return Math.max(0, Math.min(top, maxTop));
}
