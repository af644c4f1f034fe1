import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALICE, BOB } from '../../fixtures/people.js';
import { DEPARTED_HISTORY } from '../../fixtures/time-histories.js';
import { analyze } from '../../src/analyze.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import { runCli, runJson } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();
const tempDir = useTempDirs('busfactor-departed-');
const moduleOf = (report: Awaited<ReturnType<typeof analyze>>, id: string) => report.modules.find((m) => m.id === id);

// Authors per file are worked out above DEPARTED_HISTORY (fixtures/time-histories.ts).
describe('people over time: departed people, lost knowledge, active bus factor', () => {
  it('departs people by age, measured from the analysed commit', async () => {
    const report = await analyze({ path: fixture(DEPARTED_HISTORY).dir, minFiles: 1 });
    expect(report.referenceTime).toBe('2024-01-01T10:00:00Z');
    // 1y before 2024-01-01: Alice (last 2021-06-01) and Dave (2022-06-01) have departed.
    expect(report.people.map((p) => [p.name, p.departed, p.departure ?? null])).toEqual([
      ['Alice Archer', true, 'inactive'],
      ['Bob Baker', false, null],
      ['Carol Chen', false, null],
      ['Dave Dunn', true, 'inactive'],
    ]);
    // Greedy: Alice (3 files) → 5/6 covered; Bob (2; 3 changes beat Carol's 2) → 3/6 = 0.5 goes on;
    // Carol → 1/6 stops. Bus factor 3.
    expect(report.busFactor).toBe(3);
    expect(report.keyPeople.map((p) => p.name)).toEqual(['Alice Archer', 'Bob Baker', 'Carol Chen']);
    // Without Alice and Dave: lib/b.js and lib/c.js have no author left (4/6 covered); Bob → 2/6 stops.
    expect(report.activeBusFactor).toBe(1);
    expect(report.activeKeyPeople.map((p) => p.name)).toEqual(['Bob Baker']);
    // Lost: lib/b.js (Alice, Dave) and lib/c.js (Alice): 2 of 6 files; only lib loses any.
    expect(report.lost).toEqual({ files: 2, share: 2 / 6, modules: [{ id: 'directory:lib', files: 2, share: 2 / 3 }] });
    expect(report.files.filter((f) => f.lost).map((f) => f.path)).toEqual(['lib/b.js', 'lib/c.js']);
    // lib: Alice → a (Carol), b (Dave) 2/3 covered, then Carol → 1/3: BF 2. Active: only a.js is
    // covered (1/3 < 0.5): 0. app: Bob → 1/3: BF 1, active 1.
    expect(moduleOf(report, 'directory:lib')).toMatchObject({ busFactor: 2, activeBusFactor: 0, lostFiles: 2 });
    expect(moduleOf(report, 'directory:app')).toMatchObject({ busFactor: 1, activeBusFactor: 1, lostFiles: 0 });
  });

  it('ranks successors of modules with active bus factor 0 or 1', async () => {
    const report = await analyze({ path: fixture(DEPARTED_HISTORY).dir, minFiles: 1 });
    // lib (active 0, nobody holds it): Carol authors lib/a.js (counts 1) and has no degree on b or c:
    // knowledge 1/3; her M of lib/a.js on 2023-09-01 is within the year: 1 recent change. Bob never
    // touched lib; Alice and Dave have departed.
    expect(moduleOf(report, 'directory:lib')?.successors).toEqual([
      { id: 'carol@example.com', name: 'Carol Chen', email: 'carol@example.com', knowledge: 1 / 3, authoredFiles: 1, touchedFiles: 1, recentChanges: 1 },
    ]);
    // app (active 1, held by Bob): Carol authors app/z.js (added 2023-06-01, recent): knowledge 1/3.
    expect(moduleOf(report, 'directory:app')?.successors?.map((s) => [s.name, s.knowledge, s.recentChanges])).toEqual([['Carol Chen', 1 / 3, 1]]);
    // With --lines, their surviving lines join the evidence: Carol wrote 1 line of lib/a.js.
    const withLines = await analyze({ path: fixture(DEPARTED_HISTORY).dir, minFiles: 1, lines: true });
    expect(moduleOf(withLines, 'directory:lib')?.successors?.[0]?.lines).toBe(1);
  });

  it('--departed-after changes who has left; the config overrides it both ways', async () => {
    const repo = fixture(DEPARTED_HISTORY);
    // 3y before 2024-01-01 is 2021-01-01: nobody's last commit is older.
    const lenient = await analyze({ path: repo.dir, minFiles: 1, departedAfter: '3y' });
    expect(lenient.people.filter((p) => p.departed)).toEqual([]);
    expect(lenient.activeBusFactor).toBe(3);
    expect(lenient.lost.files).toBe(0);
    // 90d: Carol's last commit (2023-09-01) is 122 days old: she departs too; only Bob is here.
    const strict = await analyze({ path: repo.dir, minFiles: 1, departedAfter: '90d' });
    expect(strict.people.filter((p) => p.departed).map((p) => p.name)).toEqual(['Alice Archer', 'Carol Chen', 'Dave Dunn']);

    const config = path.join(tempDir(), 'busfactor.json');
    writeFileSync(config, JSON.stringify({ people: { present: ['dave@example.com'], departed: ['Bob Baker'] } }));
    const overridden = await analyze({ path: repo.dir, minFiles: 1, configFile: config });
    // Dave is present by the config, Bob departed by it, Alice by age.
    expect(overridden.people.map((p) => [p.name, p.departure ?? null])).toEqual([
      ['Alice Archer', 'inactive'],
      ['Bob Baker', 'config'],
      ['Carol Chen', null],
      ['Dave Dunn', null],
    ]);
    // Left: Carol (a, z), Dave (b): 3/6 covered = 0.5 goes on; Carol → 1/6: active 1. Lost: c, x, y.
    expect(overridden.activeBusFactor).toBe(1);
    expect(overridden.lost.files).toBe(3);
  });

  it('a config person who matches nobody: an error from --config, a warning from the repository', async () => {
    const repo = fixture(DEPARTED_HISTORY);
    const config = path.join(tempDir(), 'busfactor.json');
    writeFileSync(config, JSON.stringify({ people: { departed: ['Carl Chen'] } }));
    const typed = runCli([repo.dir, '--config', config, '--json']);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toMatch(/^busfactor: error: .*busfactor\.json: people\.departed: "Carl Chen" matches nobody in the history; did you mean "Carol Chen"\?\n$/);
    const withOwnConfig = fixture([...DEPARTED_HISTORY, { commit: { author: BOB, at: '2024-01-01T11:00:00Z', write: { 'busfactor.json': JSON.stringify({ people: { departed: ['Carl Chen'] } }) } } }]);
    const { report } = runJson([withOwnConfig.dir]);
    expect(report.warnings.map((w) => w.message)).toContain('busfactor.json: people.departed: "Carl Chen" matches nobody in the history; did you mean "Carol Chen"? (ignored)');
  });

  it('a bad --departed-after: one line, exit 2', () => {
    const result = runCli([fixture(DEPARTED_HISTORY).dir, '--departed-after', '18 months']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--departed-after.*expected an age: a whole number of 1 or more and d, w, mo or y/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('dates the repository gets wrong', () => {
  it('dates that go backwards or lie in the future: nobody departs from the future, ages count from 0', async () => {
    const repo = fixture([
      { commit: { author: ALICE, at: '2099-01-01T00:00:00Z', write: { 'a.js': '// a\n' } } },
      { commit: { author: { name: 'Nomail', email: '' }, at: '2019-06-01T00:00:00Z', write: { 'b.js': '// b\n' } } },
      { commit: { author: BOB, at: '2020-01-01T00:00:00Z', write: { 'a.js': '// a\n// bob\n' } } },
    ]);
    const report = await analyze({ path: repo.dir, minFiles: 1 });
    // Reference 2020-01-01: Alice's last commit (2099) is younger than that; Nomail's (2019-06-01)
    // is 214 days old: nobody has departed.
    expect(report.people.map((p) => [p.id, p.departed])).toEqual([
      ['alice@example.com', false],
      ['bob@example.com', false],
      ['nomail', false],
    ]);
    // Recency: Alice's add (after the reference time) counts as 0 days, weight 1, like Bob's change:
    // each A = 3 + 1 + 2.4·(ln 3 − ln 2) = 4.973: both author a.js.
    const recency = await analyze({ path: repo.dir, algorithm: 'recency' });
    expect(recency.files.find((f) => f.path === 'a.js')?.authors).toEqual(['alice@example.com', 'bob@example.com']);
  });
});

describe('--without: what-if on the command line', () => {
  it('recomputes every bus factor as if the person left', () => {
    const { report } = runJson([fixture(DEPARTED_HISTORY).dir, '--min-files', '1', '--without', 'Carol Chen']);
    // Without Carol: app/z.js loses its author (5/6); Alice → 3/6 goes on; Bob → 1/6: BF 3 → 2.
    // Active (no Alice, Dave, Carol): only x, y covered, 2/6: 1 → 0.
    expect(report.whatIf).toEqual({
      without: [{ id: 'carol@example.com', name: 'Carol Chen' }],
      busFactor: { before: 3, after: 2 },
      activeBusFactor: { before: 1, after: 0 },
      modules: [
        // app: Bob still authors x, y (2/3); Bob → 0: 1 → 1. lib: Alice → b (Dave) 1/3: 2 → 1.
        { id: 'directory:app', busFactor: { before: 1, after: 1 }, activeBusFactor: { before: 1, after: 1 } },
        { id: 'directory:lib', busFactor: { before: 2, after: 1 }, activeBusFactor: { before: 0, after: 0 } },
      ],
      // No merge, tag, review trailer or build file in this history: no stewardship activity to redo.
      stewardship: {},
    });
    // Carol leaving cannot be her own successor: lib has nobody left to take over.
    expect(report.modules.find((m) => m.id === 'directory:lib')?.successors).toEqual([]);
  });

  it('the text output shows the changes', () => {
    const result = runCli([fixture(DEPARTED_HISTORY).dir, '--min-files', '1', '--without', 'carol@example.com', '--without', 'Bob Baker']);
    expect(result.code).toBe(0);
    // Without Carol and Bob: Alice (3) → b (Dave) 1/6: BF 1. Active: nobody: 0.
    expect(result.stdout).toContain('What if Carol Chen, Bob Baker leave\n  bus factor 3 → 1, active bus factor 1 → 0\n');
    expect(result.stdout).toContain('  app: 1 → 0, active 1 → 0\n');
  });

  it('a person who matches nobody, or several people: one line with close matches, exit 2', () => {
    const repo = fixture(DEPARTED_HISTORY);
    const nobody = runCli([repo.dir, '--without', 'Carl Chen']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toBe('busfactor: error: --without "Carl Chen" matches nobody in the history; did you mean "Carol Chen"?\n');
    const far = runCli([repo.dir, '--without', 'zzzzzzzz']);
    expect(far.stderr).toBe('busfactor: error: --without "zzzzzzzz" matches nobody in the history (see busfactor people)\n');
  });
});
