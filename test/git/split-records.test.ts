import { describe, expect, it } from 'vitest';
import { RecordSplitter } from '../../src/git/split-records.js';

function splitInPieces(input: Buffer, pieceSize: number, delimiter: number): string[] {
  const splitter = new RecordSplitter(delimiter);
  const out: string[] = [];
  for (let i = 0; i < input.length; i += pieceSize) out.push(...splitter.push(input.subarray(i, i + pieceSize)).map((b) => b.toString('utf8')));
  const tail = splitter.end();
  if (tail) out.push(tail.toString('utf8'));
  return out;
}

describe('RecordSplitter', () => {
  const input = Buffer.from('alpha\0beta with space\0\0ünïcödé\0new\nline\0tail', 'utf8');
  const expected = ['alpha', 'beta with space', '', 'ünïcödé', 'new\nline', 'tail'];

  it('splits NUL records whatever the chunk size, one byte at a time included', () => {
    for (const size of [1, 2, 3, 5, 7, 64, input.length]) expect(splitInPieces(input, size, 0)).toEqual(expected);
  });

  it('splits lines on LF only, keeping a lone CR inside the record', () => {
    expect(splitInPieces(Buffer.from('a\r\nb\rc\nd\n'), 1, 10)).toEqual(['a\r', 'b\rc', 'd']);
  });

  it('returns no tail when the stream ends on a delimiter', () => {
    const splitter = new RecordSplitter(0);
    expect(splitter.push(Buffer.from('x\0')).map(String)).toEqual(['x']);
    expect(splitter.end()).toBeUndefined();
  });
});
