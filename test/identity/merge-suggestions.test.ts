import { describe, expect, it } from 'vitest';
import type { RawIdentity } from '../../src/identity/identity-table.js';
import { mergeIdentities } from '../../src/identity/merge-identities.js';
import { mergeSuggestions } from '../../src/identity/merge-suggestions.js';

const raw = (name: string, email: string, commits = 1): RawIdentity => ({ name, email, commits, coAuthored: 0, firstTime: 1_600_000_000, lastTime: 1_600_000_000 });

/** `reason: name <email>, …` per suggestion, in order. */
function suggest(identities: RawIdentity[]): string[] {
  return mergeSuggestions(identities, mergeIdentities(identities)).map((s) => `${s.group} ${s.reason}: ${s.identities.map((i) => `${i.name} <${i.email}>`).join(', ')} → ${s.canonical.name} <${s.canonical.email}>`);
}

describe('merge suggestions', () => {
  it('GitHub no-reply: same account id (a renamed login), login spelled by an address or a name', () => {
    // 77+old and 77+new are one account; "jsmith" is spelled by js's address and by "J Smith"
    // without spaces; each pair is of different people (different names and emails).
    expect(suggest([raw('Old Login', '77+old@users.noreply.github.com', 3), raw('New Login', '77+new@users.noreply.github.com')])).toEqual([
      '1 github-noreply: Old Login <77+old@users.noreply.github.com>, New Login <77+new@users.noreply.github.com> → Old Login <77+old@users.noreply.github.com>',
    ]);
    expect(suggest([raw('Jo Smith', 'jsmith@corp.example', 2), raw('someone', '9+jsmith@users.noreply.github.com'), raw('J Smith', 'js@home.example')])).toEqual([
      '1 github-noreply: Jo Smith <jsmith@corp.example>, J Smith <js@home.example>, someone <9+jsmith@users.noreply.github.com> → Jo Smith <jsmith@corp.example>',
    ]);
  });

  it('email local parts: generic and short ones say nothing; a +tag is not part of it', () => {
    expect(suggest([raw('A One', 'info@a.example'), raw('B Two', 'info@b.example'), raw('C Three', 'me@c.example'), raw('D Four', 'me@d.example'), raw('E', 'ab@e.example'), raw('F', 'ab@f.example')])).toEqual([]);
    expect(suggest([raw('Kim Lee', 'kim.lee+git@a.example', 2), raw('K. Lee', 'kim.lee@b.example')])).toEqual([
      '1 email-local-part: Kim Lee <kim.lee+git@a.example>, K. Lee <kim.lee@b.example> → Kim Lee <kim.lee+git@a.example>',
    ]);
    // A first name, a surname or initials shared by different people (expressjs/express, git/git):
    // the surnames differ, or the local part is just one word of the name.
    expect(suggest([raw('Ben Atkin', 'ben@benatkin.example'), raw('Ben Weaver', 'ben@orangesoda.example'), raw('Christian Meder', 'chris@a.example'), raw('Christopher Beelby', 'chris@b.example'), raw('Andy Whitcroft', 'apw@c.example'), raw('Amos Waterland', 'apw@d.example'), raw('Greg Price', 'price@mit.example'), raw('Paul Price', 'price@astro.example')])).toEqual([]);
    // Initials and the same surname: one person.
    expect(suggest([raw('Eric S. Raymond', 'esr@thyrsus.example', 3), raw('Eric Raymond', 'esr@snark.example')])).toEqual(['1 email-local-part: Eric S. Raymond <esr@thyrsus.example>, Eric Raymond <esr@snark.example> → Eric S. Raymond <esr@thyrsus.example>']);
  });

  it('names folded (whitespace, punctuation) only where the AVL rule kept them apart', () => {
    // "Jane  Doe" (two spaces) and "jane.doe" are apart for the AVL rule; "JANE DOE" is merged with
    // "Jane Doe" by it (same-name), so it is one suggestion of each kind.
    expect(suggest([raw('Jane Doe', 'j1@a.example', 3), raw('JANE DOE', 'j2@b.example'), raw('Jane  Doe', 'j3@c.example'), raw('jane.doe', 'j4@d.example')])).toEqual([
      '1 same-name: Jane Doe <j1@a.example>, JANE DOE <j2@b.example> → Jane Doe <j1@a.example>',
      '1 name-folded: Jane Doe <j1@a.example>, JANE DOE <j2@b.example>, Jane  Doe <j3@c.example>, jane.doe <j4@d.example> → Jane Doe <j1@a.example>',
    ]);
  });

  it('same email with another name: merged by busfactor, not by git; one suggestion when both keys agree', () => {
    expect(suggest([raw('Ann', 'ann@a.example', 2), raw('Annie', 'ANN@a.example')])).toEqual(['1 same-email: Ann <ann@a.example>, Annie <ANN@a.example> → Ann <ann@a.example>']);
    expect(suggest([raw('José', 'jose@a.example', 2), raw('Jose', 'jose@a.example')])).toEqual(['1 same-name: José <jose@a.example>, Jose <jose@a.example> → José <jose@a.example>']);
  });

  it('a bot is never paired with a human, even when the AVL rule merged them', () => {
    // Same email: the AVL rule makes them one person, but no suggestion pairs a bot with a human.
    expect(suggest([raw('Pat Human', 'pat@a.example', 2), raw('renovate[bot]', 'pat@a.example')])).toEqual([]);
    expect(suggest([raw('dependabot[bot]', '1+dependabot[bot]@users.noreply.github.com'), raw('dependabot[bot]', 'dependabot[bot]@users.noreply.github.com')])).toEqual([
      '1 same-name: dependabot[bot] <1+dependabot[bot]@users.noreply.github.com>, dependabot[bot] <dependabot[bot]@users.noreply.github.com> → dependabot[bot] <1+dependabot[bot]@users.noreply.github.com>',
    ]);
  });

  it('is deterministic: the order identities come in does not change the answer', () => {
    const identities = [raw('Jane Doe', 'jane.doe@a.com', 3), raw('Jane Doe', 'jane@home.example'), raw('Doe, Jane', 'jane.doe@b.org'), raw('jdoe', '1+jdoe@users.noreply.github.com', 2), raw('John', 'jdoe@x.example')];
    expect(suggest([...identities].reverse())).toEqual(suggest(identities));
  });
});
