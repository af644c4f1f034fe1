import { describe, expect, it } from 'vitest';
import { IDENTITY_HISTORY, RENAME_CHAIN_HISTORY } from '../../fixtures/histories.js';
import { analyze } from '../../src/analyze.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();

// Expected values are worked out by hand above each history in fixtures/histories.ts.
describe('analyze: identities and bots', () => {
  it('merges aliases by the AVL rule and applies .mailmap', async () => {
    const report = await analyze({ path: fixture(IDENTITY_HISTORY).dir });
    expect(report.people.map((p) => [p.name, p.emails, p.commits, p.bot])).toEqual([
      ['Alice Archer', ['alice@example.com', 'ALICE@HOME.example', 'alice@home.example'], 4, false],
      ['dependabot[bot]', ['49699333+dependabot[bot]@users.noreply.github.com'], 2, true],
      ['Bob Baker', ['bob@example.com'], 2, false],
    ]);
    expect(Object.fromEntries(report.files.map((f) => [f.path, f.authors]))).toEqual({
      'alice.js': ['alice@example.com'],
      'app.js': ['alice@example.com'],
      'bob.js': ['bob@example.com'],
      'lib.js': ['alice@example.com'],
    });
    // Alice 3 files, Bob 1: 4/4 → −Alice 1/4 → bus factor 1.
    expect(report.busFactor).toBe(1);
    expect(report.keyPeople).toEqual([{ id: 'alice@example.com', name: 'Alice Archer', email: 'alice@example.com', files: 3, share: 0.75 }]);
  });

  it('counts bots as people with --include-bots', async () => {
    const report = await analyze({ path: fixture(IDENTITY_HISTORY).dir, includeBots: true });
    // app.js: Alice 4.391 − 0.321·ln 3 = 4.038; dependabot 3.293 + 0.328 = 3.621 → 0.897: both author.
    expect(report.files.find((f) => f.path === 'app.js')?.authors).toEqual(['alice@example.com', '49699333+dependabot[bot]@users.noreply.github.com']);
  });
});

describe('analyze: rename chains by path name', () => {
  it('joins an unrelated earlier file that had the old path', async () => {
    const report = await analyze({ path: fixture(RENAME_CHAIN_HISTORY).dir });
    // Authors in people[] order: Dave has two commits (add, delete), Alice and Bob one each.
    expect(report.files).toEqual([{ path: 'src/x.js', authors: ['dave@example.com', 'alice@example.com', 'bob@example.com'] }]);
    expect(report.busFactor).toBe(3);
    expect(report.keyPeople.map((p) => p.name)).toEqual(['Alice Archer', 'Bob Baker', 'Dave Dunn']);
  });
});
