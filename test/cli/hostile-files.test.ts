import { execFileSync, spawn } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedGitEnv, type BuiltRepo } from '../../fixtures/build-repo.js';
import { MERGES } from '../../fixtures/ownership-histories.js';
import { CLI, runJson } from '../helpers/run-cli.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { useTempDirs } from '../helpers/temp-dirs.js';

const fixture = useFixtureRepos();
const tempDir = useTempDirs('busfactor-hostile-files-');

const WHO = { GIT_AUTHOR_NAME: 'Eve Evil', GIT_AUTHOR_EMAIL: 'eve@example.com', GIT_AUTHOR_DATE: '2021-05-01T00:00:00Z', GIT_COMMITTER_NAME: 'Eve Evil', GIT_COMMITTER_EMAIL: 'eve@example.com', GIT_COMMITTER_DATE: '2021-05-01T00:00:00Z' };

/** Commits whatever is in the work tree now. */
function commitAll(repo: BuiltRepo, message: string): void {
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', message], WHO);
}

/** A run that must end by itself within `ms`; resolves with its exit code and output. */
function runBounded(args: string[], env: Record<string, string>, ms: number, signalAfterMs?: number): Promise<{ code: number | null; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { env: isolatedGitEnv({ NO_COLOR: '1', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const hardStop = setTimeout(() => child.kill('SIGKILL'), ms);
    if (signalAfterMs !== undefined) setTimeout(() => child.kill('SIGTERM'), signalAfterMs);
    child.on('close', (code) => {
      clearTimeout(hardStop);
      resolve({ code, stderr, ms: Date.now() - started });
    });
  });
}

describe('.git-blame-ignore-revs that is not a plain small file', () => {
  const file = (repo: BuiltRepo) => path.join(repo.dir, '.git-blame-ignore-revs');
  const cases: [string, (repo: BuiltRepo) => void, RegExp][] = [
    ['a folder', (repo) => {
      execFileSync('mkdir', [file(repo)]);
      writeFileSync(path.join(file(repo), 'revs'), 'x\n');
    }, /is a folder/],
    ['a symlink to a FIFO', (repo) => {
      execFileSync('mkfifo', [path.join(repo.dir, 'fifo')]);
      symlinkSync('fifo', file(repo));
    }, /is a symbolic link \(not followed\)/],
    ['a symlink to /dev/zero', (repo) => symlinkSync('/dev/zero', file(repo)), /is a symbolic link/],
    ['over 1 MiB', (repo) => writeFileSync(file(repo), '# padding\n'.repeat(120_000)), /is larger than 1024 KiB/],
  ];
  for (const [what, make, reason] of cases) {
    it(`${what}: a warning, no hang, the rest of the result`, async () => {
      const repo = fixture(MERGES);
      make(repo);
      // The FIFO itself stays out of the commit (git cannot store one); the symlink goes in.
      writeFileSync(path.join(repo.dir, '.git', 'info', 'exclude'), 'fifo\n');
      commitAll(repo, 'hostile ignore-revs');
      const result = await runBounded([repo.dir, '--lines', '--json'], {}, 30_000);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(new RegExp(`busfactor: warning: \\.git-blame-ignore-revs ${reason.source}`));
    });
  }
});

describe('waits that end', () => {
  it('a config that includes a FIFO: git blocks reading it; the run fails with one line instead of hanging', async () => {
    const repo = fixture(MERGES);
    const fifo = path.join(tempDir(), 'config-fifo');
    execFileSync('mkfifo', [fifo]);
    repo.git(['config', 'include.path', fifo]);
    const result = await runBounded([repo.dir, '--json'], { BUSFACTOR_STALL_SECONDS: '1' }, 30_000);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toMatch(/^busfactor: error: .*git rev-parse stopped answering: no output and no CPU time for \d+ s/);
  });

  it('SIGTERM ends the run even while git is blocked', async () => {
    const repo = fixture(MERGES);
    const fifo = path.join(tempDir(), 'config-fifo');
    execFileSync('mkfifo', [fifo]);
    repo.git(['config', 'include.path', fifo]);
    const result = await runBounded([repo.dir, '--json'], {}, 20_000, 1000);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('busfactor: interrupted\n');
    expect(result.ms).toBeLessThan(8000);
  });
});

describe('a TMPDIR that does not exist', () => {
  it('--lines on a history with merges: the system temporary folder instead, a warning, the same result', () => {
    const repo = fixture(MERGES);
    // Uncached: a hit would need no temporary folder at all.
    const expected = runJson([repo.dir, '--lines', '--no-cache']).report;
    const { result, report } = runJson([repo.dir, '--lines', '--no-cache'], { env: { TMPDIR: path.join(repo.dir, 'no', 'such', 'folder') } });
    expect(report.files).toEqual(expected.files);
    expect(report.warnings.map((w) => w.code)).toEqual(['temp-folder-fallback']);
    expect(result.stderr).toMatch(/^busfactor: warning: the temporary folder .*no\/such\/folder cannot be used \(ENOENT\): \/tmp is used instead\n$/);
  });
});
