import type { Person } from '../identity/merge-identities.js';

/**
 * Order between people who author as many files (ALGORITHMS.md §1): the reference breaks such
 * ties arbitrarily (HashMap order); we take the one with more creations + deliveries first, then
 * the smaller id, so results are deterministic.
 */
export function compareForRemoval(people: readonly Person[], changes: Int32Array): (a: number, b: number) => number {
  return (a, b) => {
    const byChanges = (changes[b] ?? 0) - (changes[a] ?? 0);
    if (byChanges !== 0) return byChanges;
    const idA = people[a]?.id ?? '';
    const idB = people[b]?.id ?? '';
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  };
}
