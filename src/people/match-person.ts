import leven from 'leven';
import type { Person } from '../identity/merge-identities.js';
import { stripAccents } from '../identity/strip-accents.js';

/** Who a `--without` or config `people` entry names. */
export type PersonMatch =
  | { readonly kind: 'one'; readonly person: number }
  | { readonly kind: 'none'; readonly close: readonly string[] }
  | { readonly kind: 'many'; readonly people: readonly number[] };

const fold = (text: string): string => stripAccents(text).trim().toLowerCase();

/**
 * Finds the person a user names: by id first, then by any of their emails, then by any of their
 * names (accents and case aside). A name two people share is ambiguous: the caller lists them. With
 * no match, up to three ids, emails or names within a small edit distance are offered.
 */
export function matchPerson(people: readonly Person[], query: string): PersonMatch {
  const wanted = fold(query);
  if (wanted === '') return { kind: 'none', close: [] };
  for (const field of [(p: Person) => [p.id], (p: Person) => p.emails, (p: Person) => p.names]) {
    const found = people.filter((person) => field(person).some((value) => fold(value) === wanted)).map((person) => person.index);
    if (found.length === 1) return { kind: 'one', person: found[0] as number };
    if (found.length > 1) return { kind: 'many', people: found };
  }
  return { kind: 'none', close: closeMatches(people, wanted) };
}

/** Ids, emails and names within a third of the query's length in edits, closest first. */
function closeMatches(people: readonly Person[], wanted: string): string[] {
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const scored = new Map<string, number>();
  for (const person of people) {
    for (const value of [person.id, ...person.emails, ...person.names]) {
      const folded = fold(value);
      const distance = Math.min(leven(folded, wanted), folded.startsWith(wanted) || wanted.startsWith(folded) ? 1 : Number.POSITIVE_INFINITY);
      if (distance <= limit && !scored.has(value)) scored.set(value, distance);
    }
  }
  return [...scored].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([value]) => value);
}

/** One line for a query that matched nobody, or several people (`--without`, config `people`). */
export function describeMismatch(people: readonly Person[], query: string, match: Exclude<PersonMatch, { kind: 'one' }>): string {
  if (match.kind === 'many') {
    const list = match.people.map((index) => people[index]?.id ?? '').join(', ');
    return `"${query}" names ${match.people.length} people (${list}): give an id or an email`;
  }
  return match.close.length > 0 ? `"${query}" matches nobody in the history; did you mean ${match.close.map((value) => `"${value}"`).join(', ')}?` : `"${query}" matches nobody in the history (see busfactor people)`;
}
