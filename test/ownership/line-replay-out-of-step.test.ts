import { describe, expect, it } from 'vitest';
import { ALICE, BOB, CAROL } from '../../fixtures/people.js';
import { LineReplay } from '../../src/ownership/line-replay.js';
import { expandRuns } from '../../src/ownership/line-runs.js';
import { PatchParser, type FilePatch } from '../../src/ownership/parse-patch.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();
const text = (n: number, tag: string) => `${Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n')}\n`;

/** The real `git diff-tree -p -U0 --full-index` patch of each commit, parsed as the replay does. */
function patchesOf(repo: ReturnType<typeof fixture>): (readonly FilePatch[])[] {
  const revs = repo.git(['rev-list', '--reverse', 'HEAD']).split('\n');
  return revs.map((rev) => {
    const parser = new PatchParser();
    const output = Buffer.from(`${repo.git(['diff-tree', '--root', '--always', '-r', '-p', '-U0', '--full-index', rev])}\n`);
    return [...parser.push(output), ...parser.end()][0]?.files ?? [];
  });
}

/**
 * The replay never carries on with lines that are not the ones git diffed (docs/line-ownership.md,
 * "Self-check"): such a file is marked out of step, and is later blamed with git and named.
 */
describe('LineReplay: a state out of step with the history', () => {
  const history = () =>
    fixture([
      { commit: { author: ALICE, at: '2021-01-01T00:00:00Z', write: { 'a.js': text(10, 'a') } } },
      { commit: { author: BOB, at: '2021-01-02T00:00:00Z', write: { 'a.js': `${text(10, 'a')}bob\n` } } },
      { commit: { author: CAROL, at: '2021-01-03T00:00:00Z', write: { 'a.js': `carol\n${text(10, 'a')}bob\n` } } },
    ]);

  it('in order: every line has its owner (commit indices 0, 1, 2)', async () => {
    const [first = [], second = [], third = []] = patchesOf(history());
    const replay = new LineReplay(Int32Array.from([1, 1, 0]));
    await replay.patch(0, undefined, first);
    await replay.patch(1, 0, second);
    const state = await replay.patch(2, 1, third);
    expect(Array.from(expandRuns(state.get('a.js')?.runs ?? new Int32Array()))).toEqual([2, ...Array(10).fill(0), 1]);
  });

  it('a diff from another blob than the one held: out of step, not applied', async () => {
    const [first = [], , third = []] = patchesOf(history());
    // Commit 2 skipped: the state holds commit 0's a.js, the patch starts from commit 1's.
    const replay = new LineReplay(Int32Array.from([1, 0]));
    await replay.patch(0, undefined, first);
    const state = await replay.patch(1, 0, third);
    expect(state.get('a.js')).toMatchObject({ runs: null, lost: 'out-of-step' });
  });

  it('hunks that do not fit the lines held: out of step (and never a RangeError)', async () => {
    const [first = []] = patchesOf(history());
    const replay = new LineReplay(Int32Array.from([1, 0]));
    const held = await replay.patch(0, undefined, first);
    const oid = held.get('a.js')?.oid;
    const unfit: FilePatch = { kind: 'modify', oldPath: 'a.js', path: 'a.js', oldOid: oid, newOid: 'f'.repeat(40), binary: false, submodule: false, hunks: [30, 2, 30, 1] };
    const state = await replay.patch(1, 0, [unfit]);
    expect(state.get('a.js')).toMatchObject({ runs: null, lost: 'out-of-step' });
  });

  it('lines lost stay lost, with their reason, through later commits', async () => {
    const [first = [], second = [], third = []] = patchesOf(history());
    const replay = new LineReplay(Int32Array.from([1, 1, 0]));
    await replay.patch(0, undefined, first);
    // Commit 1 as git would show a binary file: same blobs, no hunks.
    await replay.patch(1, 0, second.map((file) => ({ ...file, binary: true, hunks: [] })));
    const state = await replay.patch(2, 1, third);
    expect(state.get('a.js')).toMatchObject({ runs: null, lost: 'binary' });
  });
});
