import { greedyTruckFactor } from '../bus-factor/greedy-truck-factor.js';
import { compareText } from '../compare-text.js';
import type { BuildActivity, StewardPerson, Stewardship, StewardshipActivity, StewardshipKind } from './report.js';
import { STEWARDSHIP_KINDS } from './report.js';
import type { AuthorshipIndex } from './what-if.js';

/** A bus factor and the people it takes, in order (person ids). */
export interface StewardshipScore {
  readonly busFactor: number;
  readonly keyPeople: readonly string[];
}

/**
 * The counted activities' bus factor (docs/stewardship.md): the fewest people, not among `leaving`,
 * whose events are more than half of `total` — everyone's events, the leaving people's included;
 * 0 when the others together do no more than half. Most events first, then the latest, then id.
 */
export function countedBusFactor(people: readonly StewardPerson[], which: 'events' | 'windowEvents', total: number, leaving: ReadonlySet<string> = new Set()): StewardshipScore {
  const order = people
    .filter((person) => !leaving.has(person.id) && person[which] > 0)
    .sort((a, b) => b[which] - a[which] || compareText(b.last ?? '', a.last ?? '') || compareText(a.id, b.id));
  const keyPeople: string[] = [];
  let done = 0;
  for (const person of order) {
    if (done * 2 > total) break;
    done += person[which];
    keyPeople.push(person.id);
  }
  return done * 2 > total ? { busFactor: keyPeople.length, keyPeople } : { busFactor: 0, keyPeople: [] };
}

/** The build files' greedy truck factor, with `leaving` (person indices) authoring nothing. */
export function buildBusFactor(build: BuildActivity, index: AuthorshipIndex, leaving: ReadonlySet<number> = new Set()): StewardshipScore {
  const fileAuthors = build.files.map((file) => Int32Array.from(file.authors.map((id) => index.indexOf.get(id) ?? -1).filter((person) => person >= 0)));
  const result = greedyTruckFactor({ fileAuthors, tieBreak: index.tieBreak, without: leaving });
  return { busFactor: result.busFactor, keyPeople: result.keyPeople.map(({ person }) => index.people[person]?.id ?? '') };
}

/** One activity's two bus factors with some people gone (`gone` for all history, `goneNow` for the window). */
export interface ActivityScores {
  readonly busFactor: StewardshipScore;
  readonly activeBusFactor: StewardshipScore;
}

/**
 * The one stewardship scoring function, for the report and every what-if (`--without`, the
 * explorer's marks): each present activity's bus factor with `leaving` gone, and its active bus
 * factor with `leaving` and the departed gone. Person indices are the index's (report.people).
 */
export function scoreStewardship(stewardship: Stewardship, index: AuthorshipIndex, leaving: ReadonlySet<number>, departed: ReadonlySet<number>): Partial<Record<StewardshipKind, ActivityScores>> {
  const gone = new Set([...leaving, ...departed]);
  const ids = (people: ReadonlySet<number>) => new Set([...people].map((person) => index.people[person]?.id ?? ''));
  const leavingIds = ids(leaving);
  const goneIds = ids(gone);
  const scores: Partial<Record<StewardshipKind, ActivityScores>> = {};
  for (const kind of STEWARDSHIP_KINDS) {
    const activity: StewardshipActivity = stewardship[kind];
    if (!activity.present) continue;
    scores[kind] =
      kind === 'build'
        ? { busFactor: buildBusFactor(stewardship.build, index, leaving), activeBusFactor: buildBusFactor(stewardship.build, index, gone) }
        : { busFactor: countedBusFactor(activity.people, 'events', activity.events, leavingIds), activeBusFactor: countedBusFactor(activity.people, 'windowEvents', activity.windowEvents, goneIds) };
  }
  return scores;
}
