import { compareText } from '../compare-text.js';
import { EVENT_KINDS, type StewardEvents } from '../history/steward-events.js';
import type { People } from '../identity/merge-identities.js';
import type { Authorship } from '../knowledge/compute-authorship.js';
import type { ClassifiedTags } from '../stewardship/classify-tags.js';
import { buildFileCategory } from '../stewardship/build-files.js';
import type { BuildActivity, IntegrationActivity, ReleaseActivity, ReleaseTag, ReviewActivity, ReviewKinds, StewardPerson, Stewardship, StewardshipActivity } from './report.js';
import { buildBusFactor, countedBusFactor } from './stewardship-score.js';
import type { AuthorshipIndex } from './what-if.js';

const DAY = 86_400;
const MERGE = EVENT_KINDS.indexOf('merge');
const LANDED = EVENT_KINDS.indexOf('landed');
const BUILD = EVENT_KINDS.indexOf('build');
/** The review kinds, in {@link EVENT_KINDS}' order from `reviewed` on. */
const REVIEWED = EVENT_KINDS.indexOf('reviewed');

function reviewKinds(counts: readonly number[]): ReviewKinds {
  const [reviewed = 0, acked = 0, tested = 0, signedOff = 0] = counts;
  return { reviewed, acked, tested, signedOff };
}

export interface StewardshipInput {
  readonly events: StewardEvents;
  /** Non-merge commits a platform committed (StewardshipCollector.unattributed). */
  readonly unattributed: number;
  readonly tags: ClassifiedTags;
  /** AVL authorship of the build and delivery files of the analysed commit. */
  readonly buildAuthorship: Authorship;
  readonly people: People;
  readonly index: AuthorshipIndex;
  /** Per person index: departed or not. */
  readonly departed: ReadonlySet<number>;
  readonly includeBots: boolean;
  /** Seconds since the epoch; undefined when the analysed commit has no usable date (the window is then all history). */
  readonly referenceTime: number | undefined;
  /** `--stewardship-window`: as given, and in seconds. */
  readonly windowAge: string;
  readonly windowSeconds: number;
}

const isoTime = (seconds: number | undefined): string | null => (seconds === undefined || Number.isNaN(seconds) ? null : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'));

/** One person's events of one activity, as they are counted. */
interface Tally {
  events: number;
  windowEvents: number;
  /** Seconds; -Infinity when no event is dated. */
  last: number;
  lastTag?: string;
  /** Review events by kind, indexed from `reviewed` in EVENT_KINDS' order. */
  kinds?: number[];
}

/** Counts events per person, leaving bots out unless they count as people. */
class ActivityTally {
  readonly byPerson = new Map<number, Tally>();
  botEvents = 0;

  constructor(private readonly input: StewardshipInput) {}

  /** Adds one event; returns the person's tally, or undefined when a bot's event was left out. */
  add(person: number, time: number | undefined): Tally | undefined {
    if (!this.input.includeBots && this.input.people.people[person]?.bot) {
      this.botEvents += 1;
      return undefined;
    }
    let tally = this.byPerson.get(person);
    if (!tally) this.byPerson.set(person, (tally = { events: 0, windowEvents: 0, last: Number.NEGATIVE_INFINITY }));
    tally.events += 1;
    if (inWindow(this.input, time)) tally.windowEvents += 1;
    if (time !== undefined && !Number.isNaN(time) && time > tally.last) tally.last = time;
    return tally;
  }

  /** The activity's people and totals (bus factors are the caller's: counted or build). */
  people(extra: (person: number, tally: Tally) => Partial<StewardPerson> = () => ({})): { people: StewardPerson[]; events: number; windowEvents: number } {
    let events = 0;
    let windowEvents = 0;
    for (const tally of this.byPerson.values()) {
      events += tally.events;
      windowEvents += tally.windowEvents;
    }
    const people = [...this.byPerson].map(([index, tally]): StewardPerson => {
      const person = this.input.people.people[index];
      return {
        id: person?.id ?? '',
        name: person?.name ?? '',
        email: person?.email ?? '',
        events: tally.events,
        share: events === 0 ? 0 : tally.events / events,
        windowEvents: tally.windowEvents,
        windowShare: windowEvents === 0 ? 0 : tally.windowEvents / windowEvents,
        last: Number.isFinite(tally.last) ? isoTime(tally.last) : null,
        departed: this.input.departed.has(index),
        bot: person?.bot ?? false,
        ...extra(index, tally),
      };
    });
    people.sort((a, b) => b.windowEvents - a.windowEvents || b.events - a.events || compareText(a.id, b.id));
    return { people, events, windowEvents };
  }
}

function inWindow(input: StewardshipInput, time: number | undefined): boolean {
  if (input.referenceTime === undefined) return true;
  if (time === undefined || Number.isNaN(time)) return false;
  return input.referenceTime - time <= input.windowSeconds;
}

/** A counted activity's bus factors; absent when nobody (bots aside) did it. */
function counted(tally: ActivityTally, departedIds: ReadonlySet<string>, extra?: (person: number, tally: Tally) => Partial<StewardPerson>): StewardshipActivity {
  const { people, events, windowEvents } = tally.people(extra);
  if (events === 0) return absent(tally.botEvents, people, events, windowEvents);
  const all = countedBusFactor(people, 'events', events);
  const now = countedBusFactor(people, 'windowEvents', windowEvents, departedIds);
  return { present: true, busFactor: all.busFactor, activeBusFactor: now.busFactor, keyPeople: all.keyPeople, activeKeyPeople: now.keyPeople, events, windowEvents, botEvents: tally.botEvents, people };
}

function absent(botEvents: number, people: StewardPerson[] = [], events = 0, windowEvents = 0): StewardshipActivity {
  return { present: false, busFactor: null, activeBusFactor: null, keyPeople: [], activeKeyPeople: [], events, windowEvents, botEvents, people };
}

/**
 * The stewardship part of the report (docs/stewardship.md): integration and review from the
 * history pass's events, releases from the tags, build and delivery from the AVL authorship of the
 * build files. Whether a committer or reviewer is the author is decided here, on merged people.
 */
export function stewardshipReport(input: StewardshipInput): Stewardship {
  const { events, people } = input;
  const personOf = (raw: number) => people.personOf[raw] as number;
  const departedIds = new Set([...input.departed].map((person) => people.people[person]?.id ?? ''));

  const integration = new ActivityTally(input);
  const review = new ActivityTally(input);
  const build = new ActivityTally(input);
  let merges = 0;
  let landed = 0;
  const kinds = [0, 0, 0, 0];
  // Review trailers of one commit by one person count once as an event (each kind once). A
  // commit's events are contiguous (StewardEvents), so only the current commit's reviewers are
  // remembered, with the kinds seen as bits: a few, in two short arrays (git/git has 110,000
  // trailers, and a map per commit cost 30 ms).
  const reviewers: number[] = [];
  const seenKinds: number[] = [];
  let reviewedCommit = -1;
  const { kind: codes, actor: actors, author: authors, commit: commits, time: times } = events;
  for (let i = 0; i < events.length; i += 1) {
    const code = codes[i] as number;
    const actor = personOf(actors[i] as number);
    const time = times[i] as number;
    if (code === BUILD) {
      build.add(actor, time);
    } else if (code === MERGE) {
      if (integration.add(actor, time)) merges += 1;
    } else if (code === LANDED) {
      if (actor !== personOf(authors[i] as number) && integration.add(actor, time)) landed += 1;
    } else if (actor !== personOf(authors[i] as number)) {
      const commit = commits[i] as number;
      if (commit !== reviewedCommit) {
        reviewers.length = 0;
        seenKinds.length = 0;
        reviewedCommit = commit;
      }
      const slot = reviewers.indexOf(actor);
      const bit = 1 << code;
      if (slot >= 0 && ((seenKinds[slot] as number) & bit) !== 0) continue;
      const tally = slot >= 0 ? review.byPerson.get(actor) : review.add(actor, time);
      if (slot >= 0) seenKinds[slot] = (seenKinds[slot] as number) | bit;
      else {
        reviewers.push(actor);
        seenKinds.push(bit);
      }
      if (!tally) continue; // a bot's
      const at = code - REVIEWED;
      tally.kinds ??= [0, 0, 0, 0];
      tally.kinds[at] = (tally.kinds[at] as number) + 1;
      kinds[at] = (kinds[at] as number) + 1;
    }
  }

  const releases = new ActivityTally(input);
  for (const release of input.tags.releases) {
    const tally = releases.add(personOf(release.actor), release.time);
    if (tally) tally.lastTag = release.tag;
  }

  const integrationActivity: IntegrationActivity = { ...counted(integration, departedIds), merges, landed, unattributed: input.unattributed };
  const releaseActivity: ReleaseActivity = {
    ...counted(releases, departedIds, (_, tally) => (tally.lastTag !== undefined ? { lastTag: tally.lastTag } : {})),
    tags: input.tags.tags,
    releases: input.tags.releases.length,
    ignored: input.tags.ignored,
    ...cadence(input),
  };
  const reviewActivity: ReviewActivity = { ...counted(review, departedIds, (_, tally) => (tally.kinds ? { kinds: reviewKinds(tally.kinds) } : {})), kinds: reviewKinds(kinds) };
  return {
    window: windowDates(input),
    integration: integrationActivity,
    releases: releaseActivity,
    review: reviewActivity,
    build: buildActivity(input, build),
  };
}

function windowDates(input: StewardshipInput): Stewardship['window'] {
  const to = input.referenceTime;
  return { age: input.windowAge, from: to === undefined ? null : isoTime(to - input.windowSeconds), to: isoTime(to) };
}

/** Releases within the window, the median days between consecutive ones there, the latest ten. */
function cadence(input: StewardshipInput): Pick<ReleaseActivity, 'windowReleases' | 'medianDaysBetween' | 'recent'> {
  const { releases } = input.tags;
  const recentTimes = releases.filter((release) => inWindow(input, release.time) && release.time !== undefined).map((release) => release.time as number);
  const gaps = recentTimes.slice(1).map((time, i) => (time - (recentTimes[i] as number)) / DAY).sort((a, b) => a - b);
  const median = gaps.length === 0 ? null : gaps.length % 2 === 1 ? (gaps[(gaps.length - 1) / 2] as number) : ((gaps[gaps.length / 2 - 1] as number) + (gaps[gaps.length / 2] as number)) / 2;
  const recent: ReleaseTag[] = releases
    .slice(-10)
    .reverse()
    .map((release) => ({ tag: release.tag, at: isoTime(release.time), by: input.people.people[input.people.personOf[release.actor] as number]?.id ?? '' }));
  return { windowReleases: releases.filter((release) => inWindow(input, release.time)).length, medianDaysBetween: median === null ? null : Math.round(median * 10) / 10, recent };
}

/** Build and delivery: the greedy truck factor of the build files' AVL authorship; changes per person. */
function buildActivity(input: StewardshipInput, tally: ActivityTally): BuildActivity {
  const { buildAuthorship: authorship, people } = input;
  const authoredFiles = new Map<number, number>();
  for (const list of authorship.authors) for (const person of list) authoredFiles.set(person, (authoredFiles.get(person) ?? 0) + 1);
  // Authors with no build change in the history pass's count (a file they created, then renamed) still belong.
  for (const person of authoredFiles.keys()) if (!tally.byPerson.has(person)) tally.byPerson.set(person, { events: 0, windowEvents: 0, last: Number.NEGATIVE_INFINITY });
  const files = authorship.files.map((path, i) => ({ path, category: buildFileCategory(path) ?? 'configured', authors: Array.from(authorship.authors[i] as Int32Array, (person) => people.people[person]?.id ?? '') }));
  const { people: stewards, events, windowEvents } = tally.people((person) => ({ files: authoredFiles.get(person) ?? 0 }));
  if (files.length === 0) return { ...absent(tally.botEvents, stewards, events, windowEvents), files };
  const activity: BuildActivity = { present: true, busFactor: 0, activeBusFactor: 0, keyPeople: [], activeKeyPeople: [], events, windowEvents, botEvents: tally.botEvents, people: stewards, files };
  const all = buildBusFactor(activity, input.index);
  const now = buildBusFactor(activity, input.index, input.departed);
  return { ...activity, busFactor: all.busFactor, activeBusFactor: now.busFactor, keyPeople: all.keyPeople, activeKeyPeople: now.keyPeople };
}
