import { describe, expect, it } from 'vitest';
import { LogParser } from '../../src/history/parse-log.js';
import type { CommitRecord } from '../../src/history/commit-record.js';

// Two commits as git log -z --name-status --format=LOG_FORMAT prints them: a merge without changes,
// then a commit with an add, a rename and a path holding a newline and a leading \x01 byte.
const oidA = 'a'.repeat(40);
const oidB = 'b'.repeat(40);
const stream = Buffer.concat([
  Buffer.from(`\x01${oidA}\x00Ann\x00ann@x.org\x00100\x00Ann\x00ann@x.org\x00150\x00`),
  Buffer.from(`\x01${oidB}\x00Bö\x00\x00200\x00Com\x00com@x.org\x00250\x00\nA\x00dir/new\nline.js\x00R087\x00old name.js\x00\x01odd.js\x00M\x00x.c\x00`),
]);

function parseInChunks(size: number): CommitRecord[] {
  const parser = new LogParser();
  const tokens = stream.toString('latin1').split('\0').slice(0, -1).map((t) => Buffer.from(t, 'latin1'));
  const out: CommitRecord[] = [];
  for (let i = 0; i < tokens.length; i += size) out.push(...parser.push(tokens.slice(i, i + size)));
  out.push(...parser.end());
  return out;
}

describe('LogParser', () => {
  it('parses headers and changes whatever the batching', () => {
    for (const size of [1, 2, 3, 100]) {
      const commits = parseInChunks(size);
      expect(commits).toHaveLength(2);
      expect(commits[0]).toMatchObject({ oid: oidA, authorName: 'Ann', authorEmail: 'ann@x.org', authorTime: 100, committerName: 'Ann', committerEmail: 'ann@x.org', committerTime: 150, changes: [] });
      expect(commits[1]).toMatchObject({ oid: oidB, authorName: 'Bö', authorEmail: '', authorTime: 200, committerName: 'Com', committerTime: 250 });
      expect(commits[1]?.changes).toEqual([
        { status: 'A', path: 'dir/new\nline.js' },
        { status: 'R', path: '\x01odd.js', oldPath: 'old name.js' },
        { status: 'M', path: 'x.c' },
      ]);
    }
  });
});
