import { describe, expect, it } from 'vitest';
import type { BuiltRepo } from '../../fixtures/build-repo.js';
import { ALICE, BOB } from '../../fixtures/people.js';
import { parseEpochSeconds } from '../../src/history/parse-log.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runCli, runJson } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();

/**
 * Appends a commit written byte for byte (`hash-object --literally`), as no porcelain would make
 * it: `who` is the whole author and committer line after the keyword.
 */
function forgeCommit(repo: BuiltRepo, files: Record<string, string>, who: string): string {
  for (const [file, content] of Object.entries(files)) {
    const blob = repo.git(['hash-object', '-w', '--stdin'], {}, content);
    repo.git(['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`]);
  }
  const tree = repo.git(['write-tree']);
  const body = `tree ${tree}\nparent ${repo.rev('HEAD')}\nauthor ${who}\ncommitter ${who}\n\nforged\n`;
  const commit = repo.git(['hash-object', '-t', 'commit', '-w', '--stdin', '--literally'], {}, body);
  repo.git(['update-ref', 'refs/heads/main', commit]);
  return commit;
}

const base = () =>
  fixture([
    { commit: { author: ALICE, at: '2021-01-01T00:00:00Z', write: { 'a.js': 'a\n', 'b.js': 'b\n' } } },
    { commit: { author: BOB, at: '2021-01-02T00:00:00Z', write: { 'b.js': 'b\nbob\n' } } },
  ]);

describe('commits no porcelain would make', () => {
  it('parses whole seconds; a number past any calendar or a negative date is unknown', () => {
    expect(parseEpochSeconds('1609459200')).toBe(1609459200);
    expect(parseEpochSeconds('0')).toBe(0);
    expect(parseEpochSeconds('99999999999999999999')).toBeUndefined();
    expect(parseEpochSeconds('8640000000001')).toBeUndefined();
    expect(parseEpochSeconds('')).toBeUndefined();
    expect(parseEpochSeconds('-5')).toBeUndefined();
  });

  it('an absurd author date: a warning, the date unknown, every number still counted', () => {
    const repo = base();
    forgeCommit(repo, { 'c.js': 'eve\n' }, 'Eve Evil <eve@example.com> 99999999999999999999 +0000');
    const { result, report } = runJson([repo.dir]);
    expect(result.code).toBe(0);
    expect(report.warnings.find((w) => w.code === 'bad-dates')?.count).toBe(1);
    // The head commit is the forged one: no usable date, so no ages either.
    expect(report.headTime).toBeNull();
    const eve = report.people.find((person) => person.name === 'Eve Evil');
    expect(eve).toMatchObject({ commits: 1, firstCommitAt: null, lastCommitAt: null, filesAuthored: 1 });
    expect(report.people.find((person) => person.name === 'Alice Archer')?.lastCommitAt).toBe('2021-01-01T00:00:00Z');
    // a.js Alice; b.js Alice and Bob (DOA 4.168 and 3.457: 0.83 > 0.75, both authors); c.js Eve.
    // Greedy: Alice (2 files) goes, b.js and c.js keep authors (2/3); then Bob (1 change, ties
    // with Eve's 1, bob@ < eve@) goes, c.js alone is 1/3 < 0.5: bus factor 2.
    expect(report.busFactor).toBe(2);
    // Text output does not trip on it either.
    const text = runCli([repo.dir, '--no-tui']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Bus factor: 2');
  });

  it('a commit with no author or committer at all: skipped as the reference does, its file reported as such', () => {
    const repo = base();
    forgeCommit(repo, { 'anon.js': 'who?\n' }, '<> 1612137600 +0000');
    const { report } = runJson([repo.dir]);
    expect(report.excluded).toMatchObject({ 'no-author': 1 });
    expect(report.excluded).not.toHaveProperty('no-history');
    const warning = report.warnings.find((w) => w.code === 'anonymous-commits');
    expect(warning?.paths).toEqual(['anon.js']);
    expect(warning?.message).toMatch(/without any author or committer name or email/);
    expect(report.warnings.map((w) => w.code)).not.toContain('no-history');
    // a.js and b.js only: Alice authors both, Bob b.js. Without Alice, b.js keeps Bob: 1/2 = 0.5
    // keeps going; without Bob too, nothing: bus factor 2.
    expect(report.totals.files).toBe(2);
    expect(report.busFactor).toBe(2);
  });

  it('a folder with no counted files: "no files to analyse" in text, and a warning in JSON too', () => {
    const repo = fixture([{ commit: { author: ALICE, at: '2021-01-01T00:00:00Z', write: { 'a.js': 'a\n', 'docs/readme.md': '# hi\n' } } }]);
    const { report } = runJson([`${repo.dir}/docs`]);
    expect(report.totals.files).toBe(0);
    expect(report.warnings.find((w) => w.code === 'empty-scope')?.message).toBe('no files to analyse in docs/: none of its files counts (see excluded)');
    const text = runCli([`${repo.dir}/docs`, '--no-tui']);
    expect(text.stdout).toContain('no files to analyse');
  });
});
