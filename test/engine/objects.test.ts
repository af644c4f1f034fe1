import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, isolatedGitEnv, type BuiltRepo } from '../../fixtures/build-repo.js';
import { ENGINE_HISTORY } from '../../fixtures/engine-histories.js';
import { MERGE_HEAVY } from '../../fixtures/ownership-random.js';
import { ObjectStore } from '../../src/engine/isomorphic/object-store.js';

/**
 * The engine's object reader against `git cat-file --batch-all-objects --batch`: every object of a
 * repository, loose and packed, packed with offset deltas and with reference deltas, deep chains,
 * byte for byte; a missing object is undefined.
 */
const built: BuiltRepo[] = [];
afterAll(() => built.forEach((repo) => repo.remove()));

/** Every object git has, with its type and content. */
function allObjects(repo: BuiltRepo): Map<string, { type: string; content: Buffer }> {
  const out = execFileSync('git', ['cat-file', '--batch-all-objects', '--batch'], { cwd: repo.dir, env: isolatedGitEnv(), maxBuffer: 1 << 30 });
  const objects = new Map<string, { type: string; content: Buffer }>();
  for (let at = 0; at < out.length; ) {
    const newline = out.indexOf(10, at);
    const [oid = '', type = '', size = '0'] = out.toString('latin1', at, newline).split(' ');
    const start = newline + 1;
    objects.set(oid, { type, content: out.subarray(start, start + Number(size)) });
    at = start + Number(size) + 1;
  }
  return objects;
}

async function expectSameObjects(repo: BuiltRepo): Promise<number> {
  const expected = allObjects(repo);
  const store = new ObjectStore(`${repo.dir}/.git`);
  for (const [oid, object] of expected) {
    const read = await store.read(oid);
    expect({ oid, type: read?.type, same: read?.content.equals(object.content) }).toEqual({ oid, type: object.type, same: true });
  }
  expect(await store.read('0123456789abcdef0123456789abcdef01234567')).toBeUndefined();
  return expected.size;
}

describe('objects without git', () => {
  it('loose objects', async () => {
    const repo = buildRepo(ENGINE_HISTORY);
    built.push(repo);
    expect(await expectSameObjects(repo)).toBeGreaterThan(50);
  });

  it('packed with offset deltas, deep chains, and some still loose', async () => {
    const repo = buildRepo(MERGE_HEAVY);
    built.push(repo);
    repo.git(['repack', '-adfq', '--depth=100', '--window=250']);
    // A delta-heavy pack: the test reads chains, not only whole objects.
    const verify = execFileSync('sh', ['-c', 'git verify-pack -v .git/objects/pack/*.idx'], { cwd: repo.dir, env: isolatedGitEnv(), encoding: 'utf8' });
    expect(verify).toMatch(/chain length = [5-9]/);
    repo.git(['commit', '-q', '--allow-empty', '-m', 'loose'], { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x' });
    await expectSameObjects(repo);
  });

  it('packed with reference deltas', async () => {
    const repo = buildRepo(MERGE_HEAVY);
    built.push(repo);
    repo.git(['-c', 'repack.useDeltaBaseOffset=false', 'repack', '-adfq', '--depth=50']);
    await expectSameObjects(repo);
  });
});
