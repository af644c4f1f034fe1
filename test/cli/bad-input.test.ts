import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, unlinkSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { MERGES } from '../../fixtures/ownership-histories.js';
import { ALICE, BOB } from '../../fixtures/people.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import { runCli, runJson } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();
const tempDir = useTempDirs('busfactor-bad-');
const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, env: isolatedGitEnv(), encoding: 'utf8' }).trim();

/** One line on stderr, starting with `busfactor: error:`, and exit code 2. */
function expectInputError(result: { code: number | null; stdout: string; stderr: string }, message: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(result.stderr).toMatch(/^busfactor: error: /);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('bad input: one clear line and exit code 2', () => {
  it('a path that does not exist', () => {
    expectInputError(runCli(['/nonexistent/busfactor-test']), /path does not exist: \/nonexistent\/busfactor-test/);
  });

  it('a folder that is not a git repository', () => {
    const dir = tempDir();
    expectInputError(runCli([dir]), /not a git repository/);
  });

  it('a file instead of a folder', () => {
    const file = path.join(tempDir(), 'file.txt');
    writeFileSync(file, 'x');
    expectInputError(runCli([file]), /not a directory/);
  });

  it('an empty repository', () => {
    const dir = tempDir();
    git(dir, ['init', '-q', '-b', 'main']);
    expectInputError(runCli([dir]), /the repository has no commits yet/);
  });

  it('an unknown revision, also one that looks like an option', () => {
    const repo = fixture(TEAM_HISTORY);
    expectInputError(runCli([repo.dir, '--rev', 'no-such-branch']), /unknown revision: no-such-branch/);
    expectInputError(runCli([repo.dir, '--rev=--output=/tmp/x']), /unknown revision: --output=\/tmp\/x/);
    // A full-length id resolves in git whether or not the object exists: still unknown, not damage.
    expectInputError(runCli([repo.dir, '--rev', 'aabe94edb4880c2d8ec5b2b3ec9b3fa8a9e7d1fe']), /unknown revision: aabe94edb4880c2d8ec5b2b3ec9b3fa8a9e7d1fe/);
  });

  it('an unknown flag or a bad number', () => {
    const unknown = runCli(['--no-such-flag']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^busfactor: error: unknown option '--no-such-flag'/);
    const depth = runCli(['--depth', 'zero']);
    expect(depth.code).toBe(2);
    expect(depth.stderr).toMatch(/--depth/);
    const algorithm = runCli(['--algorithm', 'magic']);
    expect(algorithm.code).toBe(2);
    expect(algorithm.stderr).toMatch(/Allowed choices are avl/);
  });
});

describe('bad input: a warning and a correct result', () => {
  it('a shallow clone', () => {
    const repo = fixture(TEAM_HISTORY);
    const clone = path.join(tempDir(), 'shallow');
    git(tempDir(), ['clone', '-q', '--depth', '3', `file://${repo.dir}`, clone]);
    const { result, report } = runJson([clone]);
    expect(report.repository.shallow).toBe(true);
    expect(report.warnings.map((w) => w.code)).toContain('shallow-clone');
    expect(result.stderr).toMatch(/busfactor: warning: this is a shallow clone/);
    // --depth 3 from the merge: the merge, both parents, and one commit behind each of them.
    expect(report.totals.commits).toBe(5);
  });

  it('objects missing from the repository: rename detection falls back to exact renames', () => {
    const text = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
    const repo = fixture([
      { commit: { author: ALICE, at: '2020-01-01T00:00:00Z', write: { 'a.js': `${text}\n` } } },
      // An inexact rename: git must read both blobs to pair them.
      { commit: { author: BOB, at: '2020-01-02T00:00:00Z', rename: { 'a.js': 'b.js' }, write: { 'b.js': `${text}\nmore\n` } } },
    ]);
    const blob = repo.git(['rev-parse', 'HEAD~1:a.js']);
    unlinkSync(path.join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const { report } = runJson([repo.dir]);
    expect(report.warnings.map((w) => w.code)).toContain('rename-detection-fallback');
    expect(report.settings.renames).toBe('partly-exact');
    expect(report.warnings.find((w) => w.code === 'rename-detection-fallback')?.count).toBe(1);
    // Without the rename, b.js is Bob's addition alone.
    expect(report.files).toEqual([{ path: 'b.js', authors: ['bob@example.com'] }]);
  });

  it('a detached HEAD, a bare repository and a linked worktree', () => {
    const repo = fixture(TEAM_HISTORY);
    const expected = runJson([repo.dir]).report;
    repo.git(['checkout', '-q', '--detach', 'HEAD']);
    expect(runJson([repo.dir]).report.busFactor).toBe(expected.busFactor);
    const bare = path.join(tempDir(), 'bare.git');
    git(tempDir(), ['clone', '-q', '--bare', repo.dir, bare]);
    const fromBare = runJson([bare]).report;
    expect(fromBare.head).toBe(expected.head);
    expect(fromBare.files).toEqual(expected.files);
    expect(fromBare.repository.name).toBe('bare');
    const worktree = path.join(tempDir(), 'wt');
    repo.git(['worktree', 'add', '-q', '--detach', worktree, 'HEAD~1']);
    const fromWorktree = runJson([worktree]).report;
    expect(fromWorktree.head).toBe(repo.rev('HEAD~1'));
  });

  it('a SHA-256 repository', () => {
    const repo = fixture(TEAM_HISTORY, { objectFormat: 'sha256' });
    const { report } = runJson([repo.dir]);
    expect(report.head).toMatch(/^[0-9a-f]{64}$/);
    expect(report.repository.objectFormat).toBe('sha256');
    expect(report.busFactor).toBe(2);
  });

  it('submodules are left out, not followed', () => {
    const repo = fixture(TEAM_HISTORY);
    repo.git(['update-index', '--add', '--cacheinfo', `160000,${repo.rev('HEAD~1')},vendor-lib`]);
    repo.git(['commit', '-q', '-m', 'add submodule'], { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x', GIT_AUTHOR_DATE: '2021-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2021-01-01T00:00:00Z' });
    const { report } = runJson([repo.dir]);
    expect(report.excluded.submodule).toBe(1);
    expect(report.totals.files).toBe(7);
  });

  it('odd file names and hostile author names never reach the terminal raw', () => {
    const evil = { name: 'Mallory \x1b[31mRED\x1b]0;pwned\x07 \u202eevil', email: 'mallory@example.com' };
    const repo = fixture([
      { commit: { author: ALICE, at: '2020-01-01T00:00:00Z', write: { 'dir with space/a b.js': '1\n', 'new\nline/x.js': '2\n', 'q"uote\'s/y.js': '3\n', 'ünï/çødé.js': '4\n', '-dash/z.js': '5\n' } } },
      { commit: { author: evil, at: '2020-01-02T00:00:00Z', write: { 'evil/e1.js': 'e\n', 'evil/e2.js': 'e\n', 'evil/e3.js': 'e\n' } } },
    ]);
    const { report, result } = runJson([repo.dir, '--min-files', '1']);
    expect(report.files.map((f) => f.path)).toEqual(['-dash/z.js', 'dir with space/a b.js', 'evil/e1.js', 'evil/e2.js', 'evil/e3.js', 'new\nline/x.js', 'q"uote\'s/y.js', 'ünï/çødé.js']);
    expect(report.people.map((p) => p.name)).toContain(evil.name);
    // JSON escapes the controls; the raw ESC/BEL/RLO bytes never appear in the output.
    expect(result.stdout).not.toMatch(/[\x1b\x07\u202e]/);
    const text = runCli([repo.dir, '--min-files', '1']);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(/[\x1b\x07\u202e]/);
    expect(text.stdout).toContain('Mallory \\x1b[31mRED\\x1b]0;pwned\\x07 \\u202eevil');
    expect(text.stdout).toContain('new\\nline');
  });
});

describe('a hostile environment', () => {
  it('GIT_FLUSH=0 (and other GIT_* variables) do not hang or redirect line ownership', () => {
    const repo = fixture(MERGES);
    const elsewhere = tempDir();
    const { report } = runJson([repo.dir, '--lines'], { env: { GIT_FLUSH: '0', GIT_DIR: elsewhere, GIT_WORK_TREE: elsewhere, GIT_INDEX_FILE: path.join(elsewhere, 'index') } });
    expect(report.head).toBe(repo.rev('HEAD'));
    expect(report.lineOwnership?.lines).toBeGreaterThan(20);
  });
});

describe('a repository whose config tries to run commands', () => {
  it('runs none of them and writes nothing into the repository', () => {
    const repo = fixture(TEAM_HISTORY);
    const marker = path.join(tempDir(), 'ran');
    const script = path.join(tempDir(), 'evil.sh');
    writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> ${marker}\ncat\n`);
    chmodSync(script, 0o755);
    for (const [key, value] of [
      ['core.fsmonitor', script],
      ['core.hooksPath', path.dirname(script)],
      ['core.pager', script],
      ['pager.log', script],
      ['diff.external', script],
      ['diff.evil.textconv', script],
      ['diff.evil.command', script],
      ['filter.evil.clean', script],
      ['filter.evil.smudge', script],
      ['filter.evil.process', script],
      ['log.showSignature', 'true'],
      ['gpg.program', script],
      ['core.sshCommand', script],
      ['credential.helper', `!${script}`],
      ['core.askPass', script],
    ]) repo.git(['config', key as string, value as string]);
    writeFileSync(path.join(repo.dir, '.git', 'info', 'attributes'), '* diff=evil filter=evil\n');
    for (const hook of ['post-checkout', 'pre-commit', 'post-index-change', 'reference-transaction']) {
      writeFileSync(path.join(path.dirname(script), hook), `#!/bin/sh\necho hook >> ${marker}\n`);
      chmodSync(path.join(path.dirname(script), hook), 0o755);
    }
    const before = snapshot(path.join(repo.dir, '.git'));
    const { report } = runJson([repo.dir]);
    const text = runCli([repo.dir]);
    expect(text.code).toBe(0);
    expect(report.busFactor).toBe(2);
    expect(existsSync(marker)).toBe(false);
    expect(snapshot(path.join(repo.dir, '.git'))).toEqual(before);
  });
});

/** Names of every file below a folder: the analysis must not add any (no index.lock, no gc). */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}
