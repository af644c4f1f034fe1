import { describe, expect, it } from 'vitest';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { analyze } from '../../src/analyze.js';
import type { Report } from '../../src/report/report.js';
import { indexAuthorship, moduleMembers, scoreFiles } from '../../src/report/what-if.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { EXPLORER_HISTORY } from '../ui/explorer-history.js';

const fixture = useFixtureRepos();

/** Every bus factor of the report, rescored from the report alone without the people `leaving` (ids). */
function recomputeWithout(report: Report, leaving: readonly string[]) {
  const index = indexAuthorship(report);
  const gone = new Set(leaving.flatMap((id) => index.indexOf.get(id) ?? []));
  const members = moduleMembers(report);
  const all = scoreFiles(index, report.files.map((_, i) => i), gone);
  return {
    before: report.busFactor,
    after: all.busFactor,
    keyPeople: all.keyPeople,
    modules: report.modules.map((module) => {
      const scope = scoreFiles(index, members.get(module.id) ?? [], gone);
      return { path: module.path, before: module.busFactor, after: scope.busFactor, keyPeople: scope.keyPeople, orphanFiles: scope.files - scope.authoredFiles };
    }),
  };
}

describe('scoreFiles: what-if from the report alone', () => {
  it('with nobody leaving, reproduces every bus factor and key person of the report', async () => {
    for (const history of [TEAM_HISTORY, EXPLORER_HISTORY]) {
      const report = await analyze({ path: fixture(history).dir, minFiles: 1, depth: 5 });
      const same = recomputeWithout(report, []);
      expect(same.after).toBe(report.busFactor);
      expect(same.keyPeople).toEqual(report.keyPeople);
      expect(same.modules.map((m) => [m.path, m.after, m.keyPeople, m.orphanFiles])).toEqual(
        report.modules.map((m) => [m.path, m.busFactor, m.keyPeople, m.orphanFiles]),
      );
    }
  });

  it('drops the authorship of the people leaving and reruns the greedy loop (TEAM_HISTORY)', async () => {
    const report = await analyze({ path: fixture(TEAM_HISTORY).dir, minFiles: 1 });
    // fixtures/histories.ts: Bob authors api/* (3), Alice lib/core, lib/util, Carol lib/io and
    // test/core.test. Without Bob: 4/7 covered → Alice and Carol tie at 2, Carol has more changes
    // (11 vs 3) → −Carol 2/7 < 0.5: 2 → 1. api: nobody left, 0/3: 1 → 0. lib, test unchanged.
    const withoutBob = recomputeWithout(report, ['bob@example.com']);
    expect([withoutBob.before, withoutBob.after]).toEqual([2, 1]);
    expect(withoutBob.keyPeople.map((p) => [p.name, p.files])).toEqual([['Carol Chen', 2]]);
    expect(withoutBob.modules.map((m) => [m.path, m.before, m.after, m.orphanFiles])).toEqual([
      ['api', 1, 0, 3],
      ['lib', 1, 1, 0],
      ['test', 1, 1, 0],
    ]);
    // Without Alice: lib keeps only Carol's io.js, 1/3 < 0.5 → 0; the repository: Bob 3, Carol 2:
    // 5/7 → −Bob 2/7: 2 → 1.
    const withoutAlice = recomputeWithout(report, ['alice@example.com']);
    expect(withoutAlice.after).toBe(1);
    expect(withoutAlice.modules.find((m) => m.path === 'lib')?.after).toBe(0);
  });

  it('scores any module with the report tie-break (changes, then id)', async () => {
    const report = await analyze({ path: fixture(EXPLORER_HISTORY).dir, minFiles: 1 });
    const index = indexAuthorship(report);
    // explorer-history.ts: src/ui has Carol (2 files) and Alice (view.js): 2/2 → −Carol 1/2 →
    // −Alice 0: bus factor 2. Without Alice (index of alice@): Carol 2/2 → 0: 1.
    const ui = moduleMembers(report).get('directory:src/ui') ?? [];
    expect(ui.map((i) => report.files[i]?.path)).toEqual(['src/ui/theme.js', 'src/ui/view.js']);
    expect(scoreFiles(index, ui).keyPeople.map((p) => p.id)).toEqual(['carol@example.com', 'alice@example.com']);
    const alice = index.indexOf.get('alice@example.com') as number;
    expect(scoreFiles(index, ui, new Set([alice])).busFactor).toBe(1);
    // The repository: Bob, Carol and Dave tie at 3 files with 3 creations each → by id.
    expect(scoreFiles(index, report.files.map((_, i) => i)).keyPeople.map((p) => p.id)).toEqual(['alice@example.com', 'bob@example.com', 'carol@example.com']);
  });
});
