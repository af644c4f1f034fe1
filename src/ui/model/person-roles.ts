import { percent } from '../../format.js';
import type { Report, StewardshipKind } from '../../report/report.js';
import { STEWARDSHIP_KINDS } from '../../report/report.js';
import { stewardShare } from '../../render/render-stewardship.js';

/** How a role reads in the people view: short, so four fit beside the other columns. */
const ROLE_WORD: Readonly<Record<StewardshipKind, string>> = { integration: 'integrates', releases: 'releases', review: 'reviews', build: 'build' };

/** Between roles in the people view's column. */
export const ROLE_SEPARATOR = ' · ';

/** A share that is there but rounds to nothing still shows. */
const shareText = (share: number): string => (share > 0 && share < 0.005 ? '<1%' : percent(share));

/**
 * Each person's stewardship roles (`report.people` order): `integrates 62%`, `build 30%`. Only the
 * roles they have now: events within the window (their share of them), or build files they
 * author (their share of the files), the shares the active bus factors count.
 */
export function personRoles(report: Report): readonly (readonly string[])[] {
  const { stewardship } = report;
  const indexOf = new Map(report.people.map((person, index) => [person.id, index]));
  const roles = report.people.map((): string[] => []);
  for (const kind of STEWARDSHIP_KINDS) {
    if (!stewardship[kind].present) continue;
    for (const person of stewardship[kind].people) {
      const has = kind === 'build' ? (person.files ?? 0) > 0 : person.windowEvents > 0;
      if (has) roles[indexOf.get(person.id) ?? -1]?.push(`${ROLE_WORD[kind]} ${shareText(stewardShare(kind, stewardship, person))}`);
    }
  }
  return roles;
}
