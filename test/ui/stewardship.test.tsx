import { describe, expect, it } from 'vitest';
import { GUILD_HISTORY, HOSTILE_STEWARD_HISTORY, QUIET_HISTORY } from '../../fixtures/stewardship-ui-histories.js';
import { analyze } from '../../src/analyze.js';
import type { Report, StewardshipKind } from '../../src/report/report.js';
import { scoreStewardship } from '../../src/report/stewardship-score.js';
import { indexAuthorship } from '../../src/report/what-if.js';
import { EXPLORER_DEFAULTS } from '../../src/ui/explorer-defaults.js';
import { departedIndices } from '../../src/ui/model/departed.js';
import { KEY, renderExplorer, useBareRepo } from './explorer-fixture.js';

const guild = useBareRepo('guild', GUILD_HISTORY);
const quiet = useBareRepo('quiet', QUIET_HISTORY);
const hostile = useBareRepo('hostile', HOSTILE_STEWARD_HISTORY);
const report = (path: string): Promise<Report> => analyze({ path, defaults: EXPLORER_DEFAULTS });

/** Frame lines from `from` to `to` (the activities are lines 3–6, the pane's title line 7). */
const lines = (frame: string, from: number, to: number): string[] => frame.split('\n').slice(from, to);
/** An activity row's BF and active cells: `2→0!`, `1!`. */
const cells = (row: string): string[] => row.replace(/^›/, '').trim().split(/\s+/).slice(0, 2);
/** The cell the explorer shows for a bus factor before → after (ui/model/cells.ts). */
const cell = (before: number, after: number): string => `${before === after ? '' : `${before}→`}${after}${after <= 1 ? '!' : ''}`;

// Every bus factor here is worked out by hand in the comment above GUILD_HISTORY
// (fixtures/stewardship-ui-histories.ts): Maya runs the project now, Otto (departed) did before.
describe('explorer: who runs the project (r)', () => {
  it('r shows one row per activity and the selected activity\'s people, key people marked', async () => {
    const app = await renderExplorer(await report(guild()));
    await app.press('r');
    // Integration: Maya 3 + Otto 2 of 6: BF 2; window Maya 3 of 4: active 1, her bar 75% of 5 → 4.
    // Releases: Maya 2 + Otto 2 of 5: 2; window Maya 2 of 3 (67%): 1. Review: Rae 3 of 5: 1; window
    // Rae 3 of 4: 1. Build: 2 (Maya, then Otto or Theo); Otto gone, −Maya leaves 3 of 4 files: 1;
    // she authors 2 of the 4 (50%: 2.5 cells → 3). Window events: 4, 3, 4, 2.
    // Ages from 2024-06-01: Maya's last (landing Theo's e.js) 2023-12-02, 182 days: 6 months;
    // Theo's merge 2024-01-15: 5 months; Otto's landing 2021-04-01, departed: † and 3 years.
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor · guild @ b221bfcb · 15 commits · 10 files      Modules People [Roles]
      Bus factor 1! · active 1! · key people: Theo Tran 60%                 sort: risk
            BF active window  top    activity     active key people
      ›     2      1!      4  ████░  integration  Maya Moss 75%
            2      1!      3  ███░░  releases     Maya Moss 67%
            1!     1!      4  ████░  review       Rae Reed 75%
            2      1!      2  ███░░  build        Maya Moss 50%
      ── integration · 4 of 6 in the last 1y · bus factor 2 · active 1! ──────────────
               person                 key window  share     all  last activity
        1. [ ] Maya Moss              key      3    75%       3  6 months ago
        2. [ ] Theo Tran                       1    25%       1  5 months ago
        3. [ ] Otto Old †                      0     0%       2  3 years ago








      all history: Maya Moss 50%, Otto Old † 33% · 4 merges, 2 commits landed by some…

      jk move · tab people · x leave · r modules · p people · / find · s sort · ? · q"
    `);
    await app.press('r');
    expect(app.frame().split('\n')[0]).toMatch(/ \[Modules\] People$/);
  });

  it('x marks the activity\'s top active key person: every activity is rescored as scoreStewardship says', async () => {
    const scanned = await report(guild());
    const app = await renderExplorer(scanned);
    await app.press('r', 'x'); // integration's top active key person: Maya
    expect(app.frame().split('\n')[1]).toMatch(/^What-if: 1 leaving \(Maya Moss\)/);
    // Without Maya — integration: Otto 2 + Theo 1 = 3 of 6, not over half: 2 → 0; window Theo 1 of
    // 4: 1 → 0. Releases: Otto 2 + Theo 1 = 3 of 5, 6 > 5: stays 2; window Theo 1 of 3: 1 → 0.
    // Review is Rae's: unchanged. Build: 2 of 4 files orphaned, − one more: 2 → 1; active (Otto
    // gone too): 3 of 4 orphaned at once: 1 → 0.
    expect(lines(app.frame(), 3, 7)).toEqual([
      '›   2→0!   1→0!      4  ░░░░░  integration  nobody still here did over half',
      '      2    1→0!      3  ░░░░░  releases     nobody still here did over half',
      '      1!     1!      4  ████░  review       Rae Reed 75%',
      '    2→1!   1→0!      2  ░░░░░  build        fewer than half of the build files …',
    ]);
    expect(lines(app.frame(), 9, 10)).toEqual(['  1. [x] Maya Moss                       3    75%       3  leaving']);
    // The same numbers as the one scoring function gives for these marks.
    const index = indexAuthorship(scanned);
    const maya = scanned.people.findIndex((person) => person.id === 'maya@guild.dev');
    const base = scoreStewardship(scanned.stewardship, index, new Set(), departedIndices(scanned));
    const after = scoreStewardship(scanned.stewardship, index, new Set([maya]), departedIndices(scanned));
    const kinds: StewardshipKind[] = ['integration', 'releases', 'review', 'build'];
    expect(lines(app.frame(), 3, 7).map(cells)).toEqual(
      kinds.map((kind) => [cell(base[kind]?.busFactor.busFactor ?? -1, after[kind]?.busFactor.busFactor ?? -1), cell(base[kind]?.activeBusFactor.busFactor ?? -1, after[kind]?.activeBusFactor.busFactor ?? -1)]),
    );
    // And as --without computes it into the report.
    const without = await analyze({ path: guild(), defaults: EXPLORER_DEFAULTS, without: ['Maya Moss'] });
    expect(without.whatIf?.stewardship.integration).toEqual({ busFactor: { before: 2, after: 0 }, activeBusFactor: { before: 1, after: 0 } });
    await app.press('x'); // nobody is an active key person of integration any more: nothing happens
    expect(app.frame().split('\n')[1]).toMatch(/^What-if: 1 leaving \(Maya Moss\)/);
    await app.press('c');
    expect(app.frame()).not.toContain('→');
  });

  it('Tab moves into the people, where space marks one; the releases show their cadence and last tags', async () => {
    const app = await renderExplorer(await report(guild()));
    await app.press('r', 'j', KEY.tab, 'j', ' '); // releases; Theo (2.) leaves
    // Without Theo: releases keep Maya 2 + Otto 2 of 5: BF 2; window Maya 2 of 3: active 1. Build:
    // his Dockerfile orphaned too, −Maya: 3 of 4: 2 → 1; active (Otto gone): Makefile and
    // Dockerfile orphaned, −Maya all 4: 1. His last release v1.1.0, 2024-03-01: 3 months before.
    expect(lines(app.frame(), 3, 14)).toEqual([
      '      2      1!      4  ████░  integration  Maya Moss 75%',
      '›     2      1!      3  ███░░  releases     Maya Moss 67%',
      '      1!     1!      4  ████░  review       Rae Reed 75%',
      '    2→1!     1!      2  ███░░  build        Maya Moss 50%',
      '── releases · 3 of 5 releases in the last 1y · bus factor 2 · active 1! ────────',
      '         person                 key window  share     all  last activity',
      '  1. [ ] Maya Moss              key      2    67%       2  <1 day ago · v1.2.0',
      '› 2. [x] Theo Tran                       1    33%       1  leaving',
      '  3. [ ] Otto Old †                      0     0%       2  2 years ago · v0.2.0',
      '',
      '',
    ]);
    // v1.0.0 → v1.1.0 152 days, → v1.2.0 92: median 122; `nightly` is not a release's name.
    expect(lines(app.frame(), 20, 22)).toEqual(['all history: Maya Moss 40%, Otto Old † 40% · 3 releases in the window, median 1…', '1 tag not counted: 1 name not a release']);
    expect(app.frame().split('\n').at(-1)).toBe('jk move · space/x leave/stay · tab back · c clear all · / find · s sort · ? · q');
    await app.press(' '); // he stays after all
    expect(app.frame()).not.toContain('→');
    await app.press(KEY.escape, KEY.escape); // out of the people, then back to the modules
    expect(app.frame().split('\n')[0]).toMatch(/ \[Modules\] People$/);
  });

  it('build counts the build files they author: shares of the files, the bots\' change said and not counted', async () => {
    const app = await renderExplorer(await report(guild()));
    await app.press('r', 'G');
    // 4 build files: Maya 2 (50%), Theo 1, Otto 1 (25% each); changes in the window: Maya's CI
    // (2023-08-01, 10 months before) and Theo's Dockerfile (2024-04-01, 2 months).
    expect(lines(app.frame(), 7, 12)).toEqual([
      '── build · 2 of 3 in the last 1y · bus factor 2 · active 1! ────────────────────',
      '         person                 key  files  share  window  last change',
      '  1. [ ] Maya Moss              key      2    50%       1  10 months ago',
      '  2. [ ] Theo Tran                       1    25%       1  2 months ago',
      '  3. [ ] Otto Old †                      1    25%       0  3 years ago',
    ]);
    expect(lines(app.frame(), 20, 22)).toEqual(['all history: Maya Moss 50%, Theo Tran 25% · 4 build and delivery files', 'plus 1 by bots, not counted']);
    await app.press('2'); // the 2. listed: Theo leaves; build 2 → 1 as above
    expect(lines(app.frame(), 6, 7)).toEqual(['›   2→1!     1!      2  ███░░  build        Maya Moss 50%']);
  });

  it('the people view shows each person\'s roles: their share of the window, or of the build files', async () => {
    const app = await renderExplorer(await report(guild()), { columns: 140, rows: 24 });
    await app.press('p');
    // Theo: integration 1 of 4 in the window, releases 1 of 3, build 1 of 4 files; Maya: 3 of 4,
    // 2 of 3, review 1 of 4 (her ack), 2 of 4 files; Otto: only his Makefile now; Rae: review 3 of
    // 4; dependabot's events are a bot's: no role.
    expect(lines(app.frame(), 2, 8)).toEqual([
      '     person                    files key in impact  last commit    roles                                                    key person in',
      '›[ ] Theo Tran                     6      1      0  2 months ago   integrates 25% · releases 33% · build 25%                src',
      ' [ ] Maya Moss                     2      0      0  <1 day ago     integrates 75% · releases 67% · reviews 25% · build 50%',
      ' [ ] Otto Old †                    2      0      0  departed       build 25%',
      ' [ ] dependabot[bot] (bot)         0      0      0  4 months ago',
      ' [ ] Rae Reed                      0      0      0  ?              reviews 75%',
    ]);
    await app.press('j', ' ', 'r'); // Maya leaves from the people view; the roles view shows it
    expect(lines(app.frame(), 3, 4)).toEqual(['›   2→0!   1→0!      4  ░░░░░  integration  nobody still here did over half']);
  });

  it('an activity the history shows none of is absent, with the reason: never a bus factor of 0', async () => {
    const app = await renderExplorer(await report(quiet()));
    await app.press('r');
    // QUIET_HISTORY: no merge, no landing (GitHub committed Ben's commit: unattributed), two tags and
    // neither a release, only Ann's own sign-off, no build file.
    expect(lines(app.frame(), 3, 10)).toEqual([
      '› absent      -      -         integration  no merges and no commits landed by …',
      '  absent      -      -         releases     no release tags (2 tags, none a rel…',
      '  absent      -      -         review       no review or sign-off trailers from…',
      '  absent      -      -         build        no build or delivery files',
      '── integration · absent: no merges and no commits landed by someone other than …',
      '         person                 key window  share     all  last activity',
      '         nobody did this',
    ]);
    expect(app.frame()).toContain('1 commit landed through the GitHub web interface: who landed it is not recorded');
    await app.press(KEY.tab, 'x'); // nobody to move to or to mark
    expect(app.frame().split('\n')[1]).toMatch(/^Bus factor 2 · active 2/);
  });

  it('r is in the help and, where there is room, the footer; the roles view has its own help', async () => {
    const scanned = await report(guild());
    const wide = await renderExplorer(scanned, { columns: 100, rows: 30 });
    expect(wide.frame().split('\n').at(-1)).toBe('jk move · hl fold · tab people · x leave · p people · r roles · / find · s sort · ? · q');
    await wide.press('?');
    expect(wide.frame()).toContain("  Views    p people · r roles (who runs it) · Tab: the module's people");
    expect(wide.frame()).toContain('  roles    people view: their share of each activity within the window');
    const app = await renderExplorer(scanned);
    await app.press('r', '?');
    expect(lines(app.frame(), 3, 4)).toEqual(["  Views    p people · r roles (who runs it) · Tab: the module's people"]);
    expect(lines(app.frame(), 11, 19)).toEqual([
      '  BF       fewest people who did over half of the activity, all history;',
      "           build: the build files' bus factor (AVL). absent: none in the history",
      '  active   the same within the window (last 1y: 2023-06-02 → 2024-06-01),',
      '           people still here only · 3→1!: before → after the marked people leave',
      "  window   events within the window · share: of them (build: of the build files)",
      '  key      an active key person, the marks applied · x: the top one leaves',
      '  †        departed: no activity in the 1y before HEAD, or so configured',
      '  sort     s: window → all history → name (build: files → all → name)',
    ]);
    expect(app.frame().split('\n').every((line) => !line.endsWith('…'))).toBe(true);
  });

  it('/ filters the activity\'s people and s sorts them: window, all history, name', async () => {
    const app = await renderExplorer(await report(guild()));
    const names = () => lines(app.frame(), 9, 12).map((line) => line.slice(9, 20).trimEnd());
    await app.press('r', '/', 'o', 't', KEY.enter); // "ot": only Otto's name or email has it
    expect(lines(app.frame(), 9, 11)).toEqual(['  1. [ ] Otto Old †                      0     0%       2  3 years ago', '']);
    await app.press(KEY.escape);
    expect(names()).toEqual(['Maya Moss', 'Theo Tran', 'Otto Old †']); // the window: 3, 1, 0
    await app.press('s');
    expect(names()).toEqual(['Maya Moss', 'Otto Old †', 'Theo Tran']); // all history: 3, 2, 1
    expect(app.frame().split('\n')[1]).toMatch(/sort: size$/);
    await app.press('s', 'j', 'j'); // by name, in the review: Maya, Otto, Rae (the window: Rae first)
    expect(names()).toEqual(['Maya Moss', 'Otto Old †', 'Rae Reed']);
  });

  it('never lets escape sequences from the repository reach the terminal', async () => {
    const app = await renderExplorer(await report(hostile()), { columns: 100, rows: 24 });
    await app.press('r', 'j');
    // Mal reviews Ann's one commit and tags the one release: 1 of 1 each, BF 1.
    expect(lines(app.frame(), 4, 6)).toEqual(['›     1!     1!      1  █████  releases     Mal \\x1b[31mRED\\x1b[0m 100%', '      1!     1!      1  █████  review       Mal \\x1b[31mRED\\x1b[0m 100%']);
    expect(app.frame()).toContain('  1. [ ] Mal \\x1b[31mRED\\x1b[0m                     key      1   100%       1  <1 day ago · v1.0.0');
    expect(app.frame()).not.toMatch(/\u001b/);
  });
});
