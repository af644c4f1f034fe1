import { percent } from '../format.js';
import type { Report, StewardshipKind } from '../report/report.js';
import { stewardRoles, type StewardRole } from '../report/steward-roles.js';

/** How a role reads in a people table: short, so four fit beside the other columns. */
const ROLE_WORD: Readonly<Record<StewardshipKind, string>> = { integration: 'integrates', releases: 'releases', review: 'reviews', build: 'build' };

/** Between roles in a people table's column. */
export const ROLE_SEPARATOR = ' · ';

/** A share that is there but rounds to nothing still shows. */
const shareText = (share: number): string => (share > 0 && share < 0.005 ? '<1%' : percent(share));

/** `integrates 62%`, `build 30%`. */
export const roleText = (role: StewardRole): string => `${ROLE_WORD[role.activity]} ${shareText(role.share)}`;

/**
 * Each person's stewardship roles as text (`report.people` order), for the explorer's people view
 * and `busfactor people`: only the roles they have now (report/steward-roles.ts).
 */
export function personRoles(report: Report, roles: readonly StewardRole[] = stewardRoles(report)): readonly (readonly string[])[] {
  const indexOf = new Map(report.people.map((person, index) => [person.id, index]));
  const texts = report.people.map((): string[] => []);
  for (const role of roles) texts[indexOf.get(role.id) ?? -1]?.push(roleText(role));
  return texts;
}
