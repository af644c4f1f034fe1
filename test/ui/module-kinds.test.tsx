import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import { MONOREPO } from '../../fixtures/module-histories.js';
import { analyze } from '../../src/analyze.js';
import { EXPLORER_DEFAULTS } from '../../src/ui/explorer-defaults.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { renderExplorer } from './explorer-fixture.js';

const fixture = useFixtureRepos();
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The monorepo as a bare `mono.git` (a fixed name in the header), analysed as the explorer does. */
async function monorepoReport(moduleKinds: string[]) {
  const parent = mkdtempSync(path.join(tmpdir(), 'busfactor-ui-kinds-'));
  temps.push(parent);
  const bare = path.join(parent, 'mono.git');
  execFileSync('git', ['clone', '-q', '--bare', fixture(MONOREPO).dir, bare], { env: isolatedGitEnv() });
  return analyze({ path: bare, defaults: EXPLORER_DEFAULTS, moduleKinds: moduleKinds as never, aliases: { 'carol@example.com': ['@carol'] } });
}

const rows = (frame: string) => frame.split('\n').slice(3, 9).map((line) => line.replace(/\s+$/, ''));

describe('the explorer shows whatever modules the report has', () => {
  it('workspaces as a tree; what-if on a workspace module', async () => {
    const app = await renderExplorer(await monorepoReport(['workspaces', 'codeowners']));
    // Two kinds: the tab names the one shown.
    expect(app.frame().split('\n')[0]).toMatch(/ \[Workspaces\] People$/);
    // fixtures/module-histories.ts: billing 1 (Alice), api 2 (Alice, Bob); repository 2. Every
    // commit is of January 2022: nobody has departed, so each active bus factor is the bus factor.
    expect(rows(app.frame()).slice(0, 3)).toEqual([
      expect.stringMatching(/^›\s+2\s+2\s+10 .* ▾ mono\s+Alice Archer$/),
      expect.stringMatching(/^\s+1!\s+1!\s+3 .* @acme\/billing\s+Alice Archer$/),
      expect.stringMatching(/^\s+2\s+2\s+4 .* @acme\/api\s+Alice Archer$/),
    ]);
    await app.press('j', 'j', 'x'); // @acme/api's top key person, Alice, leaves
    // api without Alice: Bob's 2 of 4 = 0.5 → keeps going → 0: 2→1. billing: nobody: 1→0.
    // The repository: Bob 3 + Carol 2 of 10 = 0.5 → −Bob 2/10: 2→1.
    expect(app.frame()).toContain('What-if: 1 leaving (Alice Archer) · bus factor 2→1!');
    expect(rows(app.frame()).slice(1, 3)).toEqual([
      expect.stringMatching(/^\s+1→0!\s+1→0!\s+3 .* @acme\/billing\s+—$/),
      expect.stringMatching(/^›\s+2→1!\s+2→1!\s+4 .* @acme\/api\s+Bob Baker$/),
    ]);
    app.unmount();
  });

  it('m: CODEOWNERS rules as a flat list, owners and drift in the detail pane, what-if on a rule', async () => {
    const app = await renderExplorer(await monorepoReport(['workspaces', 'codeowners']), { columns: 120, rows: 24 });
    await app.press('m');
    expect(app.frame().split('\n')[0]).toMatch(/ \[CODEOWNERS\] People$/);
    // Riskiest first: bus factor 1 rules by size (billing 3, infra 2, tools 1), then api (2).
    const cells = (row: string) => row.replace(/^›/, '').trim().split(/\s+/);
    // Cells: BF, active, files, bar, rule.
    expect(rows(app.frame()).slice(1, 5).map((row) => [cells(row)[0], cells(row)[2], cells(row)[4]].join(' '))).toEqual(['1! 3 /packages/billing/', '1! 2 infra/*', '1! 1 /tools/', '2 4 /packages/api/']);
    await app.press('G'); // /packages/api/, the last row
    const detail = app.frame().split('\n').at(-2);
    expect(detail).toBe('owners: @bob-gh = Bob Baker @carol = Carol Chen · drift: @carol authors none · Alice Archer key, not owner');
    await app.press('x');
    expect(app.frame()).toContain('What-if: 1 leaving (Alice Archer)');
    expect(rows(app.frame()).find((row) => row.includes('/packages/api/'))).toMatch(/^›\s+2→1!\s+2→1!\s+4 /);
    await app.press('m'); // back to the workspaces: the marks hold
    expect(app.frame()).toContain('What-if: 1 leaving (Alice Archer)');
    app.unmount();
  });
});
