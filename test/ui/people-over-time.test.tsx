import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Report } from '../../src/report/report.js';
import { App } from '../../src/ui/components/App.js';
import { EXPLORER_DEFAULTS } from '../../src/ui/explorer-defaults.js';
import { createExplorerModel } from '../../src/ui/model/explorer-model.js';
import { initialState } from '../../src/ui/model/explorer-state.js';
import { personRowSegments } from '../../src/ui/model/person-row.js';
import { peopleColumns } from '../../src/ui/model/layout.js';
import { ThemeContext } from '../../src/ui/theme.js';
import type { TrendSeries } from '../../src/ui/model/trend-line.js';
import { DEPARTED_HISTORY } from './departed-history.js';
import { renderExplorer, settle, tick, until, useBareRepo } from './explorer-fixture.js';

const team = useBareRepo('team', DEPARTED_HISTORY);
const teamReport = (): Promise<Report> => analyze({ path: team(), defaults: EXPLORER_DEFAULTS });

/** The tree's rows (below the headings, above the detail pane), without trailing blanks. */
const treeRows = (frame: string): string[] => frame.split('\n').slice(3, 14).filter((line) => line !== '');
const line = (frame: string, starts: string): string | undefined => frame.split('\n').find((text) => text.startsWith(starts));

// Authors, departures and DOAs: worked out in departed-history.ts. Alice has departed.
describe('explorer: people over time', () => {
  it('shows the active bus factor beside BF, sorts by it first, and marks a module whose every file is lost', async () => {
    const report = await teamReport();
    // The repository, 11 files: Alice 5, Bob 2 (4 changes), Dave 2 (3), Carol 2 (2).
    //   BF: 11/11 → −Alice 6/11 = 0.55 → −Bob (most changes of the 2s) 4/11 = 0.36: 2.
    //   active (Alice gone): 6/11 → −Bob 4/11: 1.
    // core (engine, parser Alice's; config Bob's): BF 3/3 → −Alice 1/3: 1; active 1/3 < 0.5: 0.
    // legacy (Alice's 2): BF 1; both lost → `0 lost`.
    // web (a Alice's, b Bob's): BF 2/2 → −Alice (7 changes) 1/2 → −Bob 0: 2; active 1/2 → −Bob: 1.
    // app (Carol 2, Dave 2): BF 4/4 → −Dave (3 changes) 2/4 → −Carol: 2; active the same.
    // Risk: active 0 first (core, 3 files, before legacy, 2), then web (1), then app (2): by the
    // bus factor alone, app (BF 2, 4 files) would come before web (BF 2, 2 files).
    expect(report.activeBusFactor).toBe(1);
    const app = await renderExplorer(report);
    expect(treeRows(app.frame())).toEqual([
      '›     2      1!     11  ██░░░  ▾ team                      Alice Archer †',
      '      1!     0!      3  ███░░      core                    Alice Archer †',
      '      1! 0 lost      2  █████      legacy                  Alice Archer †',
      '      2      1!      2  ███░░      web                     Alice Archer †',
      '      2      2       4  ███░░      app                     Dave Dunn',
    ]);
    expect(app.frame().split('\n')[2]).toBe('      BF active  files  top    module                      top key person');
    // The status line: the repository's active bus factor, Alice marked as departed.
    expect(app.frame().split('\n')[1]).toBe('Bus factor 2 · active 1! · key people: Alice Archer † 45%, Bob Baker… sort: risk');
  });

  it('opens on the what-if of --without: those people are already marked as leaving', async () => {
    const report = await analyze({ path: team(), defaults: EXPLORER_DEFAULTS, without: ['Bob Baker'] });
    const app = await renderExplorer(report);
    // The same marks as pressing 2 (Bob) below: the repository 2 → 1, active 1 → 0.
    expect(treeRows(app.frame())[0]).toBe('›   2→1!   1→0!     11  ██░░░  ▾ team                      Alice Archer †');
  });

  it('recomputes the active column with the people marked as leaving gone too (departed ∪ leaving)', async () => {
    const app = await renderExplorer(await teamReport());
    await app.press('2'); // the root's 2nd key person: Bob
    // Without Bob (Alice still counted): the repository 9/11 → −Alice 4/11: 2 → 1; active, neither
    // Alice nor Bob: Carol's and Dave's 4 of 11 < 0.5 → 0. core: Alice 2/3 → 0: BF stays 1;
    // active stays 0. web: a.js only, Alice: 1/2 → 0: 2 → 1, her bar 1/2 of 5 cells → 3; active:
    // nobody, 1 → 0. legacy: lost whatever the marks. app: neither Alice nor Bob authors there.
    expect(treeRows(app.frame())).toEqual([
      '›   2→1!   1→0!     11  ██░░░  ▾ team                      Alice Archer †',
      '      1!     0!      3  ███░░      core                    Alice Archer †',
      '      1! 0 lost      2  █████      legacy                  Alice Archer †',
      '    2→1!   1→0!      2  ███░░      web                     Alice Archer †',
      '      2      2       4  ███░░      app                     Dave Dunn',
    ]);
    expect(app.frame().split('\n')[1]).toBe('What-if: 1 leaving (Bob Baker) · bus factor 2→1! · active 1→0! · c c… sort: risk');
    await app.press('c');
    expect(app.frame()).not.toContain('→');
  });

  it('says in the detail pane what is lost and who could take over, with the evidence', async () => {
    const app = await renderExplorer(await teamReport());
    // The root: 5 of the 11 files are lost (legacy 2, core 2, web 1); no successors for the root.
    expect(line(app.frame(), '── team')).toBe('── team · 11 files · 4 authors · bus factor 2 · active 1! ──────────────────────');
    expect(line(app.frame(), 'lost')).toBe('lost 5 of 11 files (45%)');
    await app.press('j'); // core
    // core's active bus factor is 0: successors. Bob is the only one still here with a degree:
    // engine and parser 3.2345 / 4.3325 = 0.7466 each, config 1 (he authors it):
    // (0.7466 + 0.7466 + 1) / 3 = 0.831 → 83%; his changes within the year: engine, parser (M),
    // config (A) on 2022-03-01, 92 days before HEAD → 3. The full line (lost 2 of 3 files (67%)
    // and him) would take 90 columns: the lost count is said shorter.
    expect(line(app.frame(), '── core')).toBe('── core · 3 files · 2 authors · bus factor 1! · active 0! ──────────────────────');
    expect(line(app.frame(), 'lost')).toBe('lost 2 of 3 · who could take over: Bob Baker (knowledge 83%, 3 recent changes)');
    // The key people: Alice, departed: marked † with `departed` for her last commit.
    expect(line(app.frame(), '  1.')).toBe('  1. [ ] Alice Archer †                                 2    67%   departed');
    await app.press('j'); // legacy: all lost, nobody else has touched it
    expect(line(app.frame(), '── legacy')).toBe('── legacy · 2 files · 1 author · bus factor 1! · active 0 lost ─────────────────');
    expect(line(app.frame(), 'lost')).toBe('lost 2 of 2 · who could take over: nobody else still here has worked on them');
    await app.press('j'); // web: active 1, Bob holds it; nobody else
    expect(line(app.frame(), 'lost')).toBe('lost 1 of 2 · who could take over: nobody else still here has worked on them');
    await app.press('j'); // app: active 2, nothing lost, no successors in the report
    expect(line(app.frame(), 'lost')).toBe('lost 0 of 4 files');
    await app.press('k', 'k', 'k', 'x'); // core: its top key person, Alice, is marked leaving
    // Alice has departed already: core's active bus factor stays 0, and Bob is still its successor.
    expect(line(app.frame(), 'lost')).toBe('lost 2 of 3 · who could take over: Bob Baker (knowledge 83%, 3 recent changes)');
    await app.press('c', 'k', '2', 'j'); // no marks; on the root, its 2. (Bob) leaves; back to core
    // A person marked as leaving cannot take over: core has nobody left. (Risk order under the
    // mark: core, legacy, web all active 0 and BF 1; core has 3 files, so it is still first.)
    expect(line(app.frame(), 'lost')).toBe('lost 2 of 3 · who could take over: nobody else still here has worked on them');
  });

  it('dims and marks departed people in the people view', async () => {
    const report = await teamReport();
    const app = await renderExplorer(report);
    await app.press('p');
    // Alice: 5 files; key person in core, legacy and web (not app); impact 1: legacy's only
    // author (core keeps Bob's config.js, web Bob's b.js). Her last commit is 516 days old: departed.
    expect(app.frame().split('\n').slice(2, 7)).toEqual([
      '     person             files key in impact  last commit    key person in',
      '›[ ] Alice Archer †         5      3      1  departed       core, legacy, web',
      ' [ ] Bob Baker              2      1      0  3 months ago   web',
      ' [ ] Carol Chen             2      1      0  9 months ago   app',
      ' [ ] Dave Dunn              2      1      0  <1 day ago     app',
    ]);
    // With colour on, her row is dim, but for the impact in red; the others are not dim.
    const model = createExplorerModel(report);
    const [alice, bob] = model.view({ ...initialState(), view: 'people' }).people;
    expect(personRowSegments(alice as never, report.headTime, peopleColumns(80), false).filter((s) => s.text.trim() !== '' && s.text !== '[ ] ').map((s) => s.dim ?? false)).toEqual([true, true, false, true, true]);
    expect(personRowSegments(bob as never, report.headTime, peopleColumns(80), false).some((s) => s.dim)).toBe(false);
  });

  it('draws the repository\'s bus factor over time in the header when a trend is given', async () => {
    const report = await teamReport();
    // Five points, bus factor 1, 1, 2, 3, 2: scaled to 1–3, (v − 1) / 2 · 7 → 0, 0, 3.5 → 4, 7, 4:
    // ▁ ▁ ▅ █ ▅, and the range after it.
    const trend: TrendSeries = { points: [1, 1, 2, 3, 2].map((busFactor) => ({ busFactor })) };
    const app = await renderExplorer(report, { columns: 80, rows: 24 }, trend);
    // 80 columns: 62 before the tabs (` [Modules] People ` is 18), 53 after `busfactor`. ` · ` and
    // name (15), commits, files, authors and the trend (12) would take 68; without the authors 56;
    // without the commits too 44: that fits.
    expect(app.frame().split('\n')[0]).toBe(`busfactor · team @ ${report.head.slice(0, 8)} · 11 files · BF ▁▁▅█▅ 1–3          [Modules] People`);
    // A flat trend is drawn level (▄ when not 0) with its one value; at 100 columns (82 before the
    // tabs, 73 after `busfactor`) every total fits beside it: 64.
    const flat = await renderExplorer(report, { columns: 100, rows: 24 }, { points: [2, 2, 2].map((busFactor) => ({ busFactor })) });
    expect(flat.frame().split('\n')[0]).toBe(`busfactor · team @ ${report.head.slice(0, 8)} · 6 commits · 11 files · 4 authors · BF ▄▄▄ 2          [Modules] People`);
    // No trend, or one with nothing to draw: the header as before.
    const none = await renderExplorer(report, { columns: 80, rows: 24 }, { points: [] });
    expect(none.frame().split('\n')[0]).toBe(`busfactor · team @ ${report.head.slice(0, 8)} · 6 commits · 11 files · 4 authors [Modules] People`);
  });

  it('the app computes the trend once the explorer is on screen, leaves it out when it fails, and aborts it on quit', async () => {
    const report = await teamReport();
    const renderApp = (trend: (signal: AbortSignal) => Promise<TrendSeries>) =>
      render(
        <ThemeContext.Provider value={{ color: false }}>
          <App load={async () => report} trend={trend} describeError={() => ({ message: '', exitCode: 1 })} title="team.git" />
        </ThemeContext.Provider>,
      );
    // Started only after a frame with the report: the loader sees the explorer's frames.
    let framesWhenStarted = -1;
    let resolve: (trend: TrendSeries) => void = () => {};
    const shown = renderApp(() => {
      framesWhenStarted = shown.frames.filter((frame) => frame.includes('[Modules] People')).length;
      return new Promise((done) => (resolve = done));
    });
    // It waits for Ink's frame to be out (hooks/use-trend.ts): 100 ms after the report's frame.
    await until(() => framesWhenStarted >= 0);
    expect(framesWhenStarted).toBeGreaterThan(0);
    expect(shown.lastFrame()?.split('\n')[0]).not.toContain('BF ');
    resolve({ points: [{ busFactor: 1 }, { busFactor: 2 }] }); // ▁█, 1–2
    await settle(() => shown.frames.length);
    expect(shown.lastFrame()?.split('\n')[0]).toContain('· BF ▁█ 1–2');
    shown.unmount();

    let asked = false;
    const failing = renderApp(async () => {
      asked = true;
      throw new Error('no trend');
    });
    await until(() => asked);
    await settle(() => failing.frames.length);
    expect(failing.lastFrame()).toContain('[Modules] People');
    expect(failing.lastFrame()?.split('\n')[0]).not.toContain('BF ');
    failing.unmount();

    let signal: AbortSignal | undefined;
    const pending = renderApp((given) => {
      signal = given;
      return new Promise(() => {});
    });
    await until(() => signal !== undefined);
    expect(signal?.aborted).toBe(false);
    pending.stdin.write('q');
    await tick();
    expect(signal?.aborted).toBe(true);
  });
});
