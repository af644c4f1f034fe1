import { describe, expect, it } from 'vitest';
import { LogParser } from '../../src/history/parse-log.js';
import type { CommitRecord } from '../../src/history/commit-record.js';

// Two commits as git log -z --name-status --format=LOG_FORMAT prints them: a merge without changes
// (two parents, co-author trailers with one repeated, review trailers: one repeated, one naming nobody), then a root commit with an add, a rename and
// a path holding a newline and a leading \x01 byte.
const oidA = 'a'.repeat(40);
const oidB = 'b'.repeat(40);
const stream = Buffer.concat([
  Buffer.from(`\x01${oidA}\x00Ann\x00ann@x.org\x00100\x00Ann\x00ann@x.org\x00150\x00${oidB} ${'c'.repeat(40)}\x00Co-authored-by: Claude <noreply@anthropic.com>\x1fco-authored-by: Bo B <bo@x.org>\x1fCo-authored-by: bo b <BO@x.org>\x1fCo-authored-by: Just A Name\x1fReviewed-by: Rae <rae@x.org>\x1fSIGNED-OFF-BY: Ann <ann@x.org>\x1fSigned-off-by: ann <ANN@x.org>\x1fAcked-by:  \x1fTested-by: Tess\x00`),
  Buffer.from(`\x01${oidB}\x00Bö\x00\x00200\x00Com\x00com@x.org\x00250\x00\x00\x00\nA\x00dir/new\nline.js\x00R087\x00old name.js\x00\x01odd.js\x00M\x00x.c\x00`),
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
      expect(commits[0]?.parents).toEqual([oidB, 'c'.repeat(40)]);
      // Duplicates (case aside) are dropped; a value without <email> is a name.
      expect(commits[0]?.coAuthors).toEqual([{ name: 'Claude', email: 'noreply@anthropic.com' }, { name: 'Bo B', email: 'bo@x.org' }, { name: 'Just A Name', email: '' }]);
      // Keys in any case; one entry per (kind, person); a trailer naming nobody is dropped.
      expect(commits[0]?.reviewers).toEqual([
        { kind: 'reviewed', name: 'Rae', email: 'rae@x.org' },
        { kind: 'signedOff', name: 'Ann', email: 'ann@x.org' },
        { kind: 'tested', name: 'Tess', email: '' },
      ]);
      expect(commits[1]?.parents).toEqual([]);
      expect(commits[1]?.reviewers).toEqual([]);
      expect(commits[1]?.coAuthors).toEqual([]);
      expect(commits[1]).toMatchObject({ oid: oidB, authorName: 'Bö', authorEmail: '', authorTime: 200, committerName: 'Com', committerTime: 250 });
      expect(commits[1]?.changes).toEqual([
        { status: 'A', path: 'dir/new\nline.js' },
        { status: 'R', path: '\x01odd.js', oldPath: 'old name.js' },
        { status: 'M', path: 'x.c' },
      ]);
    }
  });

  it('keeps the commit printed whole before git died, and drops a half-read one', () => {
    const tokens = stream.toString('latin1').split('\0').slice(0, -1).map((t) => Buffer.from(t, 'latin1'));
    const parser = new LogParser();
    // Everything up to commit B's header: commit A is complete, B has no changes yet.
    const upToB = tokens.findIndex((t) => t.toString('latin1') === `\x01${oidB}`);
    expect(parser.push(tokens.slice(0, upToB))).toEqual([]);
    expect(parser.completedBeforeFailure().map((c) => c.oid)).toEqual([oidA]);
    const half = new LogParser();
    half.push(tokens.slice(0, 3));
    expect(half.completedBeforeFailure()).toEqual([]);
  });
});
