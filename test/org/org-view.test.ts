import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildOrgView } from '../../src/org/build-org-view.js';
import type { OrgView } from '../../src/org/org-view.js';
import { analysedRepository } from '../../src/org/repository-analysis.js';
import type { Report } from '../../src/report/report.js';
import { buildOrgFolder, type OrgFolder } from './org-folder.js';

let folder: OrgFolder;
let reports: { team: Report; billing: Report; tools: Report };
let view: OrgView;

const viewOf = (list: readonly [string, Report][]) => buildOrgView({ analyses: list.map(([stem, report]) => analysedRepository(report, { stem, source: stem })), failures: [] });

beforeAll(async () => {
  folder = buildOrgFolder({ broken: false });
  const [team, billing, tools] = await Promise.all([analyze({ path: folder.team }), analyze({ path: folder.billing }), analyze({ path: folder.tools })]);
  reports = { team, billing, tools };
  view = viewOf([['team', team], ['billing', billing], ['tools', tools]]);
});
afterAll(() => folder.remove());

describe('the organisation view (docs/org.md, "The view")', () => {
  it('lists the repositories riskiest first, with the figures of each report', () => {
    // billing: active bus factor 1 (fixtures/org-histories.ts) → first. team and tools both have
    // active bus factor 2, nothing lost and bus factor 2: the larger goes first (team 7 files, tools 5).
    expect(view.repositories.map((repository) => [repository.name, repository.activeBusFactor, repository.lost.files, repository.busFactor, repository.files])).toEqual([
      ['billing', 1, 1, 1, 5],
      ['team', 2, 0, 2, 7],
      ['tools', 2, 0, 2, 5],
    ]);
    const billing = view.repositories[0];
    expect(billing?.lost.share).toBe(0.2);
    expect(billing?.keyPeople.map((person) => [person.person, person.name, person.files, person.departed])).toEqual([['bob@personal.example', 'Bob Baker', 3, false]]);
    expect(billing?.commits).toBe(5);
    // In tools the key person Robert Baker is the org's Bob: his key-people entry carries the org id.
    expect(view.repositories[2]?.keyPeople.map((person) => [person.person, person.name])).toEqual([
      ['alice@other.example', 'Alice Archer'],
      ['bob@personal.example', 'Robert Baker'],
    ]);
  });

  it('matches people across repositories by email, transitively, never by name', () => {
    // 9 report people: team Alice, Bob, Carol; billing Bob, Dave, Erin; tools Alice', Robert, Dave.
    // Bob ~ Bob (bob@example.com) ~ Robert (bob@personal.example): one; the two Daves: one; the two
    // Alices share a name only: two. 9 − 2 − 1 = 6.
    expect(view.totals.people).toBe(6);
    // Files 7 + 5 + 5; commits: TEAM_HISTORY's 17 (16 and the merge), 5 and 5.
    expect(view.totals).toEqual({ repositories: 3, failed: 0, people: 6, keyPeople: 3, departedHolders: 1, files: 17, commits: 17 + 5 + 5 });
    const bob = view.people[0];
    // Named after his identity with the most commits: billing's Bob (3 commits), id the email he used most there.
    expect(bob).toMatchObject({ id: 'bob@personal.example', name: 'Bob Baker', emails: ['bob@example.com', 'bob@personal.example'], keyIn: 3, activeKeyIn: 3, files: 8 });
    expect(bob?.repositories.map((entry) => [entry.repository, entry.key, entry.files, entry.commits])).toEqual([
      // team: server, router, auth (3 files, 2 commits); billing: a, b, c; tools: z, w.
      ['billing', true, 3, 3],
      ['team', true, 3, 2],
      ['tools', true, 2, 2],
    ]);
    // Key in one repository each, 2 files each: ties go by id.
    expect(view.people.slice(1).map((person) => [person.id, person.keyIn, person.files, person.repositories.map((entry) => entry.repository)])).toEqual([
      ['alice@other.example', 1, 2, ['tools']],
      ['carol@example.com', 1, 2, ['team']],
    ]);
    // Team's Alice is no key person anywhere: not listed, and not merged with tools' Alice.
    expect(view.people.find((person) => person.emails.includes('alice@example.com'))).toBeUndefined();
  });

  it('lists the departed who still hold files, with where they are still here', () => {
    expect(view.departed).toEqual([{ person: 'dave@example.com', name: 'Dave Dunn', emails: ['dave@example.com'], files: 1, keyIn: 0, repositories: [{ repository: 'billing', files: 1, share: 0.2, key: false }], activeIn: ['tools'] }]);
  });

  it('is the same whatever order the reports come in, but for ties broken by name', () => {
    const shuffled = viewOf([['tools', reports.tools], ['billing', reports.billing], ['team', reports.team]]);
    expect(shuffled).toEqual(view);
  });

  it('names repositories by their stems where their own names collide', () => {
    const twice = viewOf([['a_team', reports.team], ['b_team', { ...reports.tools, repository: { ...reports.tools.repository, name: 'team' } }]]);
    expect(twice.repositories.map((repository) => repository.name).sort()).toEqual(['a_team', 'b_team']);
    const where = (id: string) => twice.people.find((person) => person.id === id)?.repositories.map((entry) => entry.repository);
    expect(where('carol@example.com')).toEqual(['a_team']);
    expect(where('alice@other.example')).toEqual(['b_team']);
    // Without billing nothing joins bob@example.com and bob@personal.example: two people, each key in one.
    expect(where('bob@example.com')).toEqual(['a_team']);
    expect(where('bob@personal.example')).toEqual(['b_team']);
  });

  it('warns when repositories were measured under different settings', () => {
    const mixed = viewOf([['team', reports.team], ['tools', { ...reports.tools, settings: { ...reports.tools.settings, departedAfter: '6mo' } }]]);
    expect(mixed.warnings.map((warning) => warning.message)).toEqual([
      "--departed-after is 1y in team but 6mo in tools (a repository's busfactor.json chose it): their figures are not measured alike; give --departed-after on the command line, flags win over each repository's config",
    ]);
    // 12mo and 1y are the same 365 days (settings/parse-age.ts): no warning.
    expect(viewOf([['team', reports.team], ['tools', { ...reports.tools, settings: { ...reports.tools.settings, departedAfter: '12mo' } }]]).warnings).toEqual([]);
  });
});
