import { describe, expect, it } from 'vitest';
import type { RawIdentity } from '../../src/identity/identity-table.js';
import { mergeIdentities } from '../../src/identity/merge-identities.js';
import { stripAccents } from '../../src/identity/strip-accents.js';
import { isBotIdentity } from '../../src/identity/bots.js';

const raw = (name: string, email: string, commits = 1, time = 1000): RawIdentity => ({ name, email, commits, coAuthored: 0, firstTime: time, lastTime: time });

describe('mergeIdentities (AVL rule)', () => {
  it('merges emails case-insensitively and keys sharing a name, transitively', () => {
    const { people, personOf } = mergeIdentities([
      raw('Alice Archer', 'alice@work.com', 5),
      raw('alice archer', 'ALICE@home.org', 2), // same upper-cased name as #0
      raw('A. Archer', 'Alice@Home.org', 1), // same upper-cased email as #1
      raw('Bob', 'bob@x.org', 3),
    ]);
    expect(people).toHaveLength(2);
    expect(personOf[0]).toBe(personOf[1]);
    expect(personOf[1]).toBe(personOf[2]);
    expect(personOf[3]).not.toBe(personOf[0]);
    const alice = people[personOf[0] as number];
    expect(alice?.commits).toBe(8);
    expect(alice?.name).toBe('Alice Archer');
    expect(alice?.id).toBe('alice@work.com');
    expect(alice?.emails).toEqual(['alice@work.com', 'ALICE@home.org', 'Alice@Home.org']);
  });

  it('joins committers, taggers and reviewers to one author each, never merging two authors', () => {
    const steward = (name: string, email: string) => raw(name, email, 0);
    const { people, personOf } = mergeIdentities([
      raw('Jane Doe', 'j1@x.org', 3),
      raw('J. Doe', 'j2@x.org', 2),
      // A trailer naming "J. Doe" with Jane's address: by the rule alone it would merge both
      // authors (same email as #0, same name as #1); it joins Jane, by its email, only.
      steward('J. Doe', 'j1@x.org'),
      // Matching an author by name only: joins him.
      steward('J. Doe', 'jd@elsewhere.org'),
      // Matching no author: a person of their own, merged with stewards like them.
      steward('Rae Ruiz', 'rae@x.org'),
      steward('Rae Ruiz', 'rae@home.org'),
    ]);
    expect(people.map((p) => [p.name, p.commits])).toEqual([
      ['Jane Doe', 3],
      ['J. Doe', 2],
      ['Rae Ruiz', 0],
    ]);
    expect([...personOf]).toEqual([0, 1, 0, 1, 2, 2]);
  });

  it('uses the name as key when the email is empty, and strips accents', () => {
    const { people } = mergeIdentities([raw('José Núñez', ''), raw('Jose Nunez', 'jose@x.org'), raw('', 'nobody@x.org')]);
    // "José Núñez" and "Jose Nunez" upper-case to the same accent-free name: one person.
    expect(people).toHaveLength(2);
    expect(people.find((p) => p.emails.includes('jose@x.org'))?.names).toContain('José Núñez');
  });

  it('does not merge people who share only an empty name', () => {
    const { people } = mergeIdentities([raw('', 'a@x.org'), raw('', 'b@x.org')]);
    expect(people).toHaveLength(2);
  });

  it('sorts people by commits, then id, and flags bots', () => {
    const { people } = mergeIdentities([raw('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com', 9), raw('Zed', 'z@x.org', 9), raw('Amy', 'a@x.org', 1)]);
    expect(people.map((p) => p.id)).toEqual(['49699333+dependabot[bot]@users.noreply.github.com', 'z@x.org', 'a@x.org']);
    expect(people.map((p) => p.bot)).toEqual([true, false, false]);
  });
});

describe('stripAccents', () => {
  it('removes combining marks like Apache Commons', () => {
    expect(stripAccents('Łukasz Żółć Ångström')).toBe('Lukasz Zolc Angstrom');
    expect(stripAccents('plain')).toBe('plain');
  });
});

describe('isBotIdentity', () => {
  it.each([
    ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com', true],
    ['renovate', 'bot@renovateapp.com', true],
    ['github-actions', '41898282+github-actions[bot]@users.noreply.github.com', true],
    ['Greenkeeper', 'support@greenkeeper.io', true],
    ['Robert Bottomley', 'rob@bottom.ly', false],
    ['Abbot', 'abbot@x.org', false],
  ])('%s <%s> → %s', (name, email, expected) => {
    expect(isBotIdentity(name, email)).toBe(expected);
  });
});
