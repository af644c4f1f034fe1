import type { ActivityCollector } from '../history/activity-collector.js';
import type { PathLineage } from '../history/lineage-collector.js';
import type { People } from '../identity/merge-identities.js';
import { authorSets } from './author-sets.js';
import type { Authorship, AuthorshipOptions } from './compute-authorship.js';

/** Author threshold of the recency model (docs/algorithms.md §3). */
const MIN_DEGREE = 0.001;
const RELATIVE_THRESHOLD = 0.75;

/** A(d, f) of docs/algorithms.md §3, from d's weights and everyone else's. */
export function recencyDegree(ownWeight: number, weight: number, othersWeight: number): number {
  return 3.0 * ownWeight + 1.0 * weight + 2.4 * (Math.log(1 + weight + othersWeight) - Math.log(1 + othersWeight));
}

/**
 * The recency-weighted model (JetBrains; docs/algorithms.md §3): per file and person, the changes of
 * the 547 days before the analysed commit, each weighing exp(−days/90); author iff A ≥ 0.001 and
 * A / max A > 0.75. Rename groups as in the AVL model. Files with history but no change in the
 * window leave the denominator (`withoutRecentData`). The greedy loop's tie-break counts changes in
 * the window.
 */
export function computeRecencyAuthorship(
  universe: readonly string[],
  lineages: ReadonlyMap<string, PathLineage>,
  activity: ActivityCollector,
  people: People,
  options: AuthorshipOptions,
): Authorship {
  return authorSets(universe, lineages, people, options, (group, skip, changes) => {
    const perPerson = new Map<number, { weight: number; ownWeight: number; windowChanges: number }>();
    let total = 0;
    for (const member of group) {
      for (const [identity, dated] of activity.paths.get(member) ?? []) {
        if (dated.weight <= 0) continue;
        const person = people.personOf[identity] as number;
        if (skip(person)) continue;
        const sum = perPerson.get(person) ?? { weight: 0, ownWeight: 0, windowChanges: 0 };
        sum.weight += dated.weight;
        sum.ownWeight = Math.max(sum.ownWeight, dated.ownWeight);
        sum.windowChanges += dated.windowChanges;
        perPerson.set(person, sum);
        total += dated.weight;
      }
    }
    if (perPerson.size === 0) return undefined;
    let best = 0;
    const degrees = new Map<number, number>();
    for (const [person, sum] of perPerson) {
      const degree = recencyDegree(sum.ownWeight, sum.weight, total - sum.weight);
      degrees.set(person, degree);
      if (degree > best) best = degree;
      changes[person] = (changes[person] as number) + sum.windowChanges;
    }
    const authors = [...degrees].filter(([, degree]) => degree >= MIN_DEGREE && degree / best > RELATIVE_THRESHOLD).map(([person]) => person);
    return { degrees, best, authors };
  });
}
