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
  /** Stewardship roles (`integrates 62% · build 30%`); 0 when nobody has one: no column. */
  readonly roles: number;
}

/** `rolesWidth`: the longest roles text; the column takes at most that, and 0 leaves it out. */
export function peopleColumns(width: number, rolesWidth = 0): PeopleColumns {
  // cursor 1 + mark 4 + name + 1 + files 6 + 1 + key in 6 + 1 + impact 6 + 2 + last 13 + 2 + [roles + 2] + modules
  const rest = width - 43;
  if (rolesWidth <= 0) {
    const name = Math.min(28, Math.ceil(rest * 0.45));
    return { name, modules: rest - name, roles: 0 };
  }
  const name = Math.min(24, Math.ceil(rest * 0.35));
  // Roles take what they need, the modules list keeping 14 columns where there is room for both.
  const roles = Math.min(rolesWidth, Math.max(14, rest - 2 - name - 14));
  return { name, roles, modules: rest - 2 - name - roles };
}

/** Widths of the stewardship view's activity rows: the bus factor columns as the module table's. */
export interface ActivityColumns {
  readonly busFactor: number;
  readonly active: number;
  /** Events within the window. */
  readonly window: number;
  readonly bar: number;
  readonly activity: number;
  readonly people: number;
}

export function activityColumns(width: number): ActivityColumns {
  // cursor 1 + bus factor 7 + 1 + active 6 + 1 + window 6 + 2 + bar 5 + 2 + activity 11 + 2 + people
  return { busFactor: 7, active: 6, window: 6, bar: 5, activity: 11, people: width - 44 };
}

/** The stewardship view: the activities (their headings are chrome), then the pane of the selected one's people. */
export function stewardshipLayout(layout: ScreenLayout, activities: number): { readonly activities: number; readonly pane: number } {
  return { activities, pane: layout.peopleHeight - activities };
}

/** First row to draw so `cursor` stays inside a window of `height` rows (as few jumps as possible). */
export function scrollTop(previousTop: number, cursor: number, height: number, count: number): number {
  const maxTop = Math.max(0, count - height);
  let top = Math.min(previousTop, maxTop);
  if (cursor < top) top = cursor;
  if (cursor >= top + height) top = cursor - height + 1;
  return Math.max(0, Math.min(top, maxTop));
}
