import { compareText } from '../compare-text.js';
import { UnionFind } from '../identity/union-find.js';
import type { AnalysedPerson } from './repository-analysis.js';

/**
 * One person across repositories (docs/org.md, "People across repositories"): the people of every
 * report who share an email, case-insensitively and transitively (alice@a in one report, alice@a and
 * alice@b in a second, alice@b in a third: one person). Each report has already merged its own
 * identities by the AVL rule and its config's aliases; names alone never join two people here — two
 * repositories' "Alex" are not known to be one person.
 */
export interface OrgIdentity {
  readonly id: string;
  readonly name: string;
  readonly emails: readonly string[];
  /** Every report person they are: repository index, and index in that report's `people`. */
  readonly members: readonly { readonly repository: number; readonly person: number }[];
}

export interface MatchedPeople {
  /** Sorted by id. */
  readonly identities: readonly OrgIdentity[];
  /** The identity (index into `identities`) of a report's person. */
  identityOf(repository: number, person: number): number;
}

export function matchPeople(repositories: readonly { readonly people: readonly AnalysedPerson[] }[]): MatchedPeople {
  const offsets: number[] = [];
  let size = 0;
  for (const repository of repositories) {
    offsets.push(size);
    size += repository.people.length;
  }
  const sets = new UnionFind(size);
  const byEmail = new Map<string, number>();
  repositories.forEach((repository, r) =>
    repository.people.forEach((person, p) => {
      const node = (offsets[r] as number) + p;
      for (const email of person.emails) {
        const key = email.trim().toLowerCase();
        if (key === '') continue;
        const first = byEmail.get(key);
        if (first === undefined) byEmail.set(key, node);
        else sets.union(first, node);
      }
    }),
  );

  const groups = new Map<number, { repository: number; person: number }[]>();
  repositories.forEach((repository, r) =>
    repository.people.forEach((_person, p) => {
      const root = sets.find((offsets[r] as number) + p);
      const group = groups.get(root) ?? [];
      group.push({ repository: r, person: p });
      groups.set(root, group);
    }),
  );

  const personOf = (member: { repository: number; person: number }) => (repositories[member.repository] as { people: readonly AnalysedPerson[] }).people[member.person] as AnalysedPerson;
  const drafts = [...groups.entries()].map(([root, members]) => {
    // Named after their identity with the most commits (ties: the smaller id, then the earlier repository).
    const top = [...members].sort((a, b) => personOf(b).commits - personOf(a).commits || compareText(personOf(a).id, personOf(b).id) || a.repository - b.repository)[0] as { repository: number; person: number };
    const emails = [...new Set(members.flatMap((member) => personOf(member).emails.map((email) => email.trim().toLowerCase())).filter((email) => email !== ''))].sort(compareText);
    return { root, id: personOf(top).id, name: personOf(top).name, emails, members };
  });
  drafts.sort((a, b) => compareText(a.id, b.id) || compareText(a.emails[0] ?? '', b.emails[0] ?? '') || compareText(a.name, b.name));

  // Ids are emails, unique per group; two people known by the same name only (no email) get `#2`.
  const taken = new Set<string>();
  const identities: OrgIdentity[] = [];
  const indexOfRoot = new Map<number, number>();
  for (const draft of drafts) {
    let id = draft.id;
    for (let n = 2; taken.has(id); n += 1) id = `${draft.id}#${n}`;
    taken.add(id);
    indexOfRoot.set(draft.root, identities.length);
    identities.push({ id, name: draft.name, emails: draft.emails, members: draft.members });
  }
  return {
    identities,
    identityOf: (repository, person) => indexOfRoot.get(sets.find((offsets[repository] as number) + person)) as number,
  };
}
