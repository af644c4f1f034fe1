import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildOrgView } from '../../src/org/build-org-view.js';
import type { OrgView } from '../../src/org/org-view.js';
import { analysedRepository } from '../../src/org/repository-analysis.js';
import { OrgExplorer } from '../../src/ui/org/OrgExplorer.js';
import { ThemeContext } from '../../src/ui/theme.js';
import { KEY, settle } from '../ui/explorer-fixture.js';
import { buildOrgFolder, type OrgFolder } from './org-folder.js';

let folder: OrgFolder;
let view: OrgView;

beforeAll(async () => {
  folder = buildOrgFolder({ broken: false });
  const names = ['team', 'billing', 'tools'] as const;
  const reports = await Promise.all(names.map((name) => analyze({ path: folder[name] })));
  view = buildOrgView({
    analyses: reports.map((report, i) => analysedRepository(report, { stem: names[i] as string, source: names[i] as string })),
    failures: [{ repository: 'broken', source: '/srv/git/broken', error: 'the repository has no commits yet' }],
  });
});
afterAll(() => folder.remove());

async function open(size = { columns: 100, rows: 24 }) {
  let quits = 0;
  const app = render(
    <ThemeContext.Provider value={{ color: false }}>
      <OrgExplorer view={view} columns={size.columns} rows={size.rows} onQuit={() => (quits += 1)} />
    </ThemeContext.Provider>,
  );
  await settle(() => app.frames.length);
  return {
    frame: () => (app.lastFrame() ?? '').split('\n').map((line) => line.trimEnd()).join('\n'),
    press: async (...keys: string[]) => {
      for (const key of keys) {
        app.stdin.write(key);
        await settle(() => app.frames.length);
      }
    },
    quits: () => quits,
  };
}

// The figures: fixtures/org-histories.ts and TEAM_HISTORY (fixtures/histories.ts).
describe('the org explorer (docs/org.md, "Explorer")', () => {
  it('opens on the repositories riskiest first, the failed one last, the first one\'s key people below', async () => {
    const app = await open();
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor org · 3 repositories · 1 failed · 6 people · 3 key people · 1 departed still holding file…
      repositories, riskiest first · Enter opens one: its modules
         BF active  lost   files  repository / module                key people
      ›  1!     1!   20%       5  ▸ billing                          Bob Baker
         2      2      -       7  ▸ team                             Bob Baker, Carol Chen
         2      2      -       5  ▸ tools                            Alice Archer, Robert Baker
          ✗ failed                broken                             the repository has no commits yet







      billing · BF 1 · active 1 · lost 20% · 5 files · 5 commits · key people:
        1. Bob Baker · 3 files (60%) · key in 2 other repositories






      jk move · hl/Enter fold · Tab people · p people · d departed · ? · q"
    `);
  });

  it('opens a repository onto its modules, and Tab, Enter go to a key person across repositories', async () => {
    const app = await open();
    await app.press('j', 'l');
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor org · 3 repositories · 1 failed · 6 people · 3 key people · 1 departed still holding file…
      repositories, riskiest first · Enter opens one: its modules
         BF active  lost   files  repository / module                key people
         1!     1!   20%       5  ▸ billing                          Bob Baker
      ›  2      2      -       7  ▾ team                             Bob Baker, Carol Chen
         1!     1!     -       3      api                            Bob Baker
         1!     1!     -       3      lib                            Alice Archer
         2      2      -       5  ▸ tools                            Alice Archer, Robert Baker
          ✗ failed                broken                             the repository has no commits yet





      team · BF 2 · active 2 · lost - · 7 files · 17 commits · key people:
        1. Bob Baker · 3 files (43%) · key in 2 other repositories
        2. Carol Chen · 2 files (29%)





      jk move · hl/Enter fold · Tab people · p people · d departed · ? · q"
    `);
    await app.press(KEY.tab, 'j', KEY.enter);
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor org · 3 repositories · 1 failed · 6 people · 3 key people · 1 departed still holding file…
      people key in the most repositories first
       key in active   files  person                             repositories (files; † departed there)
            3      3       8  Bob Baker                          billing (3, key), team (3, key), tools (…
            1      1       2  Alice Archer                       tools (2, key)
      ›     1      1       2  Carol Chen                         team (2, key)








      Carol Chen · carol@example.com · key in 1 repository:
        team · key, active key · 2 files (29%) · 11 commits






      jk move · Tab repositories · p back · d departed · ? · q"
    `);
  });

  it('the people view: a person\'s repositories, Enter goes to one; the departed view; the failure\'s error', async () => {
    const app = await open();
    await app.press('p', KEY.tab, 'j', 'j', KEY.enter);
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor org · 3 repositories · 1 failed · 6 people · 3 key people · 1 departed still holding file…
      repositories, riskiest first · Enter opens one: its modules
         BF active  lost   files  repository / module                key people
         1!     1!   20%       5  ▸ billing                          Bob Baker
         2      2      -       7  ▸ team                             Bob Baker, Carol Chen
      ›  2      2      -       5  ▸ tools                            Alice Archer, Robert Baker
          ✗ failed                broken                             the repository has no commits yet







      tools · BF 2 · active 2 · lost - · 5 files · 5 commits · key people:
        1. Alice Archer · 2 files (40%)
        2. Robert Baker · 2 files (40%) · key in 2 other repositories





      jk move · hl/Enter fold · Tab people · p people · d departed · ? · q"
    `);
    await app.press('d');
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor org · 3 repositories · 1 failed · 6 people · 3 key people · 1 departed still holding file…
      departed people who still author files
         files key in       departed person                    departed from (files)
      ›      1      0       Dave Dunn †                        billing (1)










      Dave Dunn · departed, still authoring 1 file:
        billing · 1 file (20%)
        still here in: tools





      jk move · Tab repositories · d back · p people · ? · q"
    `);
    await app.press('d', 'G');
    expect(app.frame()).toMatchInlineSnapshot(`
      "busfactor org · 3 repositories · 1 failed · 6 people · 3 key people · 1 departed still holding file…
      repositories, riskiest first · Enter opens one: its modules
         BF active  lost   files  repository / module                key people
         1!     1!   20%       5  ▸ billing                          Bob Baker
         2      2      -       7  ▸ team                             Bob Baker, Carol Chen
         2      2      -       5  ▸ tools                            Alice Archer, Robert Baker
      ›   ✗ failed                broken                             the repository has no commits yet







      broken failed
        the repository has no commits yet
        /srv/git/broken





      jk move · hl/Enter fold · Tab people · p people · d departed · ? · q"
    `);
    await app.press('?');
    expect(app.frame()).toContain('people    matched across repositories by email (case-insensitive); names never merge two');
    await app.press('x', 'q');
    expect(app.quits()).toBe(1);
  });

  it('says the terminal is too small instead of drawing a garbled screen', async () => {
    const app = await open({ columns: 50, rows: 10 });
    expect(app.frame()).toBe('Terminal too small: 50×10\nbusfactor needs 60×15.\nEnlarge it, or q quits.');
  });
});
