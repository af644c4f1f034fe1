import { describe, expect, it } from 'vitest';
import { CO_AUTHOR_HISTORY, RECENCY_HISTORY } from '../../fixtures/time-histories.js';
import { analyze } from '../../src/analyze.js';
import { recencyDegree } from '../../src/knowledge/recency-authorship.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runCli, runJson } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();
const authorsOf = (report: Awaited<ReturnType<typeof analyze>>) => Object.fromEntries(report.files.map((f) => [f.path, f.authors]));

describe('--algorithm recency (docs/algorithms.md §3)', () => {
  it('A = 3·w_own + wC + 2.4·[ln(1 + wC + wC_other) − ln(1 + wC_other)]', () => {
    const alice = Math.exp(-365 / 90); // 0.0173259: f.js added 365 days before
    const bob = Math.exp(-10 / 90); // 0.8948393: f.js changed 10 days before
    // Alice: 3·0.0173259 + 0.0173259 + 2.4·(ln 1.9121652 − ln 1.8948393) = 0.0911486.
    expect(recencyDegree(alice, alice, bob)).toBeCloseTo(0.0911486, 6);
    // Bob: 3·0.8948393 + 0.8948393 + 2.4·(ln 1.9121652 − ln 1.0173259) = 5.0938982.
    expect(recencyDegree(bob, bob, alice)).toBeCloseTo(5.0938982, 6);
    // Carol on h.js: 90 days (e^−1) and 0 days (1): 3·1 + 1.3678794 + 2.4·ln 2.3678794 = 6.4366670.
    expect(recencyDegree(1, 1 + Math.exp(-1), 0)).toBeCloseTo(6.436667, 6);
  });

  it('authors and bus factor from the last 547 days; older files leave the denominator', async () => {
    const repo = fixture(RECENCY_HISTORY);
    const recency = await analyze({ path: repo.dir, algorithm: 'recency' });
    expect(recency.algorithm).toBe('recency');
    // f.js: Alice 0.0911 / Bob 5.0939 = 0.018 < 0.75: Bob alone. h.js: Carol. g.js (1095 days)
    // has no change in the window: not counted.
    expect(authorsOf(recency)).toEqual({ 'f.js': ['bob@example.com'], 'h.js': ['carol@example.com'] });
    expect(recency.excluded['no-recent-data']).toBe(1);
    expect(recency.warnings.map((w) => w.code)).toContain('no-recent-data');
    // Two files, one author each; Carol (2 changes in the window) goes first: 1/2 = 0.5 goes on,
    // then Bob: 0. Bus factor 2.
    expect(recency.busFactor).toBe(2);
    expect(recency.keyPeople.map((p) => p.name)).toEqual(['Carol Chen', 'Bob Baker']);
    // AVL on the same history: f.js has Alice (4.168) and Bob (3.457, ratio 0.83); g.js Alice.
    const avl = await analyze({ path: repo.dir });
    expect(authorsOf(avl)).toEqual({ 'f.js': ['alice@example.com', 'bob@example.com'], 'g.js': ['alice@example.com'], 'h.js': ['carol@example.com'] });
  });

  it('every view runs with it: text names the model, JSON says which ran', () => {
    const repo = fixture(RECENCY_HISTORY);
    const text = runCli([repo.dir, '--algorithm', 'recency']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/· recency model$/);
    expect(text.stdout).toContain('Bus factor: 2');
    const { report } = runJson([repo.dir, '--algorithm', 'recency', '--without', 'Carol Chen']);
    // Without Carol only f.js (Bob) is covered: 1/2 = 0.5 goes on, Bob → 0: 1.
    expect(report.whatIf?.busFactor).toEqual({ before: 2, after: 1 });
    expect(report.settings.coAuthors).toBe('credit');
  });
});

describe('co-authors (Co-authored-by: trailers)', () => {
  it('ignore (the default under avl): the author alone is credited, as published', async () => {
    const report = await analyze({ path: fixture(CO_AUTHOR_HISTORY).dir });
    expect(report.settings.coAuthors).toBe('ignore');
    expect(report.people.map((p) => p.name)).toEqual(['Alice Archer', 'Bob Baker']);
    // p.js: Alice 4.168, Bob 3.457 (0.83): both. q.js: Alice. Alice → p (Bob) 1/2 goes on, Bob → 0: 2.
    expect(authorsOf(report)).toEqual({ 'p.js': ['alice@example.com', 'bob@example.com'], 'q.js': ['alice@example.com'] });
    expect(report.busFactor).toBe(2);
  });

  it('credit: every co-author gets the commit\'s changes; an AI agent is a bot', async () => {
    const report = await analyze({ path: fixture(CO_AUTHOR_HISTORY).dir, coAuthors: 'credit' });
    // Most commits first, then by id (erin@… before noreply@anthropic.com).
    expect(report.people.map((p) => [p.name, p.commits, p.coAuthored, p.bot])).toEqual([
      ['Alice Archer', 2, 0, false],
      ['Bob Baker', 1, 0, false],
      ['Erin Evans', 0, 2, false],
      ['Claude', 0, 1, true],
    ]);
    // p.js: Alice and Erin each FA = 1, AC = 1: 4.168; Bob 3.457: all three. Claude is a bot and
    // left out. q.js: Alice and Erin (4.391 each).
    expect(authorsOf(report)).toEqual({ 'p.js': ['alice@example.com', 'bob@example.com', 'erin@example.com'], 'q.js': ['alice@example.com', 'erin@example.com'] });
    // Alice (2) → still 2/2; Erin (2) → p (Bob) 1/2 goes on; Bob → 0: 3.
    expect(report.busFactor).toBe(3);
  });
});
