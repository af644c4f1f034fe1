import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, CAROL } from '../../fixtures/people.js';
import { analyze } from '../../src/analyze.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();
const lines = (n: number, tag: string) => `${Array.from({ length: n }, (_, i) => `${tag} line ${i}`).join('\n')}\n`;

describe('the missing-object fallback keeps the commit printed before git died', () => {
  it('one fallback, and the later commit keeps its similarity rename', async () => {
    const repo = fixture([
      { commit: { author: ALICE, at: '2021-01-01T00:00:00Z', write: { 'old.js': lines(40, 'old'), 'tmp.js': lines(30, 'tmp') } } },
      // Bob's inexact rename makes git read tmp.js's blob, which is then deleted: git log dies here.
      { commit: { author: BOB, at: '2021-02-01T00:00:00Z', rename: { 'tmp.js': 'tmp2.js' }, write: { 'tmp2.js': `${lines(30, 'tmp')}bob\n` } } },
      // Carol renames old.js with a one-line change: found only by similarity (-M), not by -M100%.
      { commit: { author: CAROL, at: '2021-03-01T00:00:00Z', rename: { 'old.js': 'new.js' }, write: { 'new.js': `${lines(39, 'old')}carol\n` } } },
    ]);
    const blob = repo.git(['rev-parse', 'HEAD~2:tmp.js']);
    unlinkSync(path.join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const report = await analyze({ path: repo.dir });
    // git log prints Carol's commit whole, then dies on Bob's: only Bob's is rescanned with -M100%.
    const fallback = report.warnings.find((w) => w.code === 'rename-detection-fallback');
    expect(fallback?.count).toBe(1);
    expect(fallback?.message).toContain('in 1 of 3 commits');
    // new.js keeps its history: Alice's A of old.js (4.168) and Carol's R (3.457, ratio 0.83).
    expect(report.files.find((f) => f.path === 'new.js')?.authors).toEqual(['alice@example.com', 'carol@example.com']);
    // tmp2.js, exact renames only for Bob's commit: a new file, Bob's alone.
    expect(report.files.find((f) => f.path === 'tmp2.js')?.authors).toEqual(['bob@example.com']);
  });
});
