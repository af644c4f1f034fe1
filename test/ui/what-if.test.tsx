import { describe, expect, it } from 'vitest';
import { KEY, renderExplorer, useReports } from './explorer-fixture.js';

const reports = useReports();

const lines = (frame: string, from: number, to: number) => frame.split('\n').slice(from, to);

// Bus factors with and without people: worked out in explorer-history.ts.
describe('explorer: what if people leave', () => {
  it('x marks the selected module\'s top key person as leaving; every bus factor is recomputed at once', async () => {
    const app = await renderExplorer(await reports());
    await app.press('j', 'j', 'l', 'x'); // src, opened; its top key person is Alice
    // src without Alice: a, b, c lose their only author; Bob and Carol 3 each → −Bob 3/9: 2 → 1.
    // src/core keeps d.js only, 1/4: 1 → 0. src/ui keeps Carol: 2 → 1. The repository 3 → 2.
    // Active (Bob has departed, explorer-history.ts): src Alice 4, Carol 3 → 6/9 → −Alice 3/9: 1,
    // and with Alice gone too, Carol's 3/9: 0. src/core: 3/4 → −Alice: 1 → 0. src/api: Bob's two
    // files are lost, Carol's 1/3: 0 either way. src/ui: 2 → 1. The repository: Carol and Dave 3
    // each, 8/14 → −Carol 5/14: 2 → 1. Rows by active first: core (0, BF 0) before api (0, BF 1).
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor · acme @ bc0c1952 · 8 commits · 14 files · 6 authors [Modules] People
      What-if: 1 leaving (Alice Archer) · bus factor 3→2 · active 2→1! · c… sort: risk
            BF active  files  top    module                      top key person
          3→2    2→1!     14  █░░░░  ▾ acme                      Bob Baker †
      ›   2→1!   1→0!      9  ██░░░    ▾ src                     Bob Baker †
          1→0!   1→0!      4  ░░░░░        core                  —
            1!     0!      3  ███░░        api                   Bob Baker †
          2→1!   2→1!      2  █████        ui                    Carol Chen
            1!     1!      3  █████    ▸ lib                     Dave Dunn
            2      2       2  ███░░      tools                   Erin Evans




      ── src · 9 files · 3 authors · 3 without author · bus factor 2→1! · active 1→0!
              key people, in removal order               files  share   last commit
        1. [x] Alice Archer                                   4    44%   leaving
        2. [ ] Bob Baker †                                    3    33%   departed

      lost 3 of 9 · who could take over: Carol Chen (knowledge 33%, 3 recent changes)
      line ownership: run with --lines
      single-author files (DOA, --lines for line islands): 8 of 9 · Alice Archer 3 · …
      jk move · hl fold · tab people · x leave · p people · / find · s sort · ? · q"
    `);
    await app.press('x'); // again: now Bob is src's top key person
    // Without Alice and Bob: src has Carol's 3 of 9 → 0; the repository: Carol, Dave 3 each,
    // 8/14 → −Carol 5/14: 1. Bob has departed already: the active column is as above.
    expect(lines(app.frame(), 1, 7)).toMatchInlineSnapshot(`
      [
        "What-if: 2 leaving (Alice Archer, Bob Baker) · bus factor 3→1! · act… sort: risk",
        "      BF active  files  top    module                      top key person",
        "    3→1!   2→1!     14  █░░░░  ▾ acme                      Carol Chen",
        "›   2→0!   1→0!      9  ░░░░░    ▾ src                     —",
        "    1→0!   1→0!      4  ░░░░░        core                  —",
        "    1→0!     0!      3  ░░░░░        api                   —",
      ]
    `);
    await app.press('c');
    expect(app.frame()).not.toContain('→');
    expect(app.frame().split('\n')[1]).toMatch(/^Bus factor 3 · active 2 · key people/);
  });

  it('Tab moves into the detail pane, where space takes a mark back or sets one; 1–9 toggle from the tree', async () => {
    const app = await renderExplorer(await reports());
    await app.press('j', 'j', '1', '2'); // src: Alice (1.) leaves, then the new 2. (Bob)
    expect(lines(app.frame(), 14, 19)).toMatchInlineSnapshot(`
      [
        "── src · 9 files · 3 authors · 6 without author · bus factor 2→0! · active 1→0!",
        "        key people, in removal order               files  share   last commit",
        "  1. [x] Alice Archer                                   4    44%   leaving",
        "  2. [x] Bob Baker †                                    3    33%   leaving",
        "",
      ]
    `);
    await app.press(KEY.tab, ' '); // the cursor is on Alice: she stays after all
    expect(lines(app.frame(), 14, 19)).toMatchInlineSnapshot(`
      [
        "── src · 9 files · 3 authors · 3 without author · bus factor 2→1! · active 1! ──",
        "        key people, in removal order               files  share   last commit",
        "  1. [x] Bob Baker †                                    3    33%   leaving",
        "› 2. [ ] Alice Archer                                   4    44%   10 months ago",
        "",
      ]
    `);
    expect(app.frame().split('\n').at(-1)).toMatch(/^jk move · space\/x leave\/stay · tab back to tree/);
    await app.press('k', 'x'); // Bob stays too: no marks left
    expect(app.frame().split('\n')[1]).toMatch(/^Bus factor 3 · active 2 · key people/);
    await app.press('x'); // the cursor is still on Bob (2. again): he leaves
    // Without Bob: 11/14 → −Alice 8/14 → −Carol (ties Dave at 3, by id) 5/14: 3 → 2. He has
    // departed already (explorer-history.ts): the active bus factor stays 2.
    expect(app.frame().split('\n')[1]).toBe('What-if: 1 leaving (Bob Baker) · bus factor 3→2 · active 2 · c clears sort: risk');
    await app.press(KEY.tab, 'j');
    expect(app.frame().split('\n').at(-1)).toMatch(/^jk move · hl fold/);
    expect(app.frame()).toContain('›     1!     1!      3  █████    ▸ lib');
  });

  it('the people view marks anyone, shows impact, and the modules view shows the result', async () => {
    // The folders of the text output (depth 2, at least 3 files): impact counts the modules shown.
    const app = await renderExplorer(await reports({ depth: 2, minFiles: 3 }));
    await app.press('p');
    // Impact: lib's only author is Dave (the modules are lib, src, src/api, src/core).
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor · acme @ bc0c1952 · 8 commits · 14 files · 6 authors  Modules [People]
      Bus factor 3 · active 2 · key people: Alice Archer 29%, Bob Baker † … sort: risk
           person             files key in impact  last commit    key person in
      ›[ ] Dave Dunn              3      1      1  5 months ago   lib
       [ ] Alice Archer           4      2      0  10 months ago  src, src/core
       [ ] Bob Baker †            3      2      0  departed       src, src/api
       [ ] Carol Chen             3      0      0  12 months ago
       [ ] Erin Evans             1      0      0  4 weeks ago
       [ ] Mallory \\x1b[31m…      1      0      0  <1 day ago













      jk move · space/x leave/stay · c clear · p modules · / find · s sort · ? · q"
    `);
    await app.press('x', 'j', ' '); // Dave, then Alice (the next row)
    // With Dave and Alice gone, src/core's only author left is Bob: his impact is 1. Dave's own
    // row does not move: his impact counts lib, which his leaving empties.
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor · acme @ bc0c1952 · 8 commits · 14 files · 6 authors  Modules [People]
      What-if: 2 leaving (Dave Dunn, Alice Archer) · bus factor 3→1! · act… sort: risk
           person             files key in impact  last commit    key person in
       [ ] Bob Baker †            3      2      1  departed       src, src/api
       [x] Dave Dunn              3      1      1  5 months ago   lib
      ›[x] Alice Archer           4      2      0  10 months ago  src, src/core
       [ ] Carol Chen             3      0      0  12 months ago
       [ ] Erin Evans             1      0      0  4 weeks ago
       [ ] Mallory \\x1b[31m…      1      0      0  <1 day ago













      jk move · space/x leave/stay · c clear · p modules · / find · s sort · ? · q"
    `);
    await app.press('p');
    // Active without Bob (departed), Dave and Alice: Carol 3, Erin 1, Mallory 1 of 14 < 0.5: 2 → 0;
    // lib: nobody, 1 → 0; src: Carol's 3/9: 1 → 0.
    expect(lines(app.frame(), 1, 7)).toMatchInlineSnapshot(`
      [
        "What-if: 2 leaving (Dave Dunn, Alice Archer) · bus factor 3→1! · act… sort: risk",
        "      BF active  files  top    module                      top key person",
        "›   3→1!   2→0!     14  █░░░░  ▾ acme                      Bob Baker †",
        "    1→0!   1→0!      3  ░░░░░      lib                     —",
        "    2→1!   1→0!      9  ██░░░    ▸ src                     Bob Baker †",
        "",
      ]
    `);
  });

  it('takes a burst of keys (a paste, tmux send-keys) as if typed one by one', async () => {
    const app = await renderExplorer(await reports());
    await app.press('jjlx\tj ');
    // src opened, Alice marked, then in the detail pane Bob (2.) marked too: src 2 → 0.
    expect(app.frame()).toContain('›   2→0!   1→0!      9  ░░░░░    ▾ src');
    expect(app.frame().split('\n')[1]).toMatch(/^What-if: 2 leaving \(Alice Archer, Bob Baker\)/);
  });

  it('never lets escape sequences from the repository reach the terminal', async () => {
    const app = await renderExplorer(await reports(), { columns: 120, rows: 30 });
    await app.press('p', 'G');
    const frame = app.frame();
    expect(frame).toContain('Mallory \\x1b[31mRED\\x1b[0m');
    expect(frame).not.toMatch(/\u001b/);
  });
});
