import { displayWidth } from './display-width.js';
import { beforeAfter, count, percent, plural, riskLevel } from '../format.js';
import type { Report, ReleaseActivity, StewardPerson, Stewardship, StewardshipActivity, StewardshipKind } from '../report/report.js';
import { STEWARDSHIP_KINDS } from '../report/report.js';
import type { RenderOptions } from './renderers.js';
import { sanitizeForTerminal as safe } from './sanitize.js';
import { stewardShare } from '../report/steward-roles.js';
import { formatTable, type Column } from './table.js';

/**
 * The stewardship wording (docs/stewardship.md), shared by the text output and the explorer so both
 * say the same thing the same way. Every name and tag from the repository goes through `safe`.
 */

/** `Name †` for a steward who has departed, as the rest of the text output marks them. */
export function stewardLabel(person: Pick<StewardPerson, 'name' | 'email' | 'id' | 'departed'>): string {
  return `${safe(person.name || person.email || person.id)}${person.departed ? ' †' : ''}`;
}

/** `2 names not releases`, `1 not a commit`: the tags not counted as releases, by reason. */
function ignoredParts(ignored: ReleaseActivity['ignored']): string[] {
  return [
    ...(ignored.notRelease > 0 ? [`${count(ignored.notRelease)} ${ignored.notRelease === 1 ? 'name not a release' : 'names not releases'}`] : []),
    ...(ignored.notCommit > 0 ? [`${count(ignored.notCommit)} not ${ignored.notCommit === 1 ? 'a commit' : 'commits'}`] : []),
    ...(ignored.afterAnalysed > 0 ? [`${count(ignored.afterAnalysed)} newer than the analysed commit`] : []),
    ...(ignored.anonymous > 0 ? [`${count(ignored.anonymous)} by nobody named`] : []),
  ];
}

/** Why an activity is absent, in words: an absent activity has no bus factor, not a bus factor of 0. */
export function absentReason(kind: StewardshipKind, stewardship: Stewardship): string {
  if (kind === 'integration') return 'no merges and no commits landed by someone other than their author';
  if (kind === 'review') return 'no review or sign-off trailers from someone other than the author';
  if (kind === 'build') return 'no build or delivery files';
  const { tags, ignored } = stewardship.releases;
  if (tags === 0) return 'no release tags (no tags at all)';
  const parts = ignoredParts(ignored);
  return `no release tags (${plural(tags, 'tag')}, none a release${parts.length > 0 ? `: ${parts.join(', ')}` : ''})`;
}

/** `5 releases in the window, median 0.1 days apart; last v4.22.2 2026-05-11 by Jon Church`. */
function cadence(stewardship: Stewardship): string {
  const releases = stewardship.releases;
  const median = releases.medianDaysBetween;
  const within = releases.windowReleases === 0 ? 'no release in the window' : `${plural(releases.windowReleases, 'release')} in the window`;
  const apart = median === null ? '' : `, median ${median} ${median === 1 ? 'day' : 'days'} apart`;
  const last = releases.recent[0];
  const by = last ? releases.people.find((person) => person.id === last.by) : undefined;
  const lastText = last ? `; last ${safe(last.tag)} ${last.at?.slice(0, 10) ?? '(undated)'} by ${by ? stewardLabel(by) : safe(last.by)}` : '';
  return `${within}${apart}${lastText}`;
}

/** `2,253 Reviewed-by, 9 Signed-off-by`: the trailers counted, by kind. */
function reviewKinds(stewardship: Stewardship): string {
  const { reviewed, acked, tested, signedOff } = stewardship.review.kinds;
  const parts: [number, string][] = [
    [reviewed, 'Reviewed-by'],
    [acked, 'Acked-by'],
    [tested, 'Tested-by'],
    [signedOff, 'Signed-off-by'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, name]) => `${count(n)} ${name}`)
    .join(', ');
}

/**
 * What else is worth knowing about an activity, one phrase each: what was counted and the cadence
 * (`counted`), and what could not be counted (`uncounted`: GitHub's web interface, bots, ignored tags).
 */
export function activityFacts(kind: StewardshipKind, stewardship: Stewardship): { readonly counted: string[]; readonly uncounted: string[] } {
  const activity: StewardshipActivity = stewardship[kind];
  const counted: string[] = [];
  const uncounted: string[] = [];
  if (kind === 'integration') {
    const { merges, landed, unattributed } = stewardship.integration;
    if (activity.present) counted.push(`${plural(merges, 'merge')}, ${plural(landed, 'commit')} landed by someone other than their author`);
    // Squash and rebase merges with GitHub's buttons are committed by GitHub itself: nobody is recorded.
    if (unattributed > 0) uncounted.push(`${plural(unattributed, 'commit')} landed through the GitHub web interface: who landed ${unattributed === 1 ? 'it' : 'them'} is not recorded`);
  }
  if (kind === 'releases' && activity.present) {
    counted.push(cadence(stewardship));
    const parts = ignoredParts(stewardship.releases.ignored);
    if (parts.length > 0) uncounted.push(`${plural(stewardship.releases.tags - stewardship.releases.releases, 'tag')} not counted: ${parts.join(', ')}`);
  }
  if (kind === 'review' && activity.present) counted.push(reviewKinds(stewardship));
  if (kind === 'build' && activity.present) counted.push(plural(stewardship.build.files.length, 'build and delivery file'));
  if (activity.botEvents > 0) uncounted.push(`plus ${count(activity.botEvents)} by bots, not counted`);
  return { counted, uncounted };
}

/** The people ids of a list, as the activity has them (departed flag, shares). */
function stewardsOf(activity: StewardshipActivity, ids: readonly string[]): StewardPerson[] {
  return ids.flatMap((id) => activity.people.filter((person) => person.id === id));
}

function peopleText(kind: StewardshipKind, stewardship: Stewardship, people: readonly StewardPerson[], which: 'window' | 'all'): string {
  return people.map((person) => `${stewardLabel(person)} (${percent(stewardShare(kind, stewardship, person, which))})`).join(', ');
}

/** The active key people, or why there are none. */
function activeKeyPeopleCell(kind: StewardshipKind, stewardship: Stewardship): string {
  const activity: StewardshipActivity = stewardship[kind];
  if (!activity.present) return absentReason(kind, stewardship);
  const people = stewardsOf(activity, activity.activeKeyPeople);
  if (people.length > 0) return peopleText(kind, stewardship, people, 'window');
  if (kind === 'build') return '(fewer than half of the build files have an author still here)';
  return activity.windowEvents === 0 ? '(nothing in the window)' : '(people still here did no more than half of it)';
}

/** `1 !` marks the riskiest without colour, as the module tables do; absent is a word, never 0. */
function busFactorCell(busFactor: number | null): string {
  if (busFactor === null) return 'absent';
  return busFactor <= 1 ? `${busFactor} !` : `${busFactor}  `;
}

/** `(last 1y: 2025-07-27 → 2026-07-27)`, or the age alone when the analysed commit has no date. */
export function windowText(stewardship: Stewardship): string {
  const { age, from, to } = stewardship.window;
  return from && to ? `last ${safe(age)}: ${from.slice(0, 10)} → ${to.slice(0, 10)}` : `last ${safe(age)}`;
}

/** The "Stewardship" section: one row per activity, then what else each has to say. */
export function stewardshipLines(report: Report, options: RenderOptions): string[] {
  const { stewardship } = report;
  const { style } = options;
  const rows = [
    ['activity', 'BF', 'active', 'in window', 'active key people (share)'],
    ...STEWARDSHIP_KINDS.map((kind) => {
      const activity: StewardshipActivity = stewardship[kind];
      return [kind, busFactorCell(activity.busFactor), activity.present ? busFactorCell(activity.activeBusFactor) : '-', activity.present ? count(activity.windowEvents) : '-', activeKeyPeopleCell(kind, stewardship)];
    }),
  ];
  // On a terminal the last column is cut so every row stays on one line: the indent, the other
  // columns at their widest and the two-space gaps before it.
  const before = 2 + [0, 1, 2, 3].reduce((total, c) => total + Math.max(...rows.map((row) => displayWidth(row[c] ?? ''))) + 2, 0);
  const columns: Column[] = [{ align: 'left' }, { align: 'left' }, { align: 'left' }, { align: 'right' }, { align: 'left', maxWidth: options.width ? Math.max(16, options.width - before) : undefined }];
  const table = formatTable(rows, columns, (row, col, text) => {
    if (row === 0) return style.paint('bold', text);
    const activity: StewardshipActivity | undefined = stewardship[STEWARDSHIP_KINDS[row - 1] as StewardshipKind];
    const value = col === 1 ? activity?.busFactor : col === 2 ? activity?.activeBusFactor : undefined;
    return value === undefined || value === null ? text : style.paint(riskLevel(value), text);
  });
  const notes = STEWARDSHIP_KINDS.flatMap((kind) => {
    const activity: StewardshipActivity = stewardship[kind];
    // The bus factor's own key people, when they are not the active ones (often people long gone).
    const differ = activity.keyPeople.join('\0') !== activity.activeKeyPeople.join('\0');
    const history = activity.present && differ && activity.keyPeople.length > 0 ? [`key people over all history: ${peopleText(kind, stewardship, stewardsOf(activity, activity.keyPeople), 'all')}`] : [];
    const { counted, uncounted } = activityFacts(kind, stewardship);
    const facts = [...counted, ...history, ...uncounted];
    // One fact a line, so each reads on its own (and a terminal wraps none of them into the next).
    return facts.map((fact, i) => (i === 0 ? `  ${kind}: ${fact}` : `    ${fact}`));
  });
  const anyDeparted = STEWARDSHIP_KINDS.some((kind) => stewardship[kind].people.some((person) => person.departed));
  const legend = `  BF: all history · active: people still here, in the window (build: all history) · share: of the window (build: of the files)${anyDeparted ? ' · † departed' : ''}`;
  return [style.paint('bold', `Stewardship — who runs the project (${windowText(stewardship)})`), ...table.map((line) => `  ${line}`), ...notes, legend, ''];
}


/** `--without`: each activity's bus factors before → after (absent ones stay absent). */
export function stewardshipWhatIfLine(report: Report): string[] {
  const changes = report.whatIf?.stewardship;
  if (!changes) return [];
  const parts = STEWARDSHIP_KINDS.map((kind) => {
    const change = changes[kind];
    return change ? `${kind} ${beforeAfter(change.busFactor)}, active ${beforeAfter(change.activeBusFactor)}` : `${kind} absent`;
  });
  return [`  stewardship: ${parts.join('; ')}`];
}
