import { compareText } from '../../compare-text.js';
import type { Report, StewardPerson, StewardshipActivity, StewardshipKind } from '../../report/report.js';
import { STEWARDSHIP_KINDS } from '../../report/report.js';
import type { ActivityScores } from '../../report/stewardship-score.js';
import { stewardShare } from '../../report/steward-roles.js';
import type { SortOrder } from './sort-order.js';

/** `scoreStewardship`'s answer: each present activity's two bus factors. */
export type StewardshipScores = Partial<Record<StewardshipKind, ActivityScores>>;

/** One activity of the stewardship view; `base` and `now` are undefined when it is absent. */
export interface ActivityRow {
  readonly kind: StewardshipKind;
  readonly activity: StewardshipActivity;
  /** As scanned, and with the people marked as leaving gone. */
  readonly base: ActivityScores | undefined;
  readonly now: ActivityScores | undefined;
}

/** The four activities, in the report's order (a fixed list: four rows need no sorting). */
export function activityRows(report: Report, base: StewardshipScores, now: StewardshipScores): ActivityRow[] {
  return STEWARDSHIP_KINDS.map((kind) => ({ kind, activity: report.stewardship[kind], base: base[kind], now: now[kind] }));
}

/** One person of the selected activity. */
export interface StewardRow {
  /** Person index (`report.people`), what a mark is made with. */
  readonly index: number;
  readonly person: StewardPerson;
  /** What the bus factor counts: their share of the window's events, or of the build files. */
  readonly share: number;
  readonly leaving: boolean;
  /** An active key person of the activity, the marks applied. */
  readonly key: boolean;
}

export interface StewardOptions {
  readonly now: StewardshipScores;
  readonly leaving: ReadonlySet<number>;
  /** Case-insensitive substring of a name or email; '' for everyone. */
  readonly filter: string;
  readonly sort: SortOrder;
}

/**
 * Everyone who did the activity. Risk order is what the active bus factor rests on: the window's
 * events (build: the files they author), so the key people come first; size is all history.
 */
export function stewardRows(report: Report, kind: StewardshipKind, options: StewardOptions): StewardRow[] {
  const { stewardship } = report;
  const indexOf = new Map(report.people.map((person, index) => [person.id, index]));
  const keys = new Set(options.now[kind]?.activeBusFactor.keyPeople ?? []);
  const needle = options.filter.toLowerCase();
  return stewardship[kind].people
    .filter((person) => needle === '' || [person.name, person.email].some((text) => text.toLowerCase().includes(needle)))
    .flatMap((person): StewardRow[] => {
      // Every steward is one of report.people (committers and trailer people are interned with the authors).
      const index = indexOf.get(person.id);
      if (index === undefined) return [];
      return [{ index, person, share: stewardShare(kind, stewardship, person), leaving: options.leaving.has(index), key: keys.has(person.id) }];
    })
    .sort(comparator(kind, options.sort));
}

function comparator(kind: StewardshipKind, sort: SortOrder): (a: StewardRow, b: StewardRow) => number {
  const byName = (a: StewardRow, b: StewardRow) => compareText(a.person.name.toLowerCase(), b.person.name.toLowerCase()) || compareText(a.person.id, b.person.id);
  const byEvents = (a: StewardRow, b: StewardRow) => b.person.events - a.person.events || b.person.windowEvents - a.person.windowEvents || byName(a, b);
  if (sort === 'name') return byName;
  if (sort === 'size') return byEvents;
  const byWindow = (a: StewardRow, b: StewardRow) => b.person.windowEvents - a.person.windowEvents || byEvents(a, b);
  return kind === 'build' ? (a, b) => (b.person.files ?? 0) - (a.person.files ?? 0) || byWindow(a, b) : byWindow;
}
