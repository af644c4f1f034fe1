import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedGitEnv, type BuiltRepo } from '../../fixtures/build-repo.js';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { ALICE, ERIN } from '../../fixtures/people.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { freePort, startGitDaemon, type GitDaemon } from '../helpers/git-daemon.js';
import { runCli, runCliAsync, runJson } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import type { Report } from '../../src/report/report.js';

const tempDir = useTempDirs('busfactor-remote-');
const fixture = useFixtureRepos();

/** The folder the daemon serves: every fixture repository of this file is built in it. */
let served: string;
let daemon: GitDaemon;
beforeAll(async () => {
  served = mkdtempSync(path.join(tmpdir(), 'busfactor-served-'));
  daemon = await startGitDaemon(served);
});
afterAll(async () => {
  await daemon.stop();
  rmSync(served, { recursive: true, force: true });
});

/** TEAM_HISTORY served by the daemon, its URL, and a fresh cache folder. */
function servedTeam(): { repo: BuiltRepo; url: string; name: string; cacheDir: string } {
  const repo = fixture(TEAM_HISTORY, { parent: served });
  const name = path.basename(repo.dir);
  return { repo, url: daemon.url(name), name, cacheDir: path.join(tempDir(), 'cache') };
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, env: isolatedGitEnv(), encoding: 'utf8' }).trim();
}

/** A new commit on the served repository's main branch (what a push would do). */
function commitUpstream(repo: BuiltRepo, file: string, at: string): string {
  writeFileSync(path.join(repo.dir, file), `${file} at ${at}\n`);
  repo.git(['add', '--', file]);
  repo.git(['commit', '-q', '-m', `add ${file}`], { GIT_AUTHOR_NAME: ERIN.name, GIT_AUTHOR_EMAIL: ERIN.email, GIT_AUTHOR_DATE: at, GIT_COMMITTER_NAME: ERIN.name, GIT_COMMITTER_EMAIL: ERIN.email, GIT_COMMITTER_DATE: at });
  return repo.rev('HEAD');
}

function oneErrorLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  return lines[0] as string;
}

describe('busfactor <url>', () => {
  it('clones a bare copy into <cache>/repos/<host>_<port>/<path>.git and analyses it as the local repository', () => {
    const { repo, url, name, cacheDir } = servedTeam();
    const { report } = runJson([url, '--cache-dir', cacheDir]);
    // TEAM_HISTORY (fixtures/histories.ts): Bob authors 3 of 7 files, then Carol 2 → bus factor 2.
    expect(report.busFactor).toBe(2);
    expect(report.keyPeople.map((person) => person.name)).toEqual(['Bob Baker', 'Carol Chen']);
    expect(report.head).toBe(repo.rev('main'));
    expect(report.repository.name).toBe(name);
    expect(report.source).toEqual({ url });
    expect(report.cache).toBe('cold');

    const copy = path.join(cacheDir, 'repos', `127.0.0.1_${daemon.port}`, `${name}.git`);
    expect(git(copy, ['rev-parse', '--is-bare-repository'])).toBe('true');
    expect(git(copy, ['config', '--get', 'remote.origin.url'])).toBe(url);
    // Every branch, mirrored; HEAD is the remote's default branch.
    expect(git(copy, ['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/api\nrefs/heads/main');
    expect(git(copy, ['symbolic-ref', 'HEAD'])).toBe('refs/heads/main');
    // No clone in progress is left behind, and the lock is given back.
    expect(readdirSync(path.join(cacheDir, 'repos', '.incoming'))).toEqual([]);
    expect(existsSync(`${copy}.lock`)).toBe(false);

    // The same report as the local repository's, field for field, but for `source` and `cache`.
    const local = runJson([repo.dir, '--no-cache']).report;
    const { source: _source, cache: _cache, ...remote } = report;
    const { cache: _localCache, ...rest } = local;
    expect(remote).toEqual(rest);
  });

  it('fetches on the next run (extending the cached analysis); --no-fetch keeps the copy as it is', () => {
    const { repo, url, cacheDir } = servedTeam();
    const first = runJson([url, '--cache-dir', cacheDir]).report;
    const pushed = commitUpstream(repo, 'lib/new.js', '2020-02-01T12:00:00Z');
    const second = runJson([url, '--cache-dir', cacheDir]).report;
    expect(second.head).toBe(pushed);
    expect(second.head).not.toBe(first.head);
    expect(second.cache).toBe('extended');
    // Erin's new file is the eighth counted file, and hers alone.
    expect(second.totals.files).toBe(first.totals.files + 1);
    expect(second.files.find((file) => file.path === 'lib/new.js')?.authors).toEqual([second.people.find((person) => person.name === ERIN.name)?.id]);

    const later = commitUpstream(repo, 'lib/later.js', '2020-02-02T12:00:00Z');
    const offline = runJson([url, '--cache-dir', cacheDir, '--no-fetch']).report;
    expect(offline.head).toBe(pushed);
    expect(offline.cache).toBe('hit');
    expect(runJson([url, '--cache-dir', cacheDir]).report.head).toBe(later);
  });

  it('follows the remote default branch, and prunes branches and tags the remote deleted', () => {
    const { repo, url, cacheDir, name } = servedTeam();
    repo.git(['tag', 'v1.0.0']);
    expect(runJson([url, '--cache-dir', cacheDir]).report.head).toBe(repo.rev('main'));
    const copy = path.join(cacheDir, 'repos', `127.0.0.1_${daemon.port}`, `${name}.git`);
    expect(git(copy, ['tag'])).toBe('v1.0.0');

    // The remote's HEAD moves to `api`; `main` and the tag go.
    repo.git(['checkout', '-q', 'api']);
    repo.git(['branch', '-q', '-D', 'main']);
    repo.git(['tag', '-d', 'v1.0.0']);
    const report = runJson([url, '--cache-dir', cacheDir]).report;
    expect(report.head).toBe(repo.rev('api'));
    expect(git(copy, ['symbolic-ref', 'HEAD'])).toBe('refs/heads/api');
    expect(git(copy, ['for-each-ref', '--format=%(refname)'])).toBe('refs/heads/api');
    // The api branch alone: Alice's lib/core.js, lib/util.js, lib/io.js and lib/old.js (deleted,
    // and edited by Carol, on main only) and Bob's api/server.js, api/router.js, api/auth.js:
    // 7/7 → −Alice 3/7 = 0.43 < 0.5 → bus factor 1, Alice.
    expect(report.busFactor).toBe(1);
    expect(report.keyPeople.map((person) => person.name)).toEqual([ALICE.name]);

    // A new clone of a repository whose default branch is not main gets it too.
    const fresh = runJson([url, '--cache-dir', path.join(tempDir(), 'cache')]).report;
    expect(fresh.head).toBe(repo.rev('api'));
  });

  it('a file:// URL works the same way', () => {
    const { repo, cacheDir, name } = servedTeam();
    const url = `file://${repo.dir}`;
    const { report } = runJson([url, '--cache-dir', cacheDir]);
    expect(report.busFactor).toBe(2);
    expect(report.source).toEqual({ url });
    expect(existsSync(path.join(cacheDir, 'repos', 'localhost', ...repo.dir.split('/').filter(Boolean).slice(0, -1), `${name}.git`))).toBe(true);
  });

  it('every analysing command takes a URL', () => {
    const { repo, url, cacheDir } = servedTeam();
    const head = repo.rev('main');
    const scan = runCli([url, '--json', '--cache-dir', cacheDir]);
    expect(scan.code, scan.stderr).toBe(0);
    expect((JSON.parse(scan.stdout) as Report).head).toBe(head);
    // check: --min 2 passes (bus factor 2), --min 3 is a breach.
    expect(runCli(['check', url, '--min', '2', '--cache-dir', cacheDir]).code).toBe(0);
    const breach = runCli(['check', url, '--min', '3', '--cache-dir', cacheDir, '--json']);
    expect(breach.code, breach.stderr).toBe(1);
    expect((JSON.parse(breach.stdout) as { head: string }).head).toBe(head);
    const reportJson = runCli(['report', url, '--format', 'json', '--cache-dir', cacheDir]);
    expect(reportJson.code, reportJson.stderr).toBe(0);
    expect((JSON.parse(reportJson.stdout) as Report).source).toEqual({ url });
    const trend = runCli(['trend', url, '--json', '--points', '3', '--cache-dir', cacheDir]);
    expect(trend.code, trend.stderr).toBe(0);
    const trendJson = JSON.parse(trend.stdout) as { source: unknown; points: { commit: string; busFactor: number }[] };
    expect(trendJson.source).toEqual({ url });
    expect(trendJson.points.at(-1)).toMatchObject({ commit: head, busFactor: 2 });
    const people = runCli(['people', url, '--json', '--cache-dir', cacheDir]);
    expect(people.code, people.stderr).toBe(0);
    const peopleJson = JSON.parse(people.stdout) as { source: unknown; people: { name: string }[] };
    expect(peopleJson.source).toEqual({ url });
    expect(peopleJson.people.map((person) => person.name).sort()).toEqual(['Alice Archer', 'Bob Baker', 'Carol Chen']);
    // The text outputs say it too.
    expect(runCli([url, '--no-tui', '--cache-dir', cacheDir]).stdout.split('\n')[1]).toBe(`from ${url}`);
    // --no-fetch is an option of each of them.
    for (const command of ['scan', 'check', 'report', 'trend', 'people']) {
      expect(runCli([command, '--help']).stdout, command).toContain('--no-fetch');
    }
  });

  it('--no-fetch without a copy is exit 2 with one line', () => {
    const { url, cacheDir } = servedTeam();
    const result = runCli([url, '--no-fetch', '--cache-dir', cacheDir]);
    expect(result.code).toBe(2);
    expect(oneErrorLine(result.stderr)).toMatch(/^busfactor: error: --no-fetch: there is no copy of git:\/\/127\.0\.0\.1:\d+\/\S+ yet in /);
  });

  it('a repository the server does not have is exit 2 with one line, and leaves no copy', () => {
    const cacheDir = path.join(tempDir(), 'cache');
    const result = runCli([daemon.url('no-such-repository'), '--cache-dir', cacheDir]);
    expect(result.code).toBe(2);
    expect(oneErrorLine(result.stderr)).toBe(
      `busfactor: error: cannot clone ${daemon.url('no-such-repository')}: repository not found (or no access to it) (git: remote error: access denied or repository not exported: /no-such-repository)`,
    );
    // No copy, no clone in progress, no empty folder.
    expect(readdirSync(path.join(cacheDir, 'repos'))).toEqual(['.incoming']);
    expect(readdirSync(path.join(cacheDir, 'repos', '.incoming'))).toEqual([]);
  });

  it('a closed port is exit 2: connection refused', async () => {
    const port = await freePort();
    const result = runCli([`git://127.0.0.1:${port}/x.git`, '--cache-dir', path.join(tempDir(), 'cache')]);
    expect(result.code).toBe(2);
    expect(oneErrorLine(result.stderr)).toMatch(new RegExp(`^busfactor: error: cannot clone git://127\\.0\\.0\\.1:${port}/x\\.git: connection refused`));
  });

  it('a fetch that fails names --no-fetch', () => {
    const { repo, url, cacheDir } = servedTeam();
    runJson([url, '--cache-dir', cacheDir]);
    repo.remove();
    const result = runCli([url, '--cache-dir', cacheDir]);
    expect(result.code).toBe(2);
    expect(oneErrorLine(result.stderr)).toMatch(/^busfactor: error: cannot fetch git:\/\/\S+: repository not found .*--no-fetch analyses the copy as it was last fetched/);
    // The copy is still there, as it was.
    expect(runJson([url, '--cache-dir', cacheDir, '--no-fetch']).report.busFactor).toBe(2);
  });

  it('a server that accepts the connection and never answers ends the run with one line', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      // BUSFACTOR_STALL_SECONDS=1: a transfer may sit idle for 4 s.
      const result = await runCliAsync([`git://127.0.0.1:${port}/x.git`, '--cache-dir', path.join(tempDir(), 'cache')], { env: { BUSFACTOR_STALL_SECONDS: '1' } });
      expect(result.code).toBe(2);
      expect(oneErrorLine(result.stderr)).toMatch(/cannot clone git:\/\/127\.0\.0\.1:\d+\/x\.git: the server stopped answering \(git: no data for 4 s/);
    } finally {
      silent.close();
    }
  });

  it('ext::, fd:: and other transports are refused before git runs', () => {
    const cacheDir = path.join(tempDir(), 'cache');
    const marker = path.join(tempDir(), 'ran');
    for (const url of [`ext::sh -c touch% ${marker}`, `ext::sh -c "touch ${marker}"`, 'fd::3', `ftp://127.0.0.1/x.git`, `rsync://127.0.0.1/x`, `persistent-https::https://127.0.0.1/x`]) {
      const result = runCli([url, '--cache-dir', cacheDir]);
      expect(result.code, url).toBe(2);
      expect(oneErrorLine(result.stderr), url).toMatch(/^busfactor: error: (the transport \S+:: is refused|unsupported URL scheme)/);
    }
    expect(existsSync(marker)).toBe(false);
    // Refused before anything was made: not even the copies' folder.
    expect(existsSync(path.join(cacheDir, 'repos'))).toBe(false);
  });

  it('a URL with a hostile path keeps its copy inside <cache>/repos', () => {
    const cacheDir = path.join(tempDir(), 'cache');
    const outside = path.join(cacheDir, 'escaped');
    for (const url of [daemon.url('../../escaped'), daemon.url('%2e%2e/%2e%2e/escaped'), `${daemon.url('a')}/../../../escaped`]) {
      const result = runCli([url, '--cache-dir', cacheDir]);
      expect(result.code, url).toBe(2);
      expect(existsSync(outside), url).toBe(false);
      expect(existsSync(`${outside}.git`), url).toBe(false);
      expect(existsSync(path.join(cacheDir, 'repos', 'escaped.git')), url).toBe(false);
    }
    // The failed clones left nothing below repos/ (what such paths would become: test/remote/copy-path.test.ts).
    expect(readdirSync(path.join(cacheDir, 'repos'))).toEqual(['.incoming']);
  });

  it('two runs at once on one URL both succeed, with one copy', async () => {
    const { repo, url, cacheDir, name } = servedTeam();
    const [one, two] = await Promise.all([runCliAsync([url, '--json', '--cache-dir', cacheDir]), runCliAsync([url, '--json', '--cache-dir', cacheDir])]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect((JSON.parse(one.stdout) as Report).head).toBe(repo.rev('main'));
    expect((JSON.parse(two.stdout) as Report).head).toBe(repo.rev('main'));
    expect(readdirSync(path.join(cacheDir, 'repos', `127.0.0.1_${daemon.port}`))).toEqual([`${name}.git`]);
    expect(readdirSync(path.join(cacheDir, 'repos', '.incoming'))).toEqual([]);
  });

  it('a lock left by a process that is gone is taken over; one held by a live process is waited for', async () => {
    const { url, cacheDir, name } = servedTeam();
    const hostDir = path.join(cacheDir, 'repos', `127.0.0.1_${daemon.port}`);
    mkdirSync(hostDir, { recursive: true, mode: 0o700 });
    const lock = path.join(hostDir, `${name}.git.lock`);
    // A pid no process has (above the kernel's pid_max), on this machine.
    writeFileSync(lock, `4194999 ${(await import('node:os')).hostname()} dead\n`);
    const taken = runCli([url, '--json', '--cache-dir', cacheDir]);
    expect(taken.code, taken.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);

    // This test's own process holds it for a second: the CLI waits, then fetches.
    writeFileSync(lock, `${process.pid} ${(await import('node:os')).hostname()} alive\n`);
    const started = Date.now();
    const waiting = runCliAsync([url, '--json', '--cache-dir', cacheDir]);
    setTimeout(() => execFileSync('rm', ['-f', lock]), 1000);
    const result = await waiting;
    expect(result.code, result.stderr).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('cache info lists the copies with their URLs; cache clear removes them', () => {
    const { url, cacheDir, name } = servedTeam();
    runJson([url, '--cache-dir', cacheDir]);
    const info = runCli(['cache', 'info', '--json', '--cache-dir', cacheDir]);
    expect(info.code, info.stderr).toBe(0);
    const copies = (JSON.parse(info.stdout) as { copies: { url: string; path: string; bytes: number }[] }).copies;
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ url, path: path.join(cacheDir, 'repos', `127.0.0.1_${daemon.port}`, `${name}.git`) });
    expect(copies[0]?.bytes).toBeGreaterThan(1000);
    expect(runCli(['cache', 'info', '--cache-dir', cacheDir]).stdout).toContain(`1 copy of remote repositories`);

    const cleared = runCli(['cache', 'clear', '--cache-dir', cacheDir]);
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(cleared.stdout).toMatch(/and 1 copy of remote repositories/);
    expect(existsSync(copies[0]?.path as string)).toBe(false);
    expect(runCli([url, '--no-fetch', '--cache-dir', cacheDir]).code).toBe(2);
  });

  it('without git on PATH, a URL is exit 2 with one line saying git is needed', () => {
    const { url, cacheDir } = servedTeam();
    const result = runCli([url, '--cache-dir', cacheDir], { env: { PATH: '/nonexistent' } });
    expect(result.code).toBe(2);
    expect(oneErrorLine(result.stderr)).toMatch(/^busfactor: error: git is required for remote repositories, and it is not installed or not on PATH/);
  });
});
