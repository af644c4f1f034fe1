import { compareText } from '../compare-text.js';

/**
 * Order between people who author as many files (docs/algorithms.md §1): the reference breaks such
 * ties arbitrarily (HashMap order); we take the one with more creations + deliveries first, then
 * the smaller id, so results are deterministic.
 */
export function compareForRemoval(people: readonly { readonly id: string }[], changes: ArrayLike<number>, idRanks?: ArrayLike<number>): (a: number, b: number) => number {
  if (idRanks) return (a, b) => (changes[b] ?? 0) - (changes[a] ?? 0) || (idRanks[a] ?? 0) - (idRanks[b] ?? 0);
  return (a, b) => (changes[b] ?? 0) - (changes[a] ?? 0) || compareText(people[a]?.id ?? '', people[b]?.id ?? '');
}

/**
 * Each person's place in the id order the tie-break takes: what a copy of the people whose ids are
 * replaced (an anonymized report, the HTML page's data) gives {@link compareForRemoval} to break
 * ties exactly as the real ids did.
 */
export function idRanks(people: readonly { readonly id: string }[]): number[] {
  const ranks = new Array<number>(people.length);
  people
    .map((person, index) => ({ id: person.id, index }))
    .sort((a, b) => compareText(a.id, b.id))
    .forEach((entry, rank) => {
      ranks[entry.index] = rank;
    });
  return ranks;
}
