import { describe, expect, it } from 'vitest';
import { MONOREPO, WORKSPACE_TOOLS } from '../../fixtures/module-histories.js';
import { ALICE } from '../../fixtures/people.js';
import { analyze } from '../../src/analyze.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();
const workspaces = (report: Awaited<ReturnType<typeof analyze>>) => report.modules.filter((module) => module.kind === 'workspace');

describe('workspace modules: one per package a workspace tool declares, named by the package', () => {
  it('npm workspaces (array form): ids, names, paths, files, bus factors', async () => {
    const report = await analyze({ path: fixture(MONOREPO).dir, moduleKinds: ['workspaces'] });
    // module-histories.ts: @acme/api 4 files → 2; @acme/billing 3 files, Alice alone → 1.
    expect(workspaces(report).map((m) => [m.id, m.name, m.path, m.files, m.busFactor])).toEqual([
      ['workspace:packages/api', '@acme/api', 'packages/api', 4, 2],
      ['workspace:packages/billing', '@acme/billing', 'packages/billing', 3, 1],
    ]);
    expect(report.modules.every((m) => m.kind === 'workspace')).toBe(true);
    expect(report.files.find((f) => f.path === 'packages/billing/src/tax.js')?.modules).toEqual(['workspace:packages/billing']);
    expect(report.files.find((f) => f.path === 'tools/build.js')?.modules).toBeUndefined();
  });

  for (const [tool, { steps, names }] of Object.entries(WORKSPACE_TOOLS)) {
    it(`${tool}`, async () => {
      const report = await analyze({ path: fixture(steps).dir, moduleKinds: ['workspaces'] });
      // One file per package, Alice's: every package has bus factor 1.
      expect(workspaces(report).map((m) => [m.path, m.name])).toEqual(names);
      expect(workspaces(report).map((m) => [m.files, m.busFactor])).toEqual(names.map(() => [1, 1]));
    });
  }

  it('auto: workspaces when the repository declares them, directories always, in that order', async () => {
    const report = await analyze({ path: fixture(MONOREPO).dir });
    expect([...new Set(report.modules.map((m) => m.kind))]).toEqual(['workspace', 'directory']);
    expect(report.settings.moduleKinds).toEqual(['auto']);
  });

  it('a package.json that is not JSON, a glob that matches nothing: warnings, the rest applies', async () => {
    const report = await analyze({
      path: fixture([
        {
          commit: {
            author: ALICE,
            at: '2022-01-01T00:00:00Z',
            write: {
              'package.json': JSON.stringify({ workspaces: ['packages/*', 'nowhere/*'] }),
              'packages/good/package.json': '{"name": "good"}',
              'packages/good/index.js': 'x\n',
              'packages/bad/package.json': '{ not json',
              'packages/bad/index.js': 'y\n',
            },
          },
        },
      ]).dir,
      moduleKinds: ['workspaces'],
    });
    // The broken manifest's package keeps its folder for a name.
    expect(workspaces(report).map((m) => [m.path, m.name])).toEqual([['packages/bad', 'packages/bad'], ['packages/good', 'good']]);
    const messages = report.warnings.filter((w) => w.code === 'workspace-unreadable').map((w) => w.message);
    expect(messages).toEqual([
      'package.json: the workspace glob "nowhere/*" matches no package folder',
      expect.stringMatching(/^packages\/bad\/package\.json cannot be parsed \(.*\): its workspaces are ignored$/),
    ]);
  });
});
