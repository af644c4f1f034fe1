import { describe, expect, it } from 'vitest';
import type { Step } from '../../fixtures/build-repo.js';
import { GATE_HISTORY } from '../../fixtures/check-histories.js';
import { MONOREPO } from '../../fixtures/module-histories.js';
import { STEWARDSHIP_HISTORY } from '../../fixtures/stewardship-histories.js';
import { analyze } from '../../src/analyze.js';
import { anonymizeReport, randomSalt, uniquePrefixes } from '../../src/report/anonymize-report.js';
import type { Report } from '../../src/report/report.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();

const PSEUDO_ID = /^[0-9a-f]{8,}@anonymized\.invalid$/;
const PSEUDO_NAME = /^Person [0-9a-f]{8,}$/;

/** Every name, email, id and CODEOWNERS user or email owner the un-anonymized report holds. */
function personStrings(report: Report): string[] {
  const people = report.people.flatMap((person) => [person.id, person.name, ...person.names, ...person.emails]);
  const owners = (report.codeowners?.owners ?? []).filter((owner) => owner.type !== 'team').map((owner) => owner.owner);
  return [...new Set([...people, ...owners])].filter((value) => value !== '');
}

/** The report with every string blanked: numbers, booleans, keys and list lengths, which anonymizing must keep. */
const figures = (report: Report): string => JSON.stringify(report, (_key, value: unknown) => (typeof value === 'string' ? '' : value));

function expectAnonymous(report: Report, anonymized: Report): void {
  const json = JSON.stringify(anonymized).toLowerCase();
  for (const value of personStrings(report)) expect(json, value).not.toContain(value.toLowerCase());
  expect(figures(anonymized)).toBe(figures(report));
  for (const person of anonymized.people) {
    expect(person.id).toMatch(PSEUDO_ID);
    expect(person.name).toMatch(PSEUDO_NAME);
  }
  // Every reference still points at someone in people[].
  const ids = new Set(anonymized.people.map((person) => person.id));
  const referenced = [
    ...anonymized.keyPeople.map((p) => p.id),
    ...anonymized.activeKeyPeople.map((p) => p.id),
    ...anonymized.modules.flatMap((m) => [...m.keyPeople, ...(m.successors ?? []), ...(m.lineOwners ?? [])].map((p) => p.id)),
    ...anonymized.files.flatMap((f) => [...f.authors, ...(f.owners ?? []).map((o) => o.id)]),
    ...(anonymized.whatIf?.without.map((p) => p.id) ?? []),
    ...(anonymized.lineOwnership?.owners.map((o) => o.id) ?? []),
    ...(anonymized.lineOwnership?.islands.map((i) => i.owner) ?? []),
    ...(anonymized.codeowners?.owners.flatMap((o) => (o.person === undefined ? [] : [o.person])) ?? []),
    ...(['integration', 'releases', 'review', 'build'] as const).flatMap((kind) => {
      const activity = anonymized.stewardship[kind];
      return [...activity.keyPeople, ...activity.activeKeyPeople, ...activity.people.map((p) => p.id)];
    }),
    ...anonymized.stewardship.releases.recent.map((release) => release.by),
    ...anonymized.stewardship.build.files.flatMap((file) => file.authors),
  ];
  for (const id of referenced) expect(ids.has(id), id).toBe(true);
}

describe('anonymizeReport', () => {
  it('pseudonymizes GATE_HISTORY with --without, keeping every figure', async () => {
    const report = await analyze({ path: fixture(GATE_HISTORY).dir, without: ['bob@example.com'] });
    // fixtures/check-histories.ts: bus factor 2 (Bob, Alice), active 1 (Bob); api 1/1, billing 1/0
    // (3 lost), web 2/2. Without Bob: 2 → 1, active 1 → 0; api 1 → 0, web 2 → 1.
    expect([report.busFactor, report.activeBusFactor, report.lost.files]).toEqual([2, 1, 3]);
    const anonymized = anonymizeReport(report, 'salt-1');
    expectAnonymous(report, anonymized);
    expect(JSON.stringify(anonymized)).not.toContain('example');
    expect([anonymized.busFactor, anonymized.activeBusFactor, anonymized.lost.files, anonymized.totals.files]).toEqual([2, 1, 3, 10]);
    expect(anonymized.modules.map((m) => [m.id, m.files, m.busFactor, m.activeBusFactor, m.lostFiles])).toEqual([
      ['directory:api', 4, 1, 1, 0],
      ['directory:billing', 3, 1, 0, 3],
      ['directory:web', 3, 2, 2, 0],
    ]);
    expect(anonymized.whatIf?.busFactor).toEqual({ before: 2, after: 1 });
    expect(anonymized.whatIf?.activeBusFactor).toEqual({ before: 1, after: 0 });
    // --without names Bob: the what-if and the settings name his pseudonym, people[0] (most commits).
    const bob = anonymized.people[0]!;
    expect(report.people[0]!.id).toBe('bob@example.com');
    expect(anonymized.whatIf?.without).toEqual([{ id: bob.id, name: bob.name }]);
    expect(anonymized.settings.without).toEqual([bob.id]);
    expect(anonymized.keyPeople.map((p) => p.id)).toEqual([bob.id, anonymized.people[1]!.id]);
  });

  it('is stable for a salt and differs between salts', async () => {
    const report = await analyze({ path: fixture(GATE_HISTORY).dir });
    const once = JSON.stringify(anonymizeReport(report, 'team-secret'));
    expect(JSON.stringify(anonymizeReport(report, 'team-secret'))).toBe(once);
    const other = anonymizeReport(report, 'another-secret');
    const first = new Set((JSON.parse(once) as Report).people.map((person) => person.id));
    for (const person of other.people) expect(first.has(person.id)).toBe(false);
    // The input is not changed.
    expect(report.people[0]!.id).toBe('bob@example.com');
    expect(randomSalt()).toMatch(/^[0-9a-f]{64}$/);
    expect(randomSalt()).not.toBe(randomSalt());
  });

  it('replaces CODEOWNERS users and emails, keeps teams, and covers line ownership', async () => {
    // fixtures/module-histories.ts: @alice matches nobody, alice@example.com is Alice, @bob-gh is Bob
    // (his no-reply address), @carol Carol (alias), carol@example.com Carol, @dave nobody; @acme/core
    // is a team. Repository bus factor 2; codeowners:3 (billing) 1, :4 (api) 2, :5 (infra) 1, :8 1.
    const report = await analyze({ path: fixture(MONOREPO).dir, moduleKinds: ['codeowners', 'workspaces'], aliases: { 'carol@example.com': ['@carol'] }, lines: true });
    expect(report.codeowners?.owners.map((o) => o.owner)).toEqual(['@acme/core', '@alice', 'alice@example.com', '@bob-gh', '@carol', 'carol@example.com', '@dave']);
    const anonymized = anonymizeReport(report, 'salt');
    expectAnonymous(report, anonymized);
    const json = JSON.stringify(anonymized);
    for (const leak of ['example', 'bob-gh', 'users.noreply', 'Alice', 'Carol']) expect(json).not.toContain(leak);
    expect(anonymized.busFactor).toBe(2);
    expect(anonymized.modules.filter((m) => m.kind === 'codeowners').map((m) => [m.id, m.busFactor])).toEqual([
      ['codeowners:3', 1],
      ['codeowners:4', 2],
      ['codeowners:5', 1],
      ['codeowners:8', 1],
    ]);
    const owners = anonymized.codeowners!.owners;
    expect(owners[0]).toEqual({ owner: '@acme/core', type: 'team' });
    for (const owner of owners.slice(1)) expect(owner.owner).toMatch(owner.type === 'user' ? /^@person-[0-9a-f]{8,}$/ : PSEUDO_ID);
    // A matched handle and email take the hex of their person: @carol and carol@example.com are one.
    const carol = anonymized.people.find((person) => person.id === owners[5]!.person)!;
    expect(owners[4]!.owner).toBe(`@person-${carol.id.split('@')[0]}`);
    expect(owners[5]!.owner).toBe(carol.id);
    // Unmatched @alice and @dave get their own pseudonyms, distinct from everyone's: six owners,
    // five hexes (@alice, Alice, Bob, Carol twice, @dave).
    expect(new Set(owners.slice(1).map((o) => o.owner.replace(/^@person-|@anonymized\.invalid$/g, ''))).size).toBe(5);
    // modules[].owners say what codeowners.rules[].owners say.
    expect(anonymized.modules.find((m) => m.id === 'codeowners:4')?.owners).toEqual(anonymized.codeowners!.rules.find((r) => r.id === 'codeowners:4')?.owners);
    expect(anonymized.lineOwnership?.owners.map((o) => o.lines)).toEqual([5, 3, 2]);
  });

  it('covers stewardship: releasers, reviewers, build authors, a person with two emails', async () => {
    // fixtures/stewardship-histories.ts: integration 2 / 2, releases 2 / 1, review 1 / 1, build 2;
    // Alice has two emails (alice@example.com, alice@home.example). Without Maya: integration 2 → 0.
    const report = await analyze({ path: fixture(STEWARDSHIP_HISTORY).dir, without: ['Maya Lind'] });
    const anonymized = anonymizeReport(report, 'salt');
    expectAnonymous(report, anonymized);
    expect(JSON.stringify(anonymized)).not.toContain('example');
    const { integration, releases, review, build } = anonymized.stewardship;
    expect([integration.busFactor, releases.busFactor, releases.activeBusFactor, review.busFactor, build.busFactor]).toEqual([2, 2, 1, 1, 2]);
    expect(releases.recent.map((release) => release.tag)).toEqual(report.stewardship.releases.recent.map((release) => release.tag));
    const alice = anonymized.people.find((person) => person.emails.length === 2)!;
    expect(alice.emails).toEqual([alice.id, alice.id.replace('@', '+2@')]);
    expect(anonymized.whatIf?.stewardship.integration?.busFactor).toEqual({ before: 2, after: 0 });
    // "Maya Lind" as typed becomes Maya's pseudonymous id.
    expect(anonymized.settings.without).toEqual([anonymized.whatIf?.without[0]?.id]);
  });

  it('scrubs warnings: known emails, ids and names (3+ characters, whole words, longest first), other emails', async () => {
    const ann = { name: 'Ann', email: 'ann@example.com' };
    const anna = { name: 'Anna Berg', email: 'anna@example.com' };
    const al = { name: 'Al', email: 'al@example.com' };
    const history: readonly Step[] = [
      { commit: { author: ann, at: '2024-01-01T10:00:00Z', write: { 'a.js': 'a\n' } } },
      { commit: { author: anna, at: '2024-01-02T10:00:00Z', write: { 'b.js': 'b\n' } } },
      { commit: { author: al, at: '2024-01-03T10:00:00Z', write: { 'c.js': 'c\n' } } },
    ];
    const analysed = await analyze({ path: fixture(history).dir });
    const message = 'Anna Berg and Ann, not annotations; Al; ANNA@EXAMPLE.COM, stranger@elsewhere.org; tag pkg@1.2.3';
    const report: Report = { ...analysed, warnings: [{ code: 'config-unusable', message }] };
    const anonymized = anonymizeReport(report, 'salt');
    const pseudo = (email: string) => anonymized.people[report.people.findIndex((person) => person.id === email)]!;
    const [annP, annaP] = [pseudo('ann@example.com'), pseudo('anna@example.com')];
    const stranger = /(\S+@anonymized\.invalid); tag/.exec(anonymized.warnings[0]!.message)?.[1];
    expect(stranger).toMatch(PSEUDO_ID);
    expect(anonymized.warnings[0]!.message).toBe(`${annaP.name} and ${annP.name}, not annotations; Al; ${annaP.id}, ${stranger}; tag pkg@1.2.3`);
  });
});

describe('uniquePrefixes', () => {
  it('lengthens colliding prefixes until they differ, and only those', () => {
    const digests = new Map([
      ['a', 'abcdef0123'],
      ['b', 'abcdef0145'],
      ['c', 'abcdef0199'],
      ['d', '1234567890'],
    ]);
    // a, b and c share the 8 digits abcdef01 and differ at the 9th: all three take 9; d keeps 8.
    expect(uniquePrefixes(digests)).toEqual(
      new Map([
        ['a', 'abcdef012'],
        ['b', 'abcdef014'],
        ['c', 'abcdef019'],
        ['d', '12345678'],
      ]),
    );
    // x and y share 10 digits: both grow to 11, one digit at a time.
    const deep = new Map([
      ['x', 'ffffffff00a'],
      ['y', 'ffffffff00b'],
    ]);
    expect(uniquePrefixes(deep)).toEqual(new Map([['x', 'ffffffff00a'], ['y', 'ffffffff00b']]));
  });
});

// GATE_HISTORY with a config that lists, as departed, someone the history does not know and a
// near-miss of Alice's name: the warnings quote both (and suggest "Alice Archer" for the second).
describe('anonymizeReport: warnings about the config\'s people', () => {
  it('redacts every quoted value, so no unknown name and no "did you mean" survives', async () => {
    const { withConfig } = await import('../../fixtures/check-histories.js');
    const dir = fixture(withConfig({ people: { departed: ['Jane Roe', 'Alice Archr'] } })).dir;
    const report = await analyze({ path: dir });
    const warnings = report.warnings.filter((warning) => warning.code === 'config-unusable').map((warning) => warning.message).join('\n');
    expect(warnings).toContain('"Jane Roe"');
    expect(warnings).toContain('"Alice Archr"');
    const anonymized = JSON.stringify(anonymizeReport(report, 'salt').warnings);
    for (const value of ['Jane Roe', 'Alice Archr', 'Alice Archer']) expect(anonymized).not.toContain(value);
    expect(anonymized).toContain('(redacted)');
  });
});
