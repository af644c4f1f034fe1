import { describe, expect, it } from 'vitest';
import { CatFileBatch } from '../../src/git/cat-file-batch.js';
import { ALICE } from '../../fixtures/people.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();

describe('CatFileBatch', () => {
  it('reads small and large blobs in request order, and answers missing objects without content', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 'x');
    big.write('\nend\n', big.length - 5);
    const repo = fixture([{ commit: { author: ALICE, at: '2020-01-01T00:00:00Z', write: { 'small.txt': 'hello\n', 'big.txt': big, 'empty.txt': '' } } }]);
    const batch = new CatFileBatch(repo.dir);
    const [small, large, missing, empty, again] = await Promise.all([
      batch.read(repo.git(['rev-parse', 'HEAD:small.txt'])),
      batch.read(repo.git(['rev-parse', 'HEAD:big.txt'])),
      batch.read('0'.repeat(40)),
      batch.read('HEAD:empty.txt'),
      batch.read('HEAD:small.txt'),
    ]);
    batch.close();
    expect(small?.content?.toString()).toBe('hello\n');
    expect(small?.type).toBe('blob');
    expect(large?.content?.equals(big)).toBe(true);
    expect(missing?.content).toBeUndefined();
    expect(empty?.content?.length).toBe(0);
    expect(again?.content?.toString()).toBe('hello\n');
  });
});
