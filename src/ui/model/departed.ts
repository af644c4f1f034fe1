import type { Report } from '../../report/report.js';

/**
 * Person indices (`report.people` order, as `indexAuthorship` numbers them) of the people who have
 * departed: the active bus factor is the greedy loop without them.
 */
export function departedIndices(report: Report): ReadonlySet<number> {
  return new Set(report.people.flatMap((person, index) => (person.departed ? [index] : [])));
}

/** The people the active bus factor leaves out under what-if: departed, and those marked as leaving. */
export function goneWith(departed: ReadonlySet<number>, leaving: ReadonlySet<number>): ReadonlySet<number> {
  if (leaving.size === 0) return departed;
  return new Set([...departed, ...leaving]);
}
