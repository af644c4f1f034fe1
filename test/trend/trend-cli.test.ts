import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEAM_HISTORY, RENAME_CHAIN_HISTORY } from '../../fixtures/histories.js';
import { MONOREPO } from '../../fixtures/module-histories.js';
import { MERGE_HEAVY } from '../../fixtures/ownership-random.js';
import { MERGING_MAINTAINER_HISTORY } from '../../fixtures/stewardship-histories.js';
import { MERGE_HISTORY, ONE_COMMIT, THREE_COMMITS, TREND_HISTORY } from '../../fixtures/trend-histories.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import { runCli } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();
const tempDir = useTempDirs('busfactor-trend-');

interface Figures {
  busFactor: number;
  activeBusFactor: number;
  lostShare: number;
  files: number;
}
interface TrendJson {
  schemaVersion: number;
  tool: { name: string };
  repository: { name: string; scope: string };
  head: string;
  algorithm: string;
  points: (Figures & { date: string | null; commit: string; modules: Record<string, Figures | null> })[];
  warnings: { code: string; message: string }[];
}

function trendJson(args: readonly string[]): TrendJson {
  const result = runCli(['trend', ...args, '--json']);
  if (result.code !== 0) throw new Error(`busfactor trend exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as TrendJson;
}

/** The figures of a point, compactly: [bus factor, active bus factor, lost share, files]. */
const figures = (value: Figures | null) => (value === null ? null : [value.busFactor, value.activeBusFactor, value.lostShare, value.files]);

describe('busfactor trend', () => {
  // TREND_HISTORY, --points 4: commits 1, 2, 4 and 6 (fixtures/trend-histories.ts). Each file has
  // one author, its creator; `--departed-after 1y` is measured from each point's commit.
  it('JSON: the repository and each top-level folder at each point, a folder created midway null before it', () => {
    const repo = fixture(TREND_HISTORY);
    const trend = trendJson([repo.dir, '--points', '4']);
    expect([trend.schemaVersion, trend.tool.name, trend.head, trend.algorithm, trend.warnings]).toEqual([1, 'busfactor', repo.rev('HEAD'), 'avl', []]);
    expect(trend.points.map((point) => [point.date, point.commit])).toEqual([
      ['2020-01-01T00:00:00Z', repo.rev('HEAD~5')],
      ['2020-12-31T08:00:00Z', repo.rev('HEAD~4')],
      ['2021-12-31T16:00:00Z', repo.rev('HEAD~2')],
      ['2023-01-01T00:00:00Z', repo.rev('HEAD')],
    ]);
    const [p0, p1, p2, p3] = trend.points;
    // Point 0 (commit 1): core/a,b,c, all Alice. 3/3 → −Alice 0/3: bus factor 1; nobody departed.
    expect(figures(p0 ?? null)).toEqual([1, 1, 0, 3]);
    expect(figures(p0?.modules['directory:core'] ?? null)).toEqual([1, 1, 0, 3]);
    expect(p0?.modules['directory:web']).toBeNull();
    // Point 1 (commit 2, 2020-05-01): + core/d,e,f by Bob. 6/6 → −Alice (3 each, 3 changes each,
    // smaller id) 3/6 = 0.5 keeps going → −Bob 0: bus factor 2. Alice's last commit is 121 days
    // old: nobody departed, active 2, nothing lost. web/ does not exist yet.
    expect(figures(p1 ?? null)).toEqual([2, 2, 0, 6]);
    expect(figures(p1?.modules['directory:core'] ?? null)).toEqual([2, 2, 0, 6]);
    expect(p1?.modules['directory:web']).toBeNull();
    // Point 2 (commit 4, 2021-06-01): 10 files, Alice 4 (a,b,c,g), Bob 3, Carol 3 (web/x,y,z).
    // 10/10 → −Alice 6/10 → −Bob (ties Carol, smaller id) 3/10 < 0.5: bus factor 2. Bob's last
    // commit is 396 days old: departed. Active: 7/10 authored → −Alice 3/10: 1. Lost: Bob's 3 of 10.
    expect(figures(p2 ?? null)).toEqual([2, 1, 0.3, 10]);
    // core/ (7 files): 7/7 → −Alice 3/7: 1; active 4/7 → −Alice 0: 1; lost 3/7. web/: Carol's 3: 1.
    expect(figures(p2?.modules['directory:core'] ?? null)).toEqual([1, 1, 3 / 7, 7]);
    expect(figures(p2?.modules['directory:web'] ?? null)).toEqual([1, 1, 0, 3]);
    // Point 3 (commit 6, the head): 12 files, Alice 5, Carol 4, Bob 3 (departed). 12/12 → −Alice
    // 7/12 → −Carol 3/12: bus factor 2. Active: 9/12 → −Alice 4/12: 1. Lost 3/12.
    expect(figures(p3 ?? null)).toEqual([2, 1, 0.25, 12]);
    // core/ (8): −Alice 3/8: 1; active 5/8 → −Alice 0: 1; lost 3/8. web/ (4, Carol): 1, 1, 0.
    expect(figures(p3?.modules['directory:core'] ?? null)).toEqual([1, 1, 0.375, 8]);
    expect(figures(p3?.modules['directory:web'] ?? null)).toEqual([1, 1, 0, 4]);
  });

  it('text: a row per series with sparklines, first and last values; the span in the header', () => {
    const repo = fixture(TREND_HISTORY);
    const result = runCli(['trend', repo.dir, '--points', '4']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    // The figures of the JSON test. Repository: bus factor 1 2 2 2 → ▁███, active 1 2 1 1 → ▁█▁▁,
    // lost 0 0 0.3 0.25 → ▁▁█▇ (0.25 is 5.8 of 7 steps up). core/: 1 2 1 1 and lost 0 0 .43 .38.
    // web/: absent at the first two points (blanks), then level at 1 (▄) and 0 (▁).
    expect(result.stdout).toBe(
      [
        `${path.basename(repo.dir)} @ ${repo.rev('HEAD').slice(0, 12)} · 4 points, 2020-01-01 → 2023-01-01 · AVL`,
        '',
        '              bus factor  first  last  active  last  lost  last',
        '  repository  ▁███            1     2  ▁█▁▁       1  ▁▁█▇   25%',
        '  core        ▁█▁▁            1     1  ▁█▁▁       1  ▁▁█▇   38%',
        '  web           ▄▄            1     1    ▄▄       1    ▁▁    0%',
        '',
        'Oldest point first. active: the bus factor without the people who had departed by then;',
        'lost: the share of files whose every author had departed.',
        'A blank: no such folder (of --min-files files) at that point.',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['TREND_HISTORY', TREND_HISTORY],
    ['TEAM_HISTORY', TEAM_HISTORY],
    ['RENAME_CHAIN_HISTORY', RENAME_CHAIN_HISTORY],
    ['MONOREPO', MONOREPO],
    ['MERGE_HEAVY', MERGE_HEAVY],
    ['MERGE_HISTORY', MERGE_HISTORY],
    // Departures counted by last activity of any kind: Owen is here only by the commit he landed.
    ['MERGING_MAINTAINER_HISTORY', MERGING_MAINTAINER_HISTORY],
  ] as const)('the last point is the model `busfactor scan` computes for the same commit (%s)', (_name, steps) => {
    const repo = fixture(steps);
    for (const algorithm of ['avl', 'recency']) {
      const trend = trendJson([repo.dir, '--points', '3', '--algorithm', algorithm]);
      const scan = JSON.parse(runCli(['scan', repo.dir, '--json', '--no-tui', '--algorithm', algorithm]).stdout);
      const last = trend.points[trend.points.length - 1];
      expect([last?.commit, last?.busFactor, last?.activeBusFactor, last?.lostShare, last?.files]).toEqual([scan.head, scan.busFactor, scan.activeBusFactor, scan.lost.share, scan.totals.files]);
      // And each top-level folder the scan lists (--depth 2 includes them).
      for (const module of scan.modules.filter((m: { kind: string; depth: number }) => m.kind === 'directory' && m.depth === 1)) {
        expect(figures(last?.modules[module.id] ?? null)).toEqual([module.busFactor, module.activeBusFactor, module.lostFiles / module.files, module.files]);
      }
    }
  });

  it('--without: every point is the what-if; the last one is the scan\'s whatIf after-figures', () => {
    const repo = fixture(TEAM_HISTORY);
    const scan = JSON.parse(runCli(['scan', repo.dir, '--json', '--no-tui', '--without', 'Bob Baker']).stdout);
    const trend = trendJson([repo.dir, '--points', '3', '--without', 'Bob Baker']);
    const last = trend.points[trend.points.length - 1];
    // TEAM_HISTORY (fixtures/histories.ts): BF 2. Without Bob his three api files have no author:
    // 4/7 = 0.57 → −Carol (2 files, most changes) 2/7: 1. The active figure likewise matches the
    // scan's; lost is a fact of the history, unchanged by the what-if.
    expect(scan.whatIf.busFactor).toEqual({ before: 2, after: 1 });
    expect([last?.busFactor, last?.activeBusFactor, last?.lostShare]).toEqual([1, scan.whatIf.activeBusFactor.after, scan.lost.share]);
  });

  it('--every with --since: points back from the analysed commit; a range before the first commit warns and starts there', () => {
    const repo = fixture(TREND_HISTORY);
    // 1y steps back from 2023-01-01: 2022-01-01, 2021-01-01 (commit 2), 2020-01-02 — which, with
    // --since 2y, is out of range: 2021-01-01 is the first point.
    const inRange = trendJson([repo.dir, '--every', '1y', '--since', '2y']);
    expect(inRange.points.map((point) => [point.date, point.busFactor])).toEqual([
      ['2021-01-01T00:00:00Z', 2],
      ['2022-01-01T00:00:00Z', 2],
      ['2023-01-01T00:00:00Z', 2],
    ]);
    expect(inRange.warnings).toEqual([]);
    // --since 5y reaches before 2020-01-01: the points start at the first commit, then
    // 2020-01-02 (still commit 1: dropped), 2021-01-01, 2022-01-01, 2023-01-01.
    const result = runCli(['trend', repo.dir, '--every', '1y', '--since', '5y', '--json']);
    expect(result.code).toBe(0);
    const wide = JSON.parse(result.stdout) as TrendJson;
    expect(wide.points.map((point) => point.date)).toEqual(['2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z', '2022-01-01T00:00:00Z', '2023-01-01T00:00:00Z']);
    expect(wide.warnings.map((warning) => warning.code)).toEqual(['trend-range', 'trend-range']);
    expect(wide.warnings[0]?.message).toBe('the range asked for starts before the first commit (2020-01-01): the points start there');
    // JSON on stdout, warnings on stderr too.
    expect(result.stderr).toMatch(/^busfactor: warning: the range asked for starts before the first commit \(2020-01-01\)/);
    // In text, the warnings close the output.
    expect(runCli(['trend', repo.dir, '--every', '1y', '--since', '5y']).stdout).toMatch(/\nwarning: the range asked for starts before the first commit \(2020-01-01\): the points start there\n/);
  });

  it('a one-commit repository: one point, no warning', () => {
    const repo = fixture(ONE_COMMIT);
    const trend = trendJson([repo.dir]);
    // lib/a,b,c by Alice: bus factor 1, and lib/ (3 files) the one folder.
    expect(trend.points.map((point) => [point.date, point.commit, figures(point), figures(point.modules['directory:lib'] ?? null)])).toEqual([
      ['2022-06-01T12:00:00Z', repo.rev('HEAD'), [1, 1, 0, 3], [1, 1, 0, 3]],
    ]);
    expect(trend.warnings).toEqual([]);
    expect(runCli(['trend', repo.dir]).stdout).toMatch(/ · 1 point, 2022-06-01 · AVL\n/);
  });

  it('more points than commits: each commit once, with a warning', () => {
    const repo = fixture(THREE_COMMITS);
    const trend = trendJson([repo.dir, '--points', '12']);
    // One file per commit, by Alice, Bob, Carol. 1 file: 1/1 → −Alice 0: 1. 2 files: 2/2 → −Alice
    // (1 each, 1 change each, smaller id) 1/2 = 0.5 keeps going → −Bob 0: 2. 3 files: 3/3 → −Alice
    // 2/3 → −Bob 1/3: 2.
    expect(trend.points.map((point) => [point.commit, point.busFactor])).toEqual([
      [repo.rev('HEAD~2'), 1],
      [repo.rev('HEAD~1'), 2],
      [repo.rev('HEAD'), 2],
    ]);
    expect(trend.warnings).toEqual([{ code: 'trend-range', message: '9 of the 12 points fell on the same commit as the point before (fewer commits than points there): dropped' }]);
  });

  it('bad input: an age that does not parse, --every with --points, too many points — one line, exit 2', () => {
    const repo = fixture(ONE_COMMIT);
    const bad = runCli(['trend', repo.dir, '--every', '3x']);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toBe(
      "busfactor: error: option '--every <age>' argument '3x' is invalid. expected an age: a whole number of 1 or more and d, w, mo or y (90d, 6w, 18mo, 1y) (see busfactor --help)\n",
    );
    expect(runCli(['trend', repo.dir, '--since', '0d']).code).toBe(2);
    const both = runCli(['trend', repo.dir, '--every', '1mo', '--points', '3']);
    expect([both.code, both.stdout, both.stderr]).toEqual([2, '', 'busfactor: error: --every and --points cannot be combined: give one (with --since for the range)\n']);
    const many = runCli(['trend', repo.dir, '--points', '500']);
    expect([many.code, many.stderr]).toEqual([2, 'busfactor: error: --points 500: at most 100\n']);
  });

  it('-o FILE: written atomically, nothing on stdout; --format json is --json', () => {
    const repo = fixture(TREND_HISTORY);
    const dir = tempDir();
    const file = path.join(dir, 'trend.json');
    const result = runCli(['trend', repo.dir, '--points', '4', '--format', 'json', '-o', file]);
    expect([result.code, result.stdout, result.stderr]).toEqual([0, '', '']);
    expect(readdirSync(dir)).toEqual(['trend.json']);
    expect(readFileSync(file, 'utf8')).toBe(runCli(['trend', repo.dir, '--points', '4', '--json']).stdout);
  });

  it('names from the repository are escaped for the terminal', () => {
    const repo = fixture([{ commit: { author: { name: 'A', email: 'a@x' }, at: '2022-01-01T00:00:00Z', write: { 'ev\x1b[31mil/a.js': 'a\n', 'ev\x1b[31mil/b.js': 'b\n', 'ev\x1b[31mil/c.js': 'c\n' } } }]);
    const text = runCli(['trend', repo.dir]).stdout;
    expect(text).not.toMatch(/\x1b/);
    expect(text).toMatch(/^ {2}ev\\x1b\[31mil /m);
  });
});
