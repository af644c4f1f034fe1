import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, CAROL, DAVE } from '../../fixtures/people.js';
import { TEXT_EDGES } from '../../fixtures/ownership-histories.js';
import { analyze } from '../../src/analyze.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();
const text = (n: number, tag: string) => `${Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n')}\n`;

describe('line ownership on damaged or odd histories', () => {
  it('a missing blob: a warning, the affected file left out, every other file exact', async () => {
    const repo = fixture([
      { commit: { author: ALICE, at: '2021-01-01T00:00:00Z', write: { 'a.js': text(10, 'a'), 'b.js': text(5, 'b') } } },
      { commit: { author: BOB, at: '2021-01-02T00:00:00Z', write: { 'a.js': `${text(10, 'a')}bob\n` } } },
      { commit: { author: CAROL, at: '2021-01-03T00:00:00Z', write: { 'a.js': `${text(10, 'a')}bob\ncarol\n`, 'b.js': `${text(5, 'b')}carol\n` } } },
    ]);
    const blob = repo.git(['rev-parse', 'HEAD~1:a.js']);
    unlinkSync(path.join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const report = await analyze({ path: repo.dir, lines: true });
    expect(report.warnings.filter((w) => w.code === 'missing-objects').length).toBeGreaterThan(0);
    expect(report.files.find((f) => f.path === 'b.js')?.owners?.map((o) => [o.name, o.lines])).toEqual([
      ['Alice Archer', 5],
      ['Carol Chen', 1],
    ]);
    expect(report.files.find((f) => f.path === 'a.js')?.owners).toBeUndefined();
  });

  it('a merge whose diff needs a missing blob: the rest of the merge still lands the right way round', async () => {
    const repo = fixture([
      { commit: { author: ALICE, at: '2021-01-01T00:00:00Z', write: { 'a.js': text(10, 'a'), 'b.js': text(5, 'b'), 'old.js': text(20, 'old') } } },
      { branch: 'side' },
      // An inexact rename: git must read old.js's blob to pair it, in this commit and in the merge.
      { commit: { author: BOB, at: '2021-01-02T00:00:00Z', rename: { 'old.js': 'new.js' }, write: { 'new.js': `${text(20, 'old')}bob\n`, 'b.js': `${text(5, 'b')}bob\n` } } },
      { checkout: 'main' },
      { commit: { author: CAROL, at: '2021-01-03T00:00:00Z', write: { 'a.js': `${text(10, 'a')}carol\n` } } },
      { merge: 'side', author: DAVE, at: '2021-01-04T00:00:00Z' },
      { commit: { author: ALICE, at: '2021-01-05T00:00:00Z', write: { 'a.js': `alice\n${text(10, 'a')}carol\n`, 'b.js': `${text(5, 'b')}bob\nalice\n` } } },
    ]);
    const blob = repo.git(['rev-parse', 'HEAD~3:old.js']);
    unlinkSync(path.join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const report = await analyze({ path: repo.dir, lines: true });
    // The merge's diff against its first parent dies on old.js and is answered from blob ids alone.
    // Those changes once came out reversed (b.js given main's old blob), and Alice's last edit of
    // b.js was then applied to the wrong lines. As git blame says: a.js Alice 10 + 1, Carol 1;
    // b.js Alice 5 + 1, Bob 1.
    const owners = (file: string) => report.files.find((f) => f.path === file)?.owners?.map((o) => [o.name, o.lines]);
    expect(owners('a.js')).toEqual([['Alice Archer', 11], ['Carol Chen', 1]]);
    expect(owners('b.js')).toEqual([['Alice Archer', 6], ['Bob Baker', 1]]);
    expect(report.warnings.map((w) => w.code)).not.toContain('line-ownership-self-check');
  });

  it('a file that was binary before it became text falls back to git blame', async () => {
    const report = await analyze({ path: fixture(TEXT_EDGES).dir, lines: true, allText: true });
    // flip.dat: "now"/"text" by Carol, "dave" by Dave (git blame's answer).
    expect(report.files.find((f) => f.path === 'flip.dat')?.owners?.map((o) => [o.name, o.lines])).toEqual([
      ['Carol Chen', 2],
      ['Dave Dunn', 1],
    ]);
    expect(report.files.find((f) => f.path === 'crlf.js')?.lines).toBe(4);
  });
});
