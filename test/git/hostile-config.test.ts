import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import { armRepository, buildHostileRepo, fingerprintGitDir, loggedSubcommands, loggingGit } from '../../fixtures/hostile-repos.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * A scanned repository's config, the files it includes, its attributes and its hooks name a
 * program for everything git can be told to run (fixtures/hostile-repos.ts). Every route of the
 * tool — text, JSON, line ownership with and without --first-parent, a bare copy — runs every git
 * subcommand it uses against it, and none of the programs may start, nor anything be written into
 * the repository. (The explorer route is driven in tmux: test/ui/tmux.test.ts.)
 */
const parent = mkdtempSync(path.join(tmpdir(), 'busfactor-hostile-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** The subcommands the tool issues (src/git/safety.ts), each of which must have run at least once. */
const EVERY_SUBCOMMAND = ['rev-parse', 'config', 'rev-list', 'log', 'ls-tree', 'cat-file', 'read-tree', 'check-attr', 'diff-tree', 'blame', 'for-each-ref', 'version', 'merge-base'];

describe('a repository whose config names a program for everything', () => {
  const { repo, markers, gitDir } = buildHostileRepo(parent);
  const log = path.join(parent, 'git-calls.log');
  const wrapper = loggingGit(path.join(parent, 'logging-git'), log);
  const env = { PATH: `${wrapper}:${process.env.PATH ?? ''}` };

  it('the markers work: plain git runs them (so the test can fail)', () => {
    const scratch = path.join(parent, 'control');
    execFileSync('git', ['clone', '-q', repo.dir, scratch], { env: isolatedGitEnv() });
    armRepository(path.join(scratch, '.git'), markers);
    // A marker speaks no protocol (filter.process), so git may fail after starting it: fine.
    const git = (args: string[]) => spawnSync('git', args, { cwd: scratch, env: isolatedGitEnv(), stdio: 'ignore', timeout: 20_000 });
    try {
      git(['log', '-p', '-2']); // gpg for the signature; the process filter while preparing diffs
      // textconv, blame's default, as issue 8 found (the process filter, which a marker cannot
      // speak, switched off so that git gets as far as textconv).
      git(['-c', 'filter.evil.process=', '-c', 'filter.evil.required=false', 'blame', 'HEAD', '--', 'flip.js']);
      git(['status']); // fsmonitor, filters on the work tree
      expect(markers.fired()).toEqual(expect.arrayContaining(['core-fsmonitor', 'gpg-program', 'filter-evil-process', 'diff-evil2-textconv']));
    } finally {
      markers.reset();
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('runs none of them, in any route, and writes nothing into the repository', () => {
    const before = fingerprintGitDir(gitDir);
    const bare = path.join(parent, 'bare.git');
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare], { env: isolatedGitEnv() });
    armRepository(bare, markers);
    const bareBefore = fingerprintGitDir(bare);
    for (const target of [repo.dir, bare]) {
      // Uncached, so that every route runs git; then the cache's own routes: a cold run of the
      // parent commit, one extended from it (merge-base, cat-file --batch-check), a hit.
      const uncached = [['--json'], ['--no-tui'], ['--lines', '--json'], ['--lines', '--first-parent', '--json'], ['--lines', '--no-ignore-revs', '--no-tui', '--all-text']].map((args) => [...args, '--no-cache']);
      for (const args of [...uncached, ['--lines', '--json', '--rev', 'HEAD~1'], ['--lines', '--json'], ['--lines', '--json']]) {
        const result = runCli([target, ...args], { env });
        expect({ args, code: result.code, stderr: result.stderr.split('\n').filter((line) => !line.startsWith('busfactor: warning:')).join('\n') }).toEqual({ args, code: 0, stderr: '' });
      }
    }
    expect(markers.fired()).toEqual([]);
    expect(fingerprintGitDir(gitDir)).toBe(before);
    expect(fingerprintGitDir(bare)).toBe(bareBefore);
    // Every subcommand the tool uses was exercised against this repository.
    expect([...loggedSubcommands(log)].sort()).toEqual([...EVERY_SUBCOMMAND].sort());
  });

  it('the results are those of the same history without the hostile config', () => {
    // flip.js once held NUL bytes: its lines come from git blame, which runs textconv by default.
    // main: 13 commits; the evil drivers would have changed flip.js's lines if they had run.
    const plain = path.join(parent, 'plain');
    execFileSync('git', ['clone', '-q', repo.dir, plain], { env: isolatedGitEnv() });
    const strip = (stdout: string) => {
      const report = JSON.parse(stdout) as { repository: unknown; warnings: unknown };
      return { ...report, repository: undefined };
    };
    const hostile = runCli([repo.dir, '--lines', '--json', '--no-cache'], { env });
    const clean = runCli([plain, '--lines', '--json', '--no-cache']);
    expect(strip(hostile.stdout)).toEqual(strip(clean.stdout));
    const flip = (JSON.parse(clean.stdout) as { files: { path: string; owners?: { name: string; lines: number }[] }[] }).files.find((file) => file.path === 'flip.js');
    expect(flip?.owners?.map((owner) => [owner.name, owner.lines])).toEqual([['Bob Baker', 2]]);
    expect(markers.fired()).toEqual([]);
  });
});
