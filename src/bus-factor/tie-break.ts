import { compareText } from '../compare-text.js';

/**
 * Order between people who author as many files (docs/algorithms.md §1): the reference breaks such
 * ties arbitrarily (HashMap order); we take the one with more creations + deliveries first, then
 * the smaller id, so results are deterministic.
 */
export function compareForRemoval(people: readonly { readonly id: string }[], changes: ArrayLike<number>): (a: number, b: number) => number {
  return (a, b) => (changes[b] ?? 0) - (changes[a] ?? 0) || compareText(people[a]?.id ?? '', people[b]?.id ?? '');
}
