import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, BOB } from '../../fixtures/people.js';
import { BatchFailure, BatchNotStarted, OrderedGitProcess, type ChunkParser } from '../../src/git/ordered-git-process.js';
import { PatchParser, type CommitPatch } from '../../src/ownership/parse-patch.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();
const text = (n: number, tag: string) => `${Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n')}\n`;

/**
 * Four commits; the blob of a.js in the third is deleted from the object store (not the last
 * one's: git would read that from the work tree instead).
 */
function repoWithMissingBlob() {
  const repo = fixture([
    { commit: { author: ALICE, at: '2021-01-01T00:00:00Z', write: { 'a.js': text(5, 'a') } } },
    { commit: { author: BOB, at: '2021-01-02T00:00:00Z', write: { 'a.js': `${text(5, 'a')}bob\n` } } },
    { commit: { author: ALICE, at: '2021-01-03T00:00:00Z', write: { 'a.js': `${text(5, 'a')}bob\nalice\n` } } },
    { commit: { author: BOB, at: '2021-01-04T00:00:00Z', write: { 'a.js': `${text(5, 'a')}bob\nalice\nbob again\n` } } },
  ]);
  const blob = repo.git(['rev-parse', 'HEAD~1:a.js']);
  unlinkSync(path.join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
  return repo;
}

/** A parser that never completes an item: git answers, we never see an answer end. */
const neverAnswers: ChunkParser<string> = { push: () => [], end: () => [] };

let savedStall: string | undefined;
beforeEach(() => {
  savedStall = process.env.BUSFACTOR_STALL_SECONDS;
});
afterEach(() => {
  if (savedStall === undefined) delete process.env.BUSFACTOR_STALL_SECONDS;
  else process.env.BUSFACTOR_STALL_SECONDS = savedStall;
});

describe('OrderedGitProcess: every batch settles', () => {
  it('git dies in the middle of an answer: the half-written answer does not pass for a whole one', async () => {
    const repo = repoWithMissingBlob();
    const process = new OrderedGitProcess<CommitPatch>({ cwd: repo.dir, args: ['diff-tree', '--stdin', '-p', '-U0', '--full-index'] }, new PatchParser());
    // git prints the third commit's id line, then dies reading its blob. That id line used to
    // become a complete (empty) patch when the stream ended: a.js's change silently lost.
    const sent = process.send([repo.rev('HEAD~2'), repo.rev('HEAD~1')]);
    process.close();
    const error = await sent.then(() => undefined, (failure: unknown) => failure);
    expect(error).toBeInstanceOf(BatchFailure);
    expect((error as BatchFailure<CommitPatch>).completed.map((patch) => patch.oid)).toEqual([repo.rev('HEAD~2')]);
    expect((error as BatchFailure<CommitPatch>).message).toMatch(/^git diff-tree failed: unable to read /);
  });

  it('a process that has exited refuses new batches instead of waiting on a dead pipe', async () => {
    const repo = repoWithMissingBlob();
    const process = new OrderedGitProcess<string>({ cwd: repo.dir, args: ['cat-file', '--batch-check'] }, neverAnswers);
    process.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(process.send(['HEAD'])).rejects.toBeInstanceOf(BatchNotStarted);
  });

  it('git sits idle while an answer is owed: killed, and the batch fails saying so', async () => {
    process.env.BUSFACTOR_STALL_SECONDS = '0.3';
    const repo = repoWithMissingBlob();
    // cat-file answers at once, but this parser never sees an answer end: we wait, git waits.
    const stuck = new OrderedGitProcess<string>({ cwd: repo.dir, args: ['cat-file', '--batch-check'] }, neverAnswers);
    const started = Date.now();
    await expect(stuck.send(['HEAD'])).rejects.toThrow(/^git cat-file stopped answering: no output and no CPU time for \d+ s while an answer was due/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

});
