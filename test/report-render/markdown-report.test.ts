import { describe, expect, it } from 'vitest';
import type { Step } from '../../fixtures/build-repo.js';
import { GATE_HISTORY } from '../../fixtures/check-histories.js';
import { STEWARDSHIP_HISTORY } from '../../fixtures/stewardship-histories.js';
import { ALICE } from '../../fixtures/people.js';
import { analyze } from '../../src/analyze.js';
import type { ModuleReport, Report, ReportPerson } from '../../src/report/report.js';
import { MAX_LENGTH, renderReportMarkdown } from '../../src/render/report/render-report-markdown.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { cells } from '../helpers/markdown-cells.js';

const fixture = useFixtureRepos();


/** The lines of a section, from its heading to the next one. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end === -1 ? undefined : end).filter((line) => line !== '');
}

/** The rows of the table in a section (header and delimiter included). */
const tableRows = (markdown: string, heading: string): string[] => section(markdown, heading).filter((line) => line.startsWith('|'));

async function gateReport(without: readonly string[] = []): Promise<Report> {
  const repo = fixture(GATE_HISTORY);
  const report = await analyze({ path: repo.dir, without: [...without] });
  // The fixture folder's name is random: give it a fixed one.
  return { ...report, repository: { ...report.repository, name: 'shop' } };
}

describe('renderReportMarkdown', () => {
  it('writes the title, the header line and the summary of GATE_HISTORY', async () => {
    const report = await gateReport();
    const markdown = renderReportMarkdown(report, { title: 'Bus factor of shop' });
    const lines = markdown.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '# Bus factor of shop',
      '',
      `Repository **shop** at commit \`${report.head.slice(0, 12)}\` of 2024-06-01, AVL model (Avelino et al., degree of authorship).`,
    ]);
    expect(section(markdown, '## Summary')).toEqual([
      '- **Bus factor 2**: Bob Baker (40%), Alice Archer (30%, departed); if these 2 people leave, 70% of the 10 files are left without an author.',
      '- **Active bus factor 1** (counting only people still here): Bob Baker (40%).',
      '- **100%** of the files (10 of 10) have a single author.',
      '- **Knowledge already lost**: 3 files (30%) whose every author has departed.',
      '- **Stewardship** bus factors (all history, and active: people still here within the last 1y): integration absent, releases absent, review absent, build absent.',
      '- **Riskiest modules**:',
      '  - **billing**: bus factor 1, active 0, 3 files, all lost; no successor: nobody still here has changed its files',
      '  - **api**: bus factor 1, active 1, 4 files; could take it over: Carol Chen',
      '  - **web**: bus factor 2, active 2, 3 files',
    ]);
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown).not.toMatch(/generated|\d{2}:\d{2}:\d{2}/i);
  });

  it('writes the modules by risk with a text bar, and the people by files authored', async () => {
    const markdown = renderReportMarkdown(await gateReport(), { title: 'Report' });
    expect(tableRows(markdown, '## Modules by risk')).toEqual([
      '| Module | Files | Bus factor | Active | Lost | Key people | Size |',
      '| --- | ---: | ---: | ---: | ---: | --- | --- |',
      `| billing | 3 | 1 | 0 | all | Alice Archer (100%, departed) | ${'█'.repeat(15)} |`,
      `| api | 4 | 1 | 1 | — | Bob Baker (75%) | ${'█'.repeat(20)} |`,
      `| web | 3 | 2 | 2 | — | Bob Baker (33%), Carol Chen (33%) | ${'█'.repeat(15)} |`,
    ]);
    expect(tableRows(markdown, '## People')).toEqual([
      '| Name | Commits | Files authored | Last active | Departed |',
      '| --- | ---: | ---: | --- | --- |',
      '| Bob Baker | 2 | 4 | 2024-03-01 | no |',
      '| Alice Archer | 1 | 3 | 2020-01-01 | yes |',
      '| Carol Chen | 1 | 2 | 2024-02-01 | no |',
      '| Dave Dunn | 1 | 1 | 2024-06-01 | no |',
    ]);
    expect(markdown).not.toContain('more modules, not shown');
    expect(markdown).not.toContain('## Line ownership');
    expect(markdown).not.toContain('## CODEOWNERS drift');
  });

  it('describes the method: settings, history, exclusions, tool', async () => {
    const report = await gateReport();
    const markdown = renderReportMarkdown(report, { title: 'Report' });
    expect(section(markdown, '## Method')).toEqual([
      '- Algorithm: AVL model (Avelino et al., degree of authorship); co-authors: ignored.',
      '- Departed: no commit, merge, release or review in the 1y before the analysed commit, or listed in the config. Stewardship window: the last 1y (2023-06-02 to 2024-06-01).',
      '- Modules: auto; folders to depth 2 with at least 3 files.',
      '- Include: none. Exclude: none.',
      `- History: 5 commits up to \`${report.head.slice(0, 12)}\` (2024-06-01); 10 files counted; 4 people, 4 of them authors of files.`,
      '- Excluded: nothing.',
      `- Tool: busfactor ${report.tool.version}.`,
    ]);
    const withMore: Report = {
      ...report,
      excluded: { vendored: 2, documentation: 5 },
      warnings: [{ code: 'shallow-clone', message: 'this is a *shallow* clone' }],
    };
    const method = section(renderReportMarkdown(withMore, { title: 'Report' }), '## Method');
    expect(method).toContain('- Excluded: documentation 5, vendored 2.');
    expect(method).toContain('- Warnings:');
    expect(method).toContain('  - this is a \\*shallow\\* clone');
  });

  it('shows line ownership and CODEOWNERS drift only when the report has them', async () => {
    const report = await gateReport();
    const withBoth: Report = {
      ...report,
      lineOwnership: { lines: 120, owners: [{ id: 'bob@example.com', name: 'Bob Baker', email: 'bob@example.com', lines: 90, share: 0.75 }], islands: [] },
      codeowners: {
        file: '.github/CODEOWNERS',
        rules: [],
        owners: [],
        drift: [
          { kind: 'key-person-not-owner', rule: '/api/', line: 3, person: 'bob@example.com', name: 'Bob Baker', files: 3, unverifiable: false },
          { kind: 'unowned', files: 2, paths: ['web/app.js', 'web/page.js'] },
        ],
      },
    };
    const markdown = renderReportMarkdown(withBoth, { title: 'Report' });
    expect(section(markdown, '## Line ownership')).toEqual(['120 surviving lines at the analysed commit.', '| Owner | Lines | Share |', '| --- | ---: | ---: |', '| Bob Baker | 90 | 75% |']);
    expect(section(markdown, '## CODEOWNERS drift (.github/CODEOWNERS)')).toEqual([
      '- owners who author none of their files: 0',
      '- key people who are not owners: 1',
      '- files no rule owns: 2',
      '- /api/ (line 3): Bob Baker authors 3 files but is not an owner',
      '- 2 counted files no rule owns (first: web/app.js, web/page.js)',
    ]);
  });

  it('stays under GitHub\'s comment limit with 5,000 modules and 20,000 people, and says what it cut', async () => {
    const report = await gateReport();
    const modules: ModuleReport[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `directory:pkg/${i}`,
      kind: 'directory',
      name: `packages/some-rather-long-folder-name-${String(i).padStart(4, '0')}/${'deep/'.repeat(30)}`,
      path: `pkg/${i}`,
      depth: 2,
      files: 1 + (i % 97),
      busFactor: 1 + (i % 3),
      activeBusFactor: i % 3,
      keyPeople: [0, 1, 2, 3].map((k) => ({ id: `p${k}`, name: `Person ${'@'.repeat(60)} ${k}`, email: `p${k}@example.com`, files: 1, share: 0.25 })),
      lostFiles: 0,
      authors: 4,
      orphanFiles: 0,
    }));
    const people: ReportPerson[] = Array.from({ length: 20000 }, (_, i) => ({
      id: `p${i}`,
      name: `${'<&>|'.repeat(50)} ${i}`,
      emails: [`p${i}@example.com`],
      names: [],
      commits: i,
      coAuthored: 0,
      firstCommitAt: null,
      lastCommitAt: null,
      lastActiveAt: '2024-01-01T00:00:00Z',
      bot: false,
      departed: i % 2 === 0,
      filesAuthored: i % 10,
      changes: 0,
    }));
    const markdown = renderReportMarkdown({ ...report, modules, people }, { title: 'Huge' });
    expect(markdown.length).toBeLessThan(MAX_LENGTH);
    expect(markdown.length).toBeLessThan(65_536);
    expect(markdown).toMatch(/^… and [\d,]+ more modules, not shown$/m);
    expect(markdown).toMatch(/^… and [\d,]+ more people, not shown$/m);
    // The 50-row caps alone do not fit these rows: more were dropped, and the document says so.
    expect(markdown).toContain('_Rows cut to stay under 65,000 characters: `--format json` has everything._');
    expect(markdown).not.toContain('_Cut to stay under');
    // The Method section is kept whole after the cut tables.
    expect(markdown).toContain('## Method');
    expect(markdown).toContain(`- Tool: busfactor ${report.tool.version}.`);
    // Every shown row is a whole row of the right width.
    const moduleRows = tableRows(markdown, '## Modules by risk');
    expect(moduleRows.length).toBeGreaterThan(2);
    for (const row of moduleRows) expect(cells(row)).toHaveLength(7);
    for (const row of tableRows(markdown, '## People')) expect(cells(row)).toHaveLength(5);
    // Riskiest first: the first row has active bus factor 0.
    expect(cells(moduleRows[2]!)[3]).toBe('0');
    // Cells are clipped.
    expect(cells(moduleRows[2]!)[0]).toMatch(/…$/);
  });

  it('cuts whole lines as a last resort, when even the fixed sections are over budget', async () => {
    const report = await gateReport();
    const globs = Array.from({ length: 100 }, (_, i) => `${'@'.repeat(200)}${i}`);
    const warnings = Array.from({ length: 100 }, () => ({ code: 'bad-dates' as const, message: '@'.repeat(1000) }));
    const markdown = renderReportMarkdown({ ...report, settings: { ...report.settings, include: globs, exclude: globs, moduleKinds: globs }, warnings }, { title: 'Report' });
    expect(markdown.length).toBeLessThan(MAX_LENGTH);
    expect(markdown).toContain('_Cut to stay under 65,000 characters: `--format json` has everything._');
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('caps the tables at 50 rows when the budget allows more', async () => {
    const report = await gateReport();
    const modules: ModuleReport[] = Array.from({ length: 60 }, (_, i) => ({
      id: `directory:m${i}`,
      kind: 'directory',
      name: `m${String(i).padStart(2, '0')}`,
      files: 3,
      busFactor: 1,
      activeBusFactor: 1,
      keyPeople: [],
      lostFiles: 0,
      authors: 1,
      orphanFiles: 0,
    }));
    const markdown = renderReportMarkdown({ ...report, modules }, { title: 'Report' });
    expect(tableRows(markdown, '## Modules by risk')).toHaveLength(52);
    expect(markdown.split('\n')).toContain('… and 10 more modules, not shown');
    expect(markdown).not.toContain('Rows cut to stay under');
  });

  it('escapes hostile names and paths: no raw HTML, pipes in cells escaped', async () => {
    const history: readonly Step[] = [
      {
        commit: {
          author: { name: '<script>alert(1)</script>', email: 'x@example.com' },
          at: '2024-01-01T10:00:00Z',
          write: {
            '<script>alert(1)</script>/one.js': 'one\n',
            '<script>alert(1)</script>/two.js': 'two\n',
            '<script>alert(1)</script>/three.js': 'three\n',
          },
        },
      },
      {
        commit: {
          author: { name: '"><img src=x onerror=alert(1)>', email: 'y@example.com' },
          at: '2024-01-02T10:00:00Z',
          write: {
            '<img src=x onerror=alert(1)>/one.js': 'one\n',
            '<img src=x onerror=alert(1)>/two.js': 'two\n',
            '<img src=x onerror=alert(1)>/three.js': 'three\n',
          },
        },
      },
      {
        commit: {
          author: ALICE,
          at: '2024-01-03T10:00:00Z',
          write: { '=HYPERLINK("x")|y/a.js': 'a\n', '=HYPERLINK("x")|y/b.js': 'b\n', '=HYPERLINK("x")|y/c.js': 'c\n' },
        },
      },
    ];
    const repo = fixture(history);
    const report = await analyze({ path: repo.dir });
    expect(report.modules.map((module) => module.name)).toContain('=HYPERLINK("x")|y');
    const markdown = renderReportMarkdown(report, { title: '<script>alert(1)</script> | report' });
    expect(markdown).not.toMatch(/<script/i);
    expect(markdown).not.toMatch(/<img/i);
    expect(markdown).not.toMatch(/<\/?[a-z]/i);
    expect(markdown.split('\n')[0]).toBe('# &lt;script&gt;alert\\(1\\)&lt;/script&gt; | report');
    const moduleRows = tableRows(markdown, '## Modules by risk');
    // Header, delimiter, and the folders `<script>alert(1)<`, `<script>alert(1)</script>`, `<img …>`, `=HYPERLINK("x")|y`.
    expect(moduleRows).toHaveLength(6);
    for (const row of moduleRows) expect(cells(row)).toHaveLength(7);
    expect(moduleRows.some((row) => row.startsWith('| \\=HYPERLINK\\("x"\\)\\|y |'))).toBe(true);
    for (const row of tableRows(markdown, '## People')) expect(cells(row)).toHaveLength(5);
  });
});

// GATE_HISTORY without Bob (fixtures/check-histories.ts), worked out by hand: Bob's 4 files
// (api/server, routes, auth, web/view) lose their author. Repository: 6/10 → −Alice 3/10: 2 → 1;
// active (Alice departed): Carol 2 + Dave 1 = 3/10, not over half from the start: 1 → 0. api: only
// Carol's users.js, 1/4: 1 → 0, active 1 → 0. web: Carol's app, Dave's page, 2/3 → −one 1/3: 2 → 1,
// active 2 → 1. billing (Alice's) does not change: left out of the table.
describe('renderReportMarkdown: what if (--without)', () => {
  it('writes the before → after section right after the summary, changed modules riskiest after first', async () => {
    const markdown = renderReportMarkdown(await gateReport(['bob@example.com']), { title: 'Report' });
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings.slice(0, 3)).toEqual(['## Summary', '## What if Bob Baker leaves', '## Modules by risk']);
    expect(section(markdown, '## What if Bob Baker leaves')).toEqual([
      '- **Bus factor**: 2 → 1.',
      '- **Active bus factor**: 1 → 0.',
      '| Module | Files | Bus factor | Active |',
      '| --- | ---: | ---: | ---: |',
      '| api | 4 | 1 → 0 | 1 → 0 |',
      '| web | 3 | 2 → 1 | 2 → 1 |',
      'The modules whose bus factor or active bus factor changes, riskiest after first.',
    ]);
  });

  it('has no what-if section without --without', async () => {
    expect(renderReportMarkdown(await gateReport(), { title: 'Report' })).not.toContain('## What if');
  });

  it('shows every stewardship activity present, and says when no module changes', async () => {
    // fixtures/stewardship-histories.ts without Maya: integration, Owen's 3 of 6 (window 2 of 4) are
    // not over half and nobody else is left: 2 → 0, active 2 → 0. Releases: Olaf 2 + Owen 1 of 5 still
    // over half: 2; in the window Owen's 1 of 3 is not: active 1 → 0. Review: Rae's, unchanged, 1 and
    // 1. Build: Dockerfile loses its author; Owen (ci.yml, Makefile) → Makefile still Alice's, 1/3:
    // 2 → 1, active 2 → 1. Maya authors none of src/*.js: src stays 2, active 2.
    const report = await analyze({ path: fixture(STEWARDSHIP_HISTORY).dir, without: ['Maya Lind'] });
    expect(section(renderReportMarkdown(report, { title: 'Report' }), '## What if Maya Lind leaves')).toEqual([
      '- **Bus factor**: 2 (unchanged).',
      '- **Active bus factor**: 2 (unchanged).',
      '- **Stewardship, integration**: bus factor 2 → 0, active 2 → 0.',
      '- **Stewardship, releases**: bus factor 2 (unchanged), active 1 → 0.',
      '- **Stewardship, review**: bus factor 1 (unchanged), active 1 (unchanged).',
      '- **Stewardship, build**: bus factor 2 → 1, active 2 → 1.',
      "No module's bus factor changes.",
    ]);
  });

  it('escapes the names of the people leaving and caps the module table', async () => {
    const report = await gateReport(['bob@example.com']);
    const modules: ModuleReport[] = Array.from({ length: 60 }, (_, i) => ({
      id: `directory:m${i}`,
      kind: 'directory',
      name: `m${String(i).padStart(2, '0')}|<b>`,
      files: 3,
      busFactor: 2,
      activeBusFactor: 2,
      keyPeople: [],
      lostFiles: 0,
      authors: 2,
      orphanFiles: 0,
    }));
    const whatIf = {
      ...report.whatIf!,
      without: [{ id: 'x@example.com', name: '<img src=x> @everyone' }, { id: 'y@example.com', name: 'Yan' }],
      // m00 drops to 0 (the riskiest after), the rest to 1.
      modules: modules.map((module, i) => ({ id: module.id, busFactor: { before: 2, after: i === 0 ? 0 : 1 }, activeBusFactor: { before: 2, after: i === 0 ? 0 : 1 } })),
    };
    const markdown = renderReportMarkdown({ ...report, modules, whatIf }, { title: 'Report' });
    const heading = markdown.split('\n').find((line) => line.startsWith('## What if'));
    expect(heading).toBe('## What if &lt;img src=x&gt; @&#8203;everyone and Yan leave');
    const rows = tableRows(markdown, heading!);
    expect(rows).toHaveLength(52);
    for (const row of rows) expect(cells(row)).toHaveLength(4);
    expect(rows[2]).toBe('| m00\\|&lt;b&gt; | 3 | 2 → 0 | 2 → 0 |');
    expect(section(markdown, heading!)).toContain('… and 10 more modules, not shown');
    expect(markdown).not.toMatch(/<\/?[a-z]/i);
  });
});
