import { describe, expect, it } from 'vitest';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { analyze } from '../../src/analyze.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();

// TEAM_HISTORY (fixtures/histories.ts): every file has one line at HEAD. Alice wrote core.js and
// util.js, Carol the last io.js and core.test.js, Bob the three api files (router.js only moved).
describe('analyze with line ownership', () => {
  it('reports surviving lines per file, module and repository, with knowledge islands', async () => {
    const report = await analyze({ path: fixture(TEAM_HISTORY).dir, lines: true });
    expect(report.settings.lines).toBe(true);
    expect(report.files.find((f) => f.path === 'api/router.js')).toMatchObject({
      lines: 1,
      owners: [{ id: 'bob@example.com', name: 'Bob Baker', email: 'bob@example.com', lines: 1 }],
    });
    expect(report.files.find((f) => f.path === 'lib/io.js')?.owners?.map((o) => o.name)).toEqual(['Carol Chen']);
    expect(report.lineOwnership?.lines).toBe(7);
    expect(report.lineOwnership?.owners.map((o) => [o.name, o.lines])).toEqual([
      ['Bob Baker', 3],
      ['Carol Chen', 2],
      ['Alice Archer', 2],
    ]);
    const lib = report.modules.find((m) => m.path === 'lib');
    expect(lib?.lines).toBe(3);
    expect(lib?.lineOwners?.map((o) => [o.name, o.lines])).toEqual([
      ['Alice Archer', 2],
      ['Carol Chen', 1],
    ]);
    // api/ is all Bob's: a module island; files under 20 lines are never called islands.
    expect(report.lineOwnership?.islands).toEqual([{ kind: 'module', path: 'api', module: 'directory:api', owner: 'bob@example.com', lines: 3, share: 1 }]);
  });

  it('leaves line ownership out unless asked', async () => {
    const report = await analyze({ path: fixture(TEAM_HISTORY).dir });
    expect(report.lineOwnership).toBeUndefined();
    expect(report.files.every((f) => f.lines === undefined && f.owners === undefined)).toBe(true);
  });
});
