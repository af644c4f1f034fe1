import type { Person } from '../identity/merge-identities.js';
import type { Warning } from '../warnings.js';
import { describeMismatch, matchPerson } from './match-person.js';

/** Why a person counts as gone: no commit within the age, or the config says so. */
export type Departure = 'inactive' | 'config';

export interface DepartedPeople {
  /** Per person index: why they have departed, or undefined when they are still here. */
  readonly departure: readonly (Departure | undefined)[];
  /** Config entries that named nobody, or several people. */
  readonly problems: readonly string[];
}

export interface DepartureRules {
  /** The analysed commit's committer time, in seconds; undefined when it has no usable date. */
  readonly referenceTime: number | undefined;
  /** `--departed-after`, in seconds. */
  readonly after: number;
  /** The config's `people.departed` and `people.present`. */
  readonly departed: readonly string[];
  readonly present: readonly string[];
  /** Per person: their last activity of any kind (people/last-active.ts). */
  readonly lastActive: readonly (number | undefined)[];
}

/**
 * Who has left (docs/algorithms.md §6): a person whose last activity is more than `after` seconds
 * older than the analysed commit, unless the config lists them as present; anyone the config lists
 * as departed. Measured from the analysed commit, never the clock: a rerun gives the same answer.
 * A person without a usable date, or a history whose analysed commit has none, departs only by
 * the config.
 */
export function departedPeople(people: readonly Person[], rules: DepartureRules): DepartedPeople {
  const departure: (Departure | undefined)[] = people.map((person) => {
    const last = rules.lastActive[person.index];
    if (rules.referenceTime === undefined || last === undefined) return undefined;
    return rules.referenceTime - last > rules.after ? 'inactive' : undefined;
  });
  const problems: string[] = [];
  const named = (entries: readonly string[], key: string): number[] =>
    entries.flatMap((entry) => {
      const match = matchPerson(people, entry);
      if (match.kind === 'one') return [match.person];
      problems.push(`people.${key}: ${describeMismatch(people, entry, match)}`);
      return [];
    });
  for (const person of named(rules.present, 'present')) departure[person] = undefined;
  for (const person of named(rules.departed, 'departed')) departure[person] = 'config';
  return { departure, problems };
}

/** Config problems as warnings (a repository's own file: its content is not the user's typing). */
export function departureWarnings(problems: readonly string[], configPath: string | undefined): Warning[] {
  return problems.map((problem) => ({ code: 'config-unusable', message: `${configPath ?? 'config'}: ${problem} (ignored)` }));
}
