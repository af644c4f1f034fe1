import { describe, expect, it } from 'vitest';
import { KEY, renderExplorer, useReports } from './explorer-fixture.js';

const reports = useReports();

/** The tree's rows (below the headings, above the detail pane), without trailing blanks. */
const treeRows = (frame: string): string[] => frame.split('\n').slice(3, 14).filter((line) => line !== '');

describe('explorer: filter and sort', () => {
  it('filters modules by path as you type, opening the folders on the way, and lands on the first match', async () => {
    const app = await renderExplorer(await reports());
    await app.press('/', 'j', 's', 'o', 'n');
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor · acme @ bc0c1952 · 8 commits · 14 files · 6 authors [Modules] People
      Bus factor 3 · active 2 · key people: Alice Archer 2… sort: risk · filter "json"
            BF active  files  top    module                      top key person
            3      2      14  █░░░░  ▾ acme                      Alice Archer
            1!     1!      3  █████    ▾ lib                     Dave Dunn
      ›     1!     1!      1  █████        parsers/json          Dave Dunn








      ── lib/parsers/json · 1 file · 1 author · bus factor 1! · active 1! ────────────
              key people, in removal order               files  share   last commit
        1. [ ] Dave Dunn                                      1   100%   5 months ago


      lost 0 of 1 · who could take over: nobody else still here has worked on them
      line ownership: run with --lines
      single-author files (DOA, --lines for line islands): 1 of 1 · Dave Dunn 1
      /json▏   filter modules by path or name · enter keeps · esc clears"
    `);
    await app.press(KEY.enter); // keeps the filter; keys move again
    expect(app.frame().split('\n')[1]).toMatch(/sort: risk · filter "json"$/);
    expect(app.frame().split('\n').at(-1)).toMatch(/^jk move/);
    await app.press('k');
    expect(treeRows(app.frame())[1]).toMatch(/^›     1!     1!      3  █████    ▾ lib/);
    await app.press('j', KEY.escape); // clears it; the match stays selected, in place
    expect(app.frame().split('\n')[1]).toMatch(/sort: risk$/);
    expect(treeRows(app.frame()).map((row) => row.slice(0, 50).trimEnd())).toEqual([
      '      3      2      14  █░░░░  ▾ acme',
      '      1!     1!      3  █████    ▾ lib',
      '›     1!     1!      1  █████        parsers/json',
      '      2      1!      9  ██░░░    ▸ src',
      '      2      2       2  ███░░      tools',
    ]);
  });

  it('edits the filter with backspace, says when nothing matches, and Esc while typing clears it', async () => {
    const app = await renderExplorer(await reports());
    await app.press('/', 'z', 'z');
    expect(app.frame().split('\n')[1]).toMatch(/filter "zz" \(no match\)$/);
    expect(treeRows(app.frame())).toEqual(['›     3      2      14  █░░░░  ▾ acme                      Alice Archer']);
    await app.press(KEY.backspace, KEY.backspace, 'u', 'i');
    expect(treeRows(app.frame()).map((row) => row.trim().split(/\s+/).at(-3))).toEqual(['acme', 'src', 'ui']);
    expect(app.frame().split('\n').at(-1)).toBe('/ui▏   filter modules by path or name · enter keeps · esc clears');
    await app.press(KEY.escape);
    expect(app.frame().split('\n')[1]).toMatch(/sort: risk$/);
  });

  it('cycles the sort order with s: risk, size, name', async () => {
    const app = await renderExplorer(await reports());
    await app.press('j', 'j', 'l'); // open src
    const names = () => treeRows(app.frame()).map((row) => row.replace(/^.{33}\s*[▾▸]?\s*/, '').split(/\s{2,}/)[0]);
    // Risk: active bus factor first (Bob has departed: explorer-history.ts), then bus factor, then
    // larger first. lib (active 1, BF 1), src (active 1, BF 2), tools (2, 2); in src, api (active
    // 0: Bob's two files are lost) before core (1, though larger), then ui (2).
    expect(names()).toEqual(['acme', 'lib', 'src', 'api', 'core', 'ui', 'tools']);
    await app.press('s');
    expect(app.frame().split('\n')[1]).toMatch(/sort: size$/);
    expect(names()).toEqual(['acme', 'src', 'core', 'api', 'ui', 'lib', 'tools']);
    await app.press('s');
    expect(names()).toEqual(['acme', 'lib', 'src', 'api', 'core', 'ui', 'tools']);
    await app.press('s');
    expect(app.frame().split('\n')[1]).toMatch(/sort: risk$/);
    // The selection stays on the same folder whatever the order.
    expect(app.frame()).toContain('›     2      1!      9  ██░░░    ▾ src');
  });

  it('filters and sorts the people view on its own', async () => {
    const app = await renderExplorer(await reports());
    await app.press('p', '/', 'c', 'a', 'r', KEY.enter);
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor · acme @ bc0c1952 · 8 commits · 14 files · 6 authors  Modules [People]
      Bus factor 3 · active 2 · key people: Alice Archer 29… sort: risk · filter "car"
           person             files key in impact  last commit    key person in
      ›[ ] Carol Chen             3      1      0  12 months ago  src/ui


















      jk move · space/x leave/stay · c clear · p modules · / find · s sort · ? · q"
    `);
    await app.press(KEY.escape, 's', 's'); // by name
    expect(app.frame().split('\n').slice(3, 9).map((row) => row.slice(5, 20).trim())).toEqual(['Alice Archer', 'Bob Baker †', 'Carol Chen', 'Dave Dunn', 'Erin Evans', 'Mallory \\x1b[31']);
    await app.press('p');
    expect(app.frame().split('\n')[1]).toMatch(/sort: risk$/);
  });
});
