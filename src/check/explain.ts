import { count, percent, plural } from '../format.js';
import type { KeyPerson, ModuleReport, Report, ReportPerson, StewardshipActivity, StewardshipKind, Successor } from '../report/report.js';
import type { Candidate, Holder } from './check-result.js';

/**
 * The words of a finding (docs/check.md, "Findings"): who holds the knowledge, whether they have
 * left, and who could spread it. Plain sentences; renderers escape them for their format.
 */

/** Candidates listed per finding. */
const MAX_CANDIDATES = 3;

export type PeopleById = ReadonlyMap<string, ReportPerson>;

export function peopleById(report: Report): PeopleById {
  return new Map(report.people.map((person) => [person.id, person]));
}

export function holdersOf(keyPeople: readonly KeyPerson[], people: PeopleById): Holder[] {
  return keyPeople.map((person) => ({ id: person.id, name: person.name, email: person.email, amount: person.files, share: person.share, departed: people.get(person.id)?.departed ?? false }));
}

export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}

/** A module's successors as candidates, less `exclude` (in pull-request mode: the changes' own authors). */
export function successorCandidates(successors: readonly Successor[] | undefined, exclude: ReadonlySet<string> = new Set()): Candidate[] {
  return (successors ?? []).filter((successor) => !exclude.has(successor.id)).slice(0, MAX_CANDIDATES).map((successor) => ({
    id: successor.id,
    name: successor.name,
    email: successor.email,
    evidence: [
      `knows ${percent(successor.knowledge)} of it`,
      successor.authoredFiles > 0 ? `authors ${plural(successor.authoredFiles, 'file')}` : `changed ${plural(successor.touchedFiles, 'file')}`,
      successor.recentChanges > 0 ? `${plural(successor.recentChanges, 'recent change')}` : 'no recent change',
    ].join(', '),
  }));
}

/** What would raise a module's (or the repository's) bus factor. */
export function spreadRemedy(holders: readonly Holder[], candidates: readonly Candidate[], what: string): string {
  const present = holders.filter((holder) => !holder.departed).map((holder) => holder.name);
  if (candidates.length > 0) {
    const names = listText(candidates.map((candidate) => candidate.name));
    return present.length > 0
      ? `have ${names} review and pair on changes to ${what} with ${listText(present)}, so more people know it`
      : `its authors have left: have ${names} take ${what} over and review every change to it`;
  }
  return present.length > 0
    ? `nobody else still here has worked on ${what}: pair someone with ${listText(present)} on it`
    : `nobody still here has worked on ${what}: assign someone to learn it from its history`;
}

/** Pull-request mode, when the only people who could take a module over wrote the change: its holders should review it. */
export function authorsRemedy(holders: readonly Holder[]): string {
  const present = holders.filter((holder) => !holder.departed).map((holder) => holder.name);
  return present.length > 0
    ? `the change's authors are the only others who know it: have ${listText(present)} review this change, so the knowledge spreads`
    : 'the change\'s authors are the only people still here who know it: have another person review this change';
}

export function moduleLabel(module: ModuleReport): string {
  return module.kind === 'directory' ? module.name : `${module.name} (${module.kind})`;
}

const ACTIVITY_NOUN: Readonly<Record<StewardshipKind, string>> = {
  integration: 'integration (merging and landing others\' work)',
  releases: 'releases',
  review: 'review',
  build: 'build and delivery',
};

const ACTIVITY_VERB: Readonly<Record<StewardshipKind, string>> = {
  integration: 'merge and land others\' work',
  releases: 'cut releases',
  review: 'review changes',
  build: 'maintain the build, CI and deployment files',
};

export function activityNoun(kind: StewardshipKind): string {
  return ACTIVITY_NOUN[kind];
}

/**
 * An activity's key people as holders: their events and share of them (all history, or the window
 * for active rules); build: the build files they author, of `buildFiles`.
 */
export function activityHolders(activity: StewardshipActivity, ids: readonly string[], windowed: boolean, buildFiles?: number): Holder[] {
  const byId = new Map(activity.people.map((person) => [person.id, person]));
  return ids.flatMap((id) => {
    const person = byId.get(id);
    if (!person) return [];
    if (buildFiles !== undefined) {
      const files = person.files ?? 0;
      return [{ id, name: person.name, email: person.email, amount: files, share: buildFiles === 0 ? 0 : files / buildFiles, departed: person.departed }];
    }
    const amount = windowed ? person.windowEvents : person.events;
    return [{ id, name: person.name, email: person.email, amount, share: windowed ? person.windowShare : person.share, departed: person.departed }];
  });
}

/** People still here who already do some of the activity, most recent work first, other than its key people. */
export function activityCandidates(activity: StewardshipActivity, holders: readonly Holder[], kind: StewardshipKind): Candidate[] {
  const taken = new Set(holders.map((holder) => holder.id));
  return activity.people
    .filter((person) => !taken.has(person.id) && !person.departed && !person.bot && (person.windowEvents > 0 || (person.files ?? 0) > 0))
    .slice(0, MAX_CANDIDATES)
    .map((person) => ({
      id: person.id,
      name: person.name,
      email: person.email,
      evidence: person.files !== undefined ? `authors ${plural(person.files, 'build file')}` : `${count(person.windowEvents)} in the window (${percent(person.windowShare)})`,
    }));
}

export function activityRemedy(kind: StewardshipKind, candidates: readonly Candidate[]): string {
  if (candidates.length === 0) return `nobody else still here does it: have someone ${ACTIVITY_VERB[kind]} alongside its key people`;
  return `have ${listText(candidates.map((candidate) => candidate.name))} ${ACTIVITY_VERB[kind]} too, so it no longer rests on so few`;
}
