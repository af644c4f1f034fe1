import { describe, expect, it } from 'vitest';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { analyze } from '../../src/analyze.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();

// Expected values are worked out by hand above TEAM_HISTORY in fixtures/histories.ts.
describe('analyze: a small team', () => {
  it('computes the repository bus factor and key people in removal order', async () => {
    const repo = fixture(TEAM_HISTORY);
    const report = await analyze({ path: repo.dir, minFiles: 1 });
    expect(report.head).toBe(repo.rev('HEAD'));
    expect(report.totals).toEqual({ files: 7, authoredFiles: 7, commits: 17, people: 3, authors: 3 });
    expect(report.busFactor).toBe(2);
    expect(report.keyPeople.map((p) => [p.name, p.files])).toEqual([
      ['Bob Baker', 3],
      ['Carol Chen', 2],
    ]);
    expect(report.coverage).toBeCloseTo(2 / 7, 6);
  });

  it('finds who authors each file, following renames and ignoring merges', async () => {
    const repo = fixture(TEAM_HISTORY);
    const report = await analyze({ path: repo.dir });
    const authors = Object.fromEntries(report.files.map((f) => [f.path, f.authors]));
    expect(authors).toEqual({
      'api/auth.js': ['bob@example.com'],
      'api/router.js': ['bob@example.com'],
      'api/server.js': ['bob@example.com'],
      'lib/core.js': ['alice@example.com'],
      'lib/io.js': ['carol@example.com'],
      'lib/util.js': ['alice@example.com'],
      'test/core.test.js': ['carol@example.com'],
    });
    // The merge commit by Alice counts as her commit but changes nothing.
    expect(report.people.map((p) => [p.id, p.commits, p.filesAuthored])).toEqual([
      ['carol@example.com', 11, 2],
      ['alice@example.com', 4, 2],
      ['bob@example.com', 2, 3],
    ]);
  });

  it('computes every directory module from the one authorship', async () => {
    const repo = fixture(TEAM_HISTORY);
    const report = await analyze({ path: repo.dir, minFiles: 1 });
    expect(report.modules.map((m) => [m.path, m.files, m.busFactor, m.keyPeople.map((p) => p.name)])).toEqual([
      ['api', 3, 1, ['Bob Baker']],
      ['lib', 3, 1, ['Alice Archer']],
      ['test', 1, 1, ['Carol Chen']],
    ]);
    // Default minimum module size is 3 files: test/ (1 file) is not listed.
    const defaults = await analyze({ path: repo.dir });
    expect(defaults.modules.map((m) => m.path)).toEqual(['api', 'lib']);
  });

  it('reports what it left out, by reason', async () => {
    const repo = fixture(TEAM_HISTORY);
    const report = await analyze({ path: repo.dir });
    expect(report.excluded).toEqual({ documentation: 2, 'not-code': 1 });
  });

  it('analyses an older revision with its own tree', async () => {
    const repo = fixture(TEAM_HISTORY);
    // HEAD~1 is Carol's test commit on main, before the api branch is merged: 4 files.
    const report = await analyze({ path: repo.dir, rev: 'HEAD~1' });
    expect(report.head).toBe(repo.rev('HEAD~1'));
    expect(report.revision).toBe('HEAD~1');
    expect(report.totals.files).toBe(4);
    expect(report.totals.commits).toBe(14);
    // Authors: core, util → Alice; io, test → Carol. Tie 2–2: Carol has 11 changes, Alice 3.
    // 4/4 → −Carol 2/4 = 0.5 (keeps going) → −Alice 0: bus factor 2.
    expect(report.busFactor).toBe(2);
    expect(report.keyPeople.map((p) => p.name)).toEqual(['Carol Chen', 'Alice Archer']);
  });

  it('limits the analysis to a folder inside the repository', async () => {
    const repo = fixture(TEAM_HISTORY);
    const report = await analyze({ path: `${repo.dir}/lib` });
    expect(report.repository.scope).toBe('lib/');
    expect(report.files.map((f) => f.path)).toEqual(['lib/core.js', 'lib/io.js', 'lib/util.js']);
    expect(report.busFactor).toBe(1);
    expect(report.excluded['outside-scope']).toBe(7);
  });
});
