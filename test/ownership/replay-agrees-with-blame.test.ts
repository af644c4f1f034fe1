import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { BuiltRepo, Step } from '../../fixtures/build-repo.js';
import { MERGES, OCTOPUS, RENAMES, TEXT_EDGES, ignoreRevsHistory } from '../../fixtures/ownership-histories.js';
import { MERGE_HEAVY } from '../../fixtures/ownership-random.js';
import { openRepository } from '../../src/engine/open-repository.js';
import { blameFile } from '../../src/ownership/blame-file.js';
import { loadIgnoreRevs } from '../../src/ownership/ignore-revs.js';
import { replayHistory } from '../../src/ownership/replay-history.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();

/** Replays the history once and compares every line of every file at HEAD with git blame. */
async function compareWithBlame(repo: BuiltRepo, options: { firstParent?: boolean; ignoreRevs?: boolean } = {}) {
  const repository = await openRepository(repo.dir);
  const head = repo.rev('HEAD');
  const ignored = options.ignoreRevs ? await loadIgnoreRevs(repository, head, []) : undefined;
  const replay = await replayHistory(repository, head, { firstParent: options.firstParent ?? false, ignored: ignored?.handler });
  const files = repo.git(['ls-tree', '-r', '-z', '--name-only', 'HEAD']).split('\0').filter(Boolean);
  const result: Record<string, { lines: number; agree: number; unknown: boolean }> = {};
  for (const file of files) {
    const expected = await blameFile(repository, head, file, { firstParent: options.firstParent, ignoreRevsFile: ignored?.file });
    const owners = replay.head.get(file)?.owners;
    let agree = 0;
    expected.forEach((oid, i) => {
      if (owners && replay.graph.oids[owners[i] as number] === oid) agree += 1;
    });
    result[file] = { lines: expected.length, agree, unknown: !owners };
  }
  ignored?.close();
  return result;
}

function expectFullAgreement(result: Record<string, { lines: number; agree: number; unknown: boolean }>, files: string[]) {
  expect(Object.keys(result).sort()).toEqual([...files].sort());
  for (const [file, { lines, agree, unknown }] of Object.entries(result)) {
    expect({ file, unknown, agree }).toEqual({ file, unknown: false, agree: lines });
  }
}

describe('line ownership replay agrees with git blame on every line', () => {
  it('renames, rename chains, a file deleted and added again', async () => {
    const result = await compareWithBlame(fixture(RENAMES));
    expectFullAgreement(result, ['lib/core/a.js', 'src/b.js']);
    expect(result['lib/core/a.js']?.lines).toBe(13);
  });

  it('merges with edits on both sides, a conflict resolution and an evil merge', async () => {
    const result = await compareWithBlame(fixture(MERGES));
    expectFullAgreement(result, ['app.js', 'conf.js', 'evil.js', 'side.js']);
  });

  it('an octopus merge and unrelated histories merged together', async () => {
    const result = await compareWithBlame(fixture(OCTOPUS));
    expectFullAgreement(result, ['base.js', 'one.js', 'other/lib.js', 'three.js', 'two.js']);
  });

  it('CRLF, missing final newlines, an empty commit, a binary file that turns text', async () => {
    const result = await compareWithBlame(fixture(TEXT_EDGES));
    // flip.dat was binary first: the replay cannot follow it (git blame can); it is reported as
    // unknown and the ownership stage falls back to git blame for it.
    expect(result['flip.dat']?.unknown).toBe(true);
    const { 'flip.dat': _flip, ...text } = result;
    expectFullAgreement(text, ['crlf.js', 'nonl.js']);
  });

  it('--first-parent, as git blame --first-parent', async () => {
    const result = await compareWithBlame(fixture(MERGES), { firstParent: true });
    expectFullAgreement(result, ['app.js', 'conf.js', 'evil.js', 'side.js']);
  });

  it('.git-blame-ignore-revs, as git blame --ignore-revs-file', async () => {
    const { steps, reformatMessage } = ignoreRevsHistory();
    const repo = fixture(steps);
    const reformat = repo.git(['log', '--format=%H', `--grep=^${reformatMessage}$`]);
    writeFileSync(path.join(repo.dir, '.git-blame-ignore-revs'), `# formatting only\n${reformat}\n`);
    const result = await compareWithBlame(repo, { ignoreRevs: true });
    expectFullAgreement(result, ['total.js']);
    // The ignored commit really moved lines back to Alice: without the file, Bob owns them.
    const alice = repo.git(['log', '--format=%H', '--author=Alice']);
    const blamed = repo.git(['blame', '--ignore-revs-file', '.git-blame-ignore-revs', '--porcelain', 'HEAD', '--', 'total.js']);
    expect(blamed.split('\n').filter((line) => line.startsWith(alice)).length).toBeGreaterThan(3);
  });

  it('.git-blame-ignore-revs in a bare repository: the analysed commit\'s copy, none when absent', async () => {
    const { steps, reformatMessage } = ignoreRevsHistory();
    const repo = fixture(steps);
    const reformat = repo.git(['log', '--format=%H', `--grep=^${reformatMessage}$`]).trim();
    const parent = mkdtempSync(path.join(tmpdir(), 'busfactor-bare-'));
    onTestFinished(() => rmSync(parent, { recursive: true, force: true }));
    const bareWithout = path.join(parent, 'without.git');
    repo.git(['clone', '-q', '--bare', repo.dir, bareWithout]);
    expect(await loadIgnoreRevs(await openRepository(bareWithout), repo.rev('HEAD'), [])).toBeUndefined();
    writeFileSync(path.join(repo.dir, '.git-blame-ignore-revs'), `${reformat}\n`);
    repo.git(['add', '.git-blame-ignore-revs']);
    const who = { name: 'Alice Archer', email: 'alice@example.com', date: '2030-01-01T00:00:00Z' };
    repo.git(['commit', '-q', '-m', 'Ignore the reformat'], {
      GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_AUTHOR_DATE: who.date,
      GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email, GIT_COMMITTER_DATE: who.date,
    });
    const bare = path.join(parent, 'with.git');
    repo.git(['clone', '-q', '--bare', repo.dir, bare]);
    const loaded = await loadIgnoreRevs(await openRepository(bare), repo.rev('HEAD'), []);
    expect([...(loaded?.handler.commits ?? [])]).toEqual([reformat]);
    expect(readFileSync(loaded?.file as string, 'utf8')).toBe(`${reformat}\n`);
    loaded?.close();
    expect(existsSync(loaded?.file as string)).toBe(false);
  });

  it('a merge-heavy random history', async () => {
    const repo = fixture(MERGE_HEAVY as Step[]);
    // The generator must really produce merges of files changed on both sides.
    expect(Number(repo.git(['rev-list', '--count', '--merges', 'HEAD']))).toBeGreaterThan(8);
    const result = await compareWithBlame(repo);
    expectFullAgreement(result, ['m/five.js', 'm/four.js', 'm/one.js', 'm/three.js', 'm/two.js']);
    expect(Object.values(result).reduce((sum, file) => sum + file.lines, 0)).toBeGreaterThan(150);
  });
});
