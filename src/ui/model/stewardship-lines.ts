import { displayWidth } from '../../render/display-width.js';
import { count, percent, riskLevel } from '../../format.js';
import { absentReason, activityFacts, stewardLabel } from '../../render/render-stewardship.js';
import { stewardShare } from '../../report/steward-roles.js';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { Stewardship, StewardshipKind } from '../../report/report.js';
import type { StewardshipScore } from '../../report/stewardship-score.js';
import { bar, busFactorCell, DEPARTED_MARK, fit, fitWithMarker, type Segment } from './cells.js';
import { formatAge } from './format-age.js';
import type { ActivityColumns } from './layout.js';
import type { ActivityRow, StewardRow } from './stewardship-rows.js';

/** What one event of each activity is, for the pane's title. */
const EVENTS: Readonly<Record<StewardshipKind, string>> = { integration: 'merges and landings', releases: 'releases', review: 'reviews and sign-offs', build: 'build file changes' };

/** `Jon Church 75%, Ulises Gascón 25%`: people of a score, with the share the bus factor counts. */
function scorePeople(kind: StewardshipKind, stewardship: Stewardship, score: StewardshipScore, which: 'window' | 'all'): string {
  return score.keyPeople
    .flatMap((id) => stewardship[kind].people.filter((person) => person.id === id))
    .map((person) => `${stewardLabel(person)} ${percent(stewardShare(kind, stewardship, person, which))}`)
    .join(', ');
}

/** Why an activity has no active key person, the marks applied. */
function nobodyText(kind: StewardshipKind, stewardship: Stewardship): string {
  if (kind === 'build') return 'fewer than half of the build files have an author still here';
  return stewardship[kind].windowEvents === 0 ? 'nothing in the window' : 'nobody still here did over half';
}

export function activityHeading(columns: ActivityColumns): Segment[] {
  const text = ` ${fit('BF', columns.busFactor, 'right')} ${fit('active', columns.active, 'right')} ${fit('window', columns.window, 'right')}  ${fit('top', columns.bar)}  ${fit('activity', columns.activity)}  active key people`;
  return [{ text, bold: true }];
}

/**
 * One activity: `›    1!   1→0!      4  ████░  integration  Jon Church 75%`, bus factors as the module
 * tree shows them under what-if; an absent activity says `absent` and why, never a bus factor of 0.
 */
export function activityRowSegments(row: ActivityRow, stewardship: Stewardship, columns: ActivityColumns, selected: boolean): Segment[] {
  const { kind, base, now } = row;
  const cursor = { text: selected ? '›' : ' ' };
  const name = { text: `  ${fit(kind, columns.activity)}  ` };
  if (!base || !now) {
    const dashes = ` ${fit('-', columns.active, 'right')} ${fit('-', columns.window, 'right')}  ${' '.repeat(columns.bar)}`;
    return [cursor, { text: fit('absent', columns.busFactor, 'right'), dim: true }, { text: dashes, dim: true }, name, { text: absentReason(kind, stewardship), dim: true }];
  }
  const after = now.busFactor.busFactor;
  const activeAfter = now.activeBusFactor.busFactor;
  const top = stewardship[kind].people.find((person) => person.id === now.activeBusFactor.keyPeople[0]);
  const people = scorePeople(kind, stewardship, now.activeBusFactor, 'window');
  return [
    cursor,
    { text: fit(busFactorCell(base.busFactor.busFactor, after), columns.busFactor, 'right'), color: riskLevel(after), bold: base.busFactor.busFactor !== after },
    { text: ' ' },
    { text: fit(busFactorCell(base.activeBusFactor.busFactor, activeAfter), columns.active, 'right'), color: riskLevel(activeAfter), bold: base.activeBusFactor.busFactor !== activeAfter },
    { text: ` ${fit(count(row.activity.windowEvents), columns.window, 'right')}  ` },
    { text: bar(top ? stewardShare(kind, stewardship, top) : 0, columns.bar), color: 'cyan' },
    name,
    people ? { text: people } : { text: nobodyText(kind, stewardship), dim: true },
  ];
}

/** `── integration · 4 of 864 merges and landings in the last 1y (since 2025-07-27) · bus factor 1! · active 1→0! ──` */
export function stewardTitle(row: ActivityRow, stewardship: Stewardship, width: number): Segment[] {
  const { kind, activity, base, now } = row;
  const rule = (used: number) => ({ text: ` ${'─'.repeat(Math.max(0, width - used - 1))}` });
  if (!base || !now) {
    const head = `── ${kind} · absent: ${absentReason(kind, stewardship)}`;
    return [{ text: head, bold: true }, rule(displayWidth(head))];
  }
  const after = now.busFactor.busFactor;
  const activeAfter = now.activeBusFactor.busFactor;
  const cell = busFactorCell(base.busFactor.busFactor, after).trimEnd();
  const active = busFactorCell(base.activeBusFactor.busFactor, activeAfter).trimEnd();
  const since = stewardship.window.from ? ` (since ${stewardship.window.from.slice(0, 10)})` : '';
  const within = `${count(activity.windowEvents)} of ${count(activity.events)}`;
  const age = safe(stewardship.window.age);
  // The bus factors matter more than the window's dates and the events' name: those give way first.
  const titles = [`${within} ${EVENTS[kind]} in the last ${age}${since}`, `${within} ${EVENTS[kind]} in the last ${age}`, `${within} in the last ${age}`, ''].map((middle) => `── ${kind} · ${middle ? `${middle} · ` : ''}bus factor `);
  const tail = ' · active ';
  const fits = (head: string) => displayWidth(head) + cell.length + tail.length + active.length + 3 <= width;
  const head = titles.find(fits) ?? (titles.at(-1) as string);
  return [
    { text: head, bold: true },
    { text: cell, bold: true, color: riskLevel(after) },
    { text: tail, bold: true },
    { text: active, bold: true, color: riskLevel(activeAfter) },
    rule(displayWidth(head) + cell.length + tail.length + active.length),
  ];
}

/** Name column width of the pane's people list. */
const nameWidth = (width: number) => Math.max(10, width - 58);

/** Counted activities: events in the window, their share, all history; build: files authored, their share, changes in the window. */
export function stewardHeading(kind: StewardshipKind, width: number): Segment[] {
  const [first, last, when] = kind === 'build' ? ['files', 'window', 'last change'] : ['window', 'all', 'last activity'];
  return [{ text: `         ${fit('person', nameWidth(width))} key ${fit(first, 6, 'right')} ${fit('share', 6, 'right')} ${fit(last, 7, 'right')}  ${when}`, bold: true }];
}

/**
 * `› 1. [ ] Jon Church            key      3    75%      3  2 months ago · v4.22.2`: a departed person
 * dimmed and marked †, with when they last did it (people here long ago are who the BF column counts).
 */
export function stewardRowSegments(row: StewardRow, kind: StewardshipKind, position: number, headTime: string | null, width: number, selected: boolean): Segment[] {
  const { person } = row;
  const dim = person.departed && !row.leaving;
  const [first, last] = kind === 'build' ? [person.files ?? 0, person.windowEvents] : [person.windowEvents, person.events];
  const name = fitWithMarker(stewardLabel({ ...person, departed: false }) + (person.bot ? ' (bot)' : ''), person.departed ? DEPARTED_MARK : '', nameWidth(width));
  const when = `${formatAge(person.last, headTime)}${person.lastTag !== undefined ? ` · ${safe(person.lastTag)}` : ''}`;
  return [
    { text: `${selected ? '›' : ' '}${fit(`${position}.`, 3, 'right')} ` },
    { text: row.leaving ? '[x] ' : '[ ] ', color: row.leaving ? 'red' : undefined, bold: row.leaving },
    { text: `${name} `, dim },
    { text: fit(row.key ? 'key' : '', 3), bold: row.key, dim },
    { text: ` ${fit(count(first), 6, 'right')} ${fit(percent(row.share), 6, 'right')} ${fit(count(last), 7, 'right')}  `, dim },
    { text: row.leaving ? 'leaving' : when, color: row.leaving ? 'red' : undefined, dim },
  ];
}

/**
 * The pane's last two lines: what was counted, with the bus factor's own key people over all
 * history (often long gone); then what could not be counted (GitHub's web interface, bots, tags).
 */
export function stewardFacts(row: ActivityRow, stewardship: Stewardship): [Segment[], Segment[]] {
  const { counted, uncounted } = activityFacts(row.kind, stewardship);
  const history = row.now ? scorePeople(row.kind, stewardship, row.now.busFactor, 'all') : '';
  // Who the all-history bus factor rests on comes first: often people long gone.
  const first = [...(history ? [`all history: ${history}`] : []), ...counted];
  return [[{ text: first.join(' · ') || (row.now ? '' : 'nothing to count'), dim: !row.now }], [{ text: uncounted.join(' · '), color: uncounted.length > 0 ? 'yellow' : undefined }]];
}
