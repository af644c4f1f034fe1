import { describe, expect, it } from 'vitest';
import { RENAME_CHAIN_HISTORY, TEAM_HISTORY } from '../../fixtures/histories.js';
import { openRepository } from '../../src/engine/open-repository.js';
import type { CommitRecord } from '../../src/history/commit-record.js';
import { HistoryPass } from '../../src/history/history-pass.js';
import { LineageCollector } from '../../src/history/lineage-collector.js';
import { scanHistory } from '../../src/history/scan-history.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();

async function scan(dir: string, renames: 'similarity' | 'exact' = 'similarity'): Promise<CommitRecord[]> {
  const repo = await openRepository(dir);
  const commits: CommitRecord[] = [];
  await scanHistory(repo, { commit: 'HEAD', renames, consume: (c) => commits.push(c) });
  return commits;
}

describe('scanHistory', () => {
  it('streams every commit, newest first, merges without file changes', async () => {
    const repo = fixture(TEAM_HISTORY);
    const commits = await scan(repo.dir);
    expect(commits).toHaveLength(17);
    expect(commits[0]?.oid).toBe(repo.rev('HEAD'));
    expect(repo.git(['rev-list', '--parents', '-n', '1', 'HEAD']).trim().split(' ')).toHaveLength(3); // HEAD is a merge
    expect(commits[0]?.changes).toEqual([]);
    const rename = commits.flatMap((c) => c.changes).find((change) => change.status === 'R');
    expect(rename).toEqual({ status: 'R', path: 'api/router.js', oldPath: 'api/routes.js' });
    expect(commits.flatMap((c) => c.changes).filter((change) => change.status === 'D')).toEqual([{ status: 'D', path: 'lib/old.js' }]);
  });

  it('folds changes per path: adds, deliveries and rename sources', async () => {
    const repo = fixture(RENAME_CHAIN_HISTORY);
    const collector = new LineageCollector();
    const pass = new HistoryPass([collector], { coAuthors: 'ignore' });
    await scanHistory(await openRepository(repo.dir), { commit: 'HEAD', renames: 'similarity', consume: pass.consume });
    expect(pass.commits).toBe(4);
    expect([...collector.paths.keys()].sort()).toEqual(['src/x.js', 'tmp/x.js']);
    const src = collector.paths.get('src/x.js');
    expect(src?.renamedFrom).toEqual(['tmp/x.js']);
    // One R by Bob: deliveries 1, not an add → packed 2.
    expect([...(src?.byIdentity.values() ?? [])]).toEqual([2]);
    // Two adds (Dave, then Alice) on the old path.
    expect([...(collector.paths.get('tmp/x.js')?.byIdentity.values() ?? [])].sort()).toEqual([1, 1]);
    expect(pass.identities.identities.map((i) => i.name).sort()).toEqual(['Alice Archer', 'Bob Baker', 'Dave Dunn']);
  });

  it('finds only exact renames with -M100%', async () => {
    const repo = fixture([
      { commit: { author: { name: 'A', email: 'a@x' }, at: '2020-01-01T00:00:00Z', write: { 'a.js': 'one\ntwo\nthree\nfour\n', 'b.js': 'same\n' } } },
      { commit: { author: { name: 'A', email: 'a@x' }, at: '2020-01-02T00:00:00Z', rename: { 'a.js': 'a2.js', 'b.js': 'b2.js' }, write: { 'a2.js': 'one\ntwo\nthree\nfour!\n' } } },
    ]);
    const similar = (await scan(repo.dir))[0]?.changes.map((c) => c.status).sort();
    const exact = (await scan(repo.dir, 'exact'))[0]?.changes.map((c) => c.status).sort();
    expect(similar).toEqual(['R', 'R']);
    expect(exact).toEqual(['A', 'D', 'R']);
  });
});
