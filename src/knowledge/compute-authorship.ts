import type { PathLineage } from '../history/lineage-collector.js';
import { authorSets } from './author-sets.js';
import type { People } from '../identity/merge-identities.js';
import { degreeOfAuthorship, isAuthor } from './degree-of-authorship.js';

/** Who authors each file of the universe (AVL), computed once for the whole repository. */
export interface Authorship {
  /** Universe files whose path appears in the kept history, in universe order. */
  readonly files: readonly string[];
  /** Per file (same order), the person indices that author it, ascending. */
  readonly authors: readonly Int32Array[];
  /** Per person: creations + deliveries over all files above (the greedy loop's tie-break). */
  readonly changes: Int32Array;
  /** Universe files whose path never appears in the kept history: not counted at all. */
  readonly withoutHistory: readonly string[];
  /**
   * Per file (same order), everyone with a degree of authorship and that degree relative to the
   * file's best (≤ 0 clamped to 0): how close non-authors are to holding it (successors).
   */
  readonly degrees: readonly FileDegrees[];
  /** Recency model: universe files with history but no change in its window (not counted). */
  readonly withoutRecentData: readonly string[];
}

/** Everyone with a degree on one file, and that degree as a share of the file's best (0–1). */
export interface FileDegrees {
  readonly people: Int32Array;
  readonly relative: Float64Array;
}

export interface AuthorshipOptions {
  /** Count bots as people (`--include-bots`); by default their changes are left out entirely. */
  readonly includeBots: boolean;
}

/**
 * Degree of authorship for every (file, person) of the universe and the resulting author sets.
 * FA(d,f) = 1 iff d has an `A` in the group (first creator or "secondary creator": the reference
 * counts both; a repeat add by the same person changes nothing); DL = d's M and R entries;
 * AC = everyone's M and R entries − DL.
 */
export function computeAuthorship(
  universe: readonly string[],
  lineages: ReadonlyMap<string, PathLineage>,
  people: People,
  options: AuthorshipOptions,
): Authorship {
  return authorSets(universe, lineages, people, options, (group, skip, changes) => {
    // person → packed (deliveries * 2 + added)
    const perPerson = new Map<number, number>();
    let totalDeliveries = 0;
    for (const member of group) {
      for (const [identity, packed] of lineages.get(member)?.byIdentity ?? []) {
        const person = people.personOf[identity] as number;
        if (skip(person)) continue;
        const previous = perPerson.get(person) ?? 0;
        perPerson.set(person, ((previous >> 1) + (packed >> 1)) * 2 + ((previous | packed) & 1));
        totalDeliveries += packed >> 1;
      }
    }
    // The reference keeps the best DOA starting from 0 and only replaces it when strictly larger:
    // a file whose every DOA is ≤ 0 has no author.
    let best = 0;
    const degrees = new Map<number, number>();
    for (const [person, packed] of perPerson) {
      const firstAuthorship = packed & 1;
      const deliveries = packed >> 1;
      const doa = degreeOfAuthorship(firstAuthorship, deliveries, totalDeliveries - deliveries);
      degrees.set(person, doa);
      if (doa > best) best = doa;
      changes[person] = (changes[person] as number) + firstAuthorship + deliveries;
    }
    const authors: number[] = [];
    if (best > 0) {
      for (const [person, doa] of degrees) if (isAuthor(doa, best, (perPerson.get(person) as number) & 1)) authors.push(person);
    }
    return { degrees, best, authors };
  });
}
