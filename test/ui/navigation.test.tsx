import { describe, expect, it } from 'vitest';
import { KEY, renderExplorer, useReports } from './explorer-fixture.js';

const reports = useReports();

// Bus factors and key people: worked out in explorer-history.ts.
describe('explorer: moving through the module tree', () => {
  it('opens on the repository, its folders riskiest first, with the detail of the selection', async () => {
    const app = await renderExplorer(await reports());
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor · acme @ bc0c1952 · 8 commits · 14 files · 6 authors [Modules] People
      Bus factor 3 · active 2 · key people: Alice Archer 29%, Bob Baker † … sort: risk
            BF active  files  top    module                      top key person
      ›     3      2      14  █░░░░  ▾ acme                      Alice Archer
            1!     1!      3  █████    ▸ lib                     Dave Dunn
            2      1!      9  ██░░░    ▸ src                     Alice Archer
            2      2       2  ███░░      tools                   Erin Evans







      ── acme · 14 files · 6 authors · bus factor 3 · active 2 ───────────────────────
              key people, in removal order               files  share   last commit
        1. [ ] Alice Archer                                   4    29%   10 months ago
        2. [ ] Bob Baker †                                    3    21%   departed
        3. [ ] Carol Chen                                     3    21%   12 months ago
      lost 3 of 14 files (21%)
      line ownership: run with --lines
      single-author files (DOA, --lines for line islands): 13 of 14 · Alice Archer 3 …
      jk move · hl fold · tab people · x leave · p people · / find · s sort · ? · q"
    `);
  });

  it('moves with j/k and arrows, opens with l, goes into and back out with l and h', async () => {
    const app = await renderExplorer(await reports());
    await app.press('j', 'l');
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor · acme @ bc0c1952 · 8 commits · 14 files · 6 authors [Modules] People
      Bus factor 3 · active 2 · key people: Alice Archer 29%, Bob Baker † … sort: risk
            BF active  files  top    module                      top key person
            3      2      14  █░░░░  ▾ acme                      Alice Archer
      ›     1!     1!      3  █████    ▾ lib                     Dave Dunn
            1!     1!      1  █████        parsers/json          Dave Dunn
            2      1!      9  ██░░░    ▸ src                     Alice Archer
            2      2       2  ███░░      tools                   Erin Evans






      ── lib · 3 files · 1 author · bus factor 1! · active 1! ────────────────────────
              key people, in removal order               files  share   last commit
        1. [ ] Dave Dunn                                      3   100%   5 months ago


      lost 0 of 3 · who could take over: nobody else still here has worked on them
      line ownership: run with --lines
      single-author files (DOA, --lines for line islands): 3 of 3 · Dave Dunn 3
      jk move · hl fold · tab people · x leave · p people · / find · s sort · ? · q"
    `);
    await app.press('l'); // into lib's first child
    expect(app.frame()).toContain('›     1!     1!      1  █████        parsers/json');
    await app.press('h'); // no children to close: to the parent
    expect(app.frame()).toContain('›     1!     1!      3  █████    ▾ lib');
    await app.press(KEY.left); // close lib
    expect(app.frame()).toContain('›     1!     1!      3  █████    ▸ lib');
    await app.press(KEY.down, KEY.enter); // open src with Enter
    expect(app.frame()).toContain('›     2      1!      9  ██░░░    ▾ src');
    await app.press('G');
    expect(app.frame()).toContain('›     2      2       2  ███░░      tools');
    await app.press('k', KEY.up, 'g');
    expect(app.frame()).toContain('›     3      2      14  █░░░░  ▾ acme');
    await app.press(' '); // space closes the root
    expect(app.frame().split('\n').slice(3, 5)).toEqual(['›     3      2      14  █░░░░  ▸ acme                      Alice Archer', '']);
  });

  it('pages through a long tree in a small terminal, the window following the cursor', async () => {
    const app = await renderExplorer(await reports(), { columns: 60, rows: 15 });
    await app.press('j', 'l', 'j', 'j', 'l'); // open lib and src: 9 rows, 4 shown
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor · acme @ bc0c1952 · 14 files     [Modules] People
      Bus factor 3 · active 2 · key people: Alice Arch… sort: risk
            BF active  files  top    module           key person
            3      2      14  █░░░░  ▾ acme           Alice Archer
            1!     1!      3  █████    ▾ lib          Dave Dunn
            1!     1!      1  █████        parsers/…  Dave Dunn
      ›     2      1!      9  ██░░░    ▾ src          Alice Archer
      ── src · 9 files · 3 authors · bus factor 2 · active 1! ────
              key people, in remov…  files  share   last commit
        1. [ ] Alice Archer               4    44%   10 months ago
      lost 3 of 9 · who could take over: Carol Chen (knowledge 33…
      line ownership: run with --lines
      single-author files (DOA, --lines for line islands): 8 of 9…
      jk move · hl fold · tab people · x leave · p people · / fin…"
    `);
    await app.press(KEY.pageDown);
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor · acme @ bc0c1952 · 14 files     [Modules] People
      Bus factor 3 · active 2 · key people: Alice Arch… sort: risk
            BF active  files  top    module           key person
            1!     0!      3  ███░░        api        Bob Baker †
            1!     1!      4  ████░        core       Alice Archer
            2      2       2  █████        ui         Carol Chen
      ›     2      2       2  ███░░      tools        Erin Evans
      ── tools · 2 files · 2 authors · bus factor 2 · active 2 ───
              key people, in remov…  files  share   last commit
        1. [ ] Erin Evans                 1    50%   4 weeks ago
      lost 0 of 2 files
      line ownership: run with --lines
      single-author files (DOA, --lines for line islands): 2 of 2…
      jk move · hl fold · tab people · x leave · p people · / fin…"
    `);
    await app.press(KEY.pageUp, KEY.pageUp);
    expect(app.frame().split('\n')[3]).toBe('›     3      2      14  █░░░░  ▾ acme           Alice Archer');
  });

  it('shows help over everything, fitting 80 columns; any key closes it', async () => {
    const app = await renderExplorer(await reports());
    await app.press('?');
    const help = app.frame();
    expect(help).toMatchInlineSnapshot(`
      "busfactor · keys and columns   any key closes this
        Move     j/k ↑/↓ · g/G Home/End · PgUp/PgDn, Ctrl-u/Ctrl-d
        Fold     l/→ open, then into it · h/← close, then to parent · Enter/space
        Views    p people · r roles (who runs it) · Tab: the module's people
                 m: next kind of module (folders, workspaces, configured, CODEOWNERS)
        What-if  x: the module's top key person leaves · 1–9: the n-th person
                 space/x: a person in the people view or Tab list · c: clear all
        Find     / filter (modules: path, name, owners; people: name) · Enter, Esc
        Sort     s: risk → size → name (people: impact → files → name)
        Quit     q · Ctrl-C

        BF       bus factor (AVL): fewest people whose leaving leaves over half
                 the files without an author. 1! red · 2 yellow · 3+ green;
                 3→1!: before → after the marked people leave
        active   the bus factor over people still here (the departed author nothing);
                 risk sort: lowest first · 0 lost: every file's authors departed
        †        departed: no activity in the 1y before HEAD, or so configured
        lost     files whose every author departed · take over: who knows them next
        top      bar: share of the folder's files its top key person authors
        impact   modules (every folder, ≥ 1 files) only they still author
        islands  ≥ 90% of the lines one person's (--lines); else one-author files
        ages     last commit, counted back from HEAD's date (2021-06-01)
        trend    header BF ▁▄█ 1–3: bus factor from the first commit to HEAD"
    `);
    expect(help.split('\n').every((line) => !line.endsWith('…'))).toBe(true);
    await app.press('j');
    expect(app.frame()).toContain('[Modules] People');
  });

  it('says the terminal is too small instead of drawing a garbled screen', async () => {
    const app = await renderExplorer(await reports(), { columns: 59, rows: 24 });
    expect(app.frame()).toMatchInlineSnapshot(`
      "Terminal too small: 59×24
      busfactor needs 60×15.
      Enlarge it, or q quits."
    `);
    await app.press('q');
    expect(app.quits()).toBe(1);
  });

  it('quits with q and with Ctrl-C', async () => {
    const app = await renderExplorer(await reports());
    await app.press('q');
    expect(app.quits()).toBe(1);
    await app.press(KEY.ctrlC);
    expect(app.quits()).toBe(2);
  });
});
