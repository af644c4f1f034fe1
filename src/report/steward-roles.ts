import type { Report, StewardPerson, Stewardship, StewardshipKind } from './report.js';
import { STEWARDSHIP_KINDS } from './report.js';

/** One stewardship role a person holds now (docs/stewardship.md): the activity and their share of it. */
export interface StewardRole {
  readonly id: string;
  readonly activity: StewardshipKind;
  /** Of the window's events (integration, releases, review) or of the build files they author (build), 0–1. */
  readonly share: number;
}

/**
 * A steward's share as the bus factor counts it: of the window's events for the counted
 * activities, of the build files for build (its bus factor is the build files' authorship).
 */
export function stewardShare(kind: StewardshipKind, stewardship: Stewardship, person: StewardPerson, which: 'window' | 'all' = 'window'): number {
  if (kind === 'build') {
    const files = stewardship.build.files.length;
    return files === 0 ? 0 : (person.files ?? 0) / files;
  }
  return which === 'window' ? person.windowShare : person.share;
}

/**
 * Everyone's roles now, in `report.people` order, then activity order: events within the window,
 * or build files they author — the shares the active bus factors count.
 */
export function stewardRoles(report: Report): StewardRole[] {
  const { stewardship } = report;
  const indexOf = new Map(report.people.map((person, index) => [person.id, index]));
  const roles: StewardRole[] = [];
  for (const kind of STEWARDSHIP_KINDS) {
    if (!stewardship[kind].present) continue;
    for (const person of stewardship[kind].people) {
      const has = kind === 'build' ? (person.files ?? 0) > 0 : person.windowEvents > 0;
      if (has && indexOf.has(person.id)) roles.push({ id: person.id, activity: kind, share: stewardShare(kind, stewardship, person) });
    }
  }
  return roles.sort((a, b) => (indexOf.get(a.id) as number) - (indexOf.get(b.id) as number) || STEWARDSHIP_KINDS.indexOf(a.activity) - STEWARDSHIP_KINDS.indexOf(b.activity));
}
