import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheFileError, readCacheFile, readCacheMeta, writeCacheFile, type CacheMeta } from '../../src/cache/cache-file.js';
import { useTempDirs } from '../helpers/temp-dirs.js';

const tempDir = useTempDirs('busfactor-cache-file-');

const META: CacheMeta = { kind: 'state', head: 'a'.repeat(40), stateKey: 'k', repoKey: 'r', toolVersion: '1.2.3', createdAt: '2026-01-01T00:00:00.000Z', repository: '/x', commits: 3 };

describe('cache files', () => {
  it('round-trip Maps, Sets, typed arrays and undefined, with their metadata', async () => {
    const file = path.join(tempDir(), 'entry.state');
    const value = { map: new Map([['a', new Map([[1, 2]])]]), set: new Set(['x']), events: Int32Array.from([1, -2, 3]), none: undefined, times: [1.5, Number.NaN] };
    const bytes = await writeCacheFile(file, META, value);
    expect(bytes).toBe(readFileSync(file).length);
    const read = await readCacheFile(file);
    expect(read.meta).toEqual(META);
    expect(read.value).toEqual(value);
    expect(await readCacheMeta(file)).toEqual(META);
  });

  it('refuse anything else with a reason: foreign, other version, truncated, damaged', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'entry.state');
    await writeCacheFile(file, META, { n: 1 });
    const good = readFileSync(file);
    const variants: [string, Buffer, RegExp][] = [
      ['foreign', Buffer.from('{"not":"ours"}'), /not a busfactor cache file/],
      ['other version', Buffer.concat([good.subarray(0, 16), Buffer.from([9, 0, 0, 0]), good.subarray(20)]), /cache file format 9, this version reads 1/],
      ['truncated', good.subarray(0, good.length - 5), /truncated/],
      ['damaged', Buffer.concat([good.subarray(0, good.length - 40), Buffer.from([good[good.length - 40]! ^ 1]), good.subarray(good.length - 39)]), /checksum mismatch/],
    ];
    for (const [name, bytes, reason] of variants) {
      const target = path.join(dir, `${name}.state`);
      writeFileSync(target, bytes);
      await expect(readCacheFile(target), name).rejects.toThrow(CacheFileError);
      await expect(readCacheFile(target), name).rejects.toThrow(reason);
    }
  });

  it('leave no temporary file beside the entry', async () => {
    const dir = tempDir();
    await writeCacheFile(path.join(dir, 'entry.state'), META, [1, 2, 3]);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual(['entry.state']);
  });
});
