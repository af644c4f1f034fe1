import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, type BuiltRepo, type Step } from '../../fixtures/build-repo.js';
import { ENGINE_HISTORY } from '../../fixtures/engine-histories.js';
import { ALICE, BOB, CAROL } from '../../fixtures/people.js';
import { MERGE_HEAVY } from '../../fixtures/ownership-random.js';
import { openRepository } from '../../src/engine/open-repository.js';
import type { CommitRecord } from '../../src/history/commit-record.js';
import type { HistoryPass } from '../../src/history/history-pass.js';
import { scanHistory } from '../../src/history/scan-history.js';

/**
 * The isomorphic-git engine's history pass is `git log -M100%`'s, record for record: the same
 * commits in the same order (newest committer date first, ties in the order git queues them, clock
 * skew included), the same names after `.mailmap`, dates, parents, trailers and changes.
 */
const built: BuiltRepo[] = [];
afterAll(() => built.forEach((repo) => repo.remove()));

/** Commits dated out of order and on the same second, on branches merged late. */
const SKEWED: readonly Step[] = [
  { commit: { author: ALICE, at: '2020-01-05T00:00:00Z', write: { 'a.js': 'a\n' } } },
  { branch: 'one' },
  { commit: { author: BOB, at: '2020-01-01T00:00:00Z', committedAt: '2020-01-03T00:00:00Z', write: { 'b.js': 'b\n' } } },
  { commit: { author: BOB, at: '2020-01-02T00:00:00Z', committedAt: '2020-01-03T00:00:00Z', write: { 'b.js': 'b2\n', 'm.js': 'moved\n' } } },
  { checkout: 'main' },
  { branch: 'two' },
  { commit: { author: CAROL, at: '2020-01-03T00:00:00Z', write: { 'c.js': 'c\n' } } },
  { commit: { author: CAROL, at: '2019-12-01T00:00:00Z', write: { 'c.js': 'c2\n' } } },
  { checkout: 'main' },
  { commit: { author: ALICE, at: '2020-01-03T00:00:00Z', rename: { 'a.js': 'lib/a.js' } } },
  { merge: 'one', author: ALICE, at: '2020-01-03T00:00:00Z' },
  { merge: 'two', author: ALICE, at: '2020-01-02T00:00:00Z' },
  { commit: { author: ALICE, at: '2020-01-09T00:00:00Z', write: { 'lib/a.js': { symlink: 'target' }, 'c.js': 'c3\n' }, remove: ['b.js'] } },
];

async function streams(dir: string, since?: string): Promise<{ git: CommitRecord[]; isomorphic: CommitRecord[] }> {
  const withGit = await openRepository(dir, { engine: 'git' });
  const withoutGit = await openRepository(dir, { engine: 'isomorphic-git' });
  const head = await withGit.reader.resolveCommit('HEAD');
  const git: CommitRecord[] = [];
  await scanHistory(withGit, { commit: head, renames: 'exact', consume: (commit) => git.push(commit), ...(since ? { since } : {}) });
  const isomorphic: CommitRecord[] = [];
  const pass = { consume: (commit: CommitRecord) => isomorphic.push(commit), get commits() { return isomorphic.length; } } as unknown as HistoryPass;
  await withoutGit.reader.scanHistory({ head, pass, signal: undefined, onCommits: () => {}, ...(since ? { since } : {}) });
  return { git, isomorphic };
}

describe('the history pass without git', () => {
  for (const [name, steps] of Object.entries({ SKEWED, ENGINE_HISTORY, MERGE_HEAVY })) {
    it(`gives git log's records on ${name}`, async () => {
      const repo = buildRepo(steps);
      built.push(repo);
      const { git, isomorphic } = await streams(repo.dir);
      expect(git.length).toBeGreaterThan(5);
      expect(isomorphic).toEqual(git);
      // and since an older commit (the cache's extension): `git log HEAD ^since`
      const since = git[Math.floor(git.length / 2)]?.oid as string;
      const partial = await streams(repo.dir, since);
      expect(partial.isomorphic).toEqual(partial.git);
      expect(partial.git.length).toBeLessThan(git.length);
    });
  }

  it('resolves revisions as git rev-parse does', async () => {
    const repo = buildRepo([...ENGINE_HISTORY, { tag: 'tree-tag', target: 'HEAD^{tree}' }]);
    built.push(repo);
    const withGit = await openRepository(repo.dir, { engine: 'git' });
    const withoutGit = await openRepository(repo.dir, { engine: 'isomorphic-git' });
    const short = repo.rev('HEAD~3').slice(0, 7);
    for (const revision of ['HEAD', '@', 'main', 'topic', 'refs/heads/topic', 'v1.0.0', 'v1.1.0', 'v1.0.0^{commit}', 'v1.0.0^{}', 'HEAD~', 'HEAD~3', 'HEAD^', 'HEAD^^', 'HEAD~1^2', 'HEAD~1^2~1', short, repo.rev('HEAD~2')]) {
      expect({ revision, commit: await withoutGit.reader.resolveCommit(revision) }).toEqual({ revision, commit: await withGit.reader.resolveCommit(revision) });
    }
    for (const revision of ['tree-tag', 'HEAD^3', 'HEAD~99', 'nope']) {
      const expected = await withGit.reader.resolveCommit(revision).then(() => 'resolved', (error: Error) => error.message);
      expect({ revision, error: await withoutGit.reader.resolveCommit(revision).then(() => 'resolved', (error: Error) => error.message) }).toEqual({ revision, error: expected });
    }
  });
});
