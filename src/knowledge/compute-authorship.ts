import { renameGroupPaths, type PathLineage } from '../history/lineage-collector.js';
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
  const files: string[] = [];
  const authors: Int32Array[] = [];
  const withoutHistory: string[] = [];
  const changes = new Int32Array(people.people.length);
  const isBot = people.people.map((person) => person.bot && !options.includeBots);

  for (const path of universe) {
    if (!lineages.has(path)) {
      withoutHistory.push(path);
      continue;
    }
    // person → packed (deliveries * 2 + added)
    const perPerson = new Map<number, number>();
    let totalDeliveries = 0;
    for (const member of renameGroupPaths([path], lineages)) {
      const lineage = lineages.get(member);
      if (!lineage) continue;
      for (const [identity, packed] of lineage.byIdentity) {
        const person = people.personOf[identity] as number;
        if (isBot[person]) continue;
        const previous = perPerson.get(person) ?? 0;
        perPerson.set(person, ((previous >> 1) + (packed >> 1)) * 2 + ((previous | packed) & 1));
        totalDeliveries += packed >> 1;
      }
    }
    // The reference keeps the best DOA starting from 0 and only replaces it when strictly larger:
    // a file whose every DOA is ≤ 0 has no author.
    let best = 0;
    const doas = new Map<number, number>();
    for (const [person, packed] of perPerson) {
      const firstAuthorship = packed & 1;
      const deliveries = packed >> 1;
      const doa = degreeOfAuthorship(firstAuthorship, deliveries, totalDeliveries - deliveries);
      doas.set(person, doa);
      if (doa > best) best = doa;
      changes[person] = (changes[person] as number) + firstAuthorship + deliveries;
    }
    const fileAuthors: number[] = [];
    if (best > 0) {
      for (const [person, doa] of doas) if (isAuthor(doa, best, (perPerson.get(person) as number) & 1)) fileAuthors.push(person);
    }
    fileAuthors.sort((a, b) => a - b);
    files.push(path);
    authors.push(Int32Array.from(fileAuthors));
  }
  return { files, authors, changes, withoutHistory };
}
