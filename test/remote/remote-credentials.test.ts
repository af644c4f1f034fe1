import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRepo, isolatedGitEnv, type BuiltRepo } from '../../fixtures/build-repo.js';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server.js';
import { runCli, runCliAsync } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import type { Report } from '../../src/report/report.js';

const tempDir = useTempDirs('busfactor-remote-credentials-');
const TOKEN = 's3cr3t-T0KEN-4711';
// Not a name of the fixtures' people (alice@example.com is in every report).
const USER = 'reader';

const servers: GitHttpServer[] = [];
const repos: BuiltRepo[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  for (const repo of repos.splice(0)) repo.remove();
});

/** Every file below a folder, with its bytes: no secret may be in any of them. */
function filesBelow(dir: string): { file: string; bytes: Buffer }[] {
  const found: { file: string; bytes: Buffer }[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      const info = statSync(full);
      if (info.isDirectory()) walk(full);
      else found.push({ file: full, bytes: readFileSync(full) });
    }
  };
  walk(dir);
  return found;
}

function served(): { root: string; name: string; repo: BuiltRepo } {
  const root = tempDir();
  const repo = buildRepo(TEAM_HISTORY, { parent: root });
  repos.push(repo);
  return { root, name: path.basename(repo.dir), repo };
}

function expectNoSecret(text: string): void {
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(encodeURIComponent(TOKEN));
}

/**
 * A URL's user name and password (docs/remote.md#credentials) go to git through busfactor's own
 * credential helper: the clone works, and the secret is in no output, no file of the cache folder,
 * and not in the copy's config.
 */
describe('a URL with credentials over http', () => {
  it('authenticates with them, and keeps them out of every output and every file', async () => {
    const { root, name, repo } = served();
    const server = await startGitHttpServer(root, { credentials: `${USER}:${TOKEN}` });
    servers.push(server);
    const cacheDir = path.join(tempDir(), 'cache');
    const url = server.url(name, `${USER}:${TOKEN}`);
    // Async: the server answers in this process while the CLI runs.
    const result = await runCliAsync([url, '--json', '--cache-dir', cacheDir]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    // TEAM_HISTORY (fixtures/histories.ts): bus factor 2, Bob then Carol.
    expect(report.busFactor).toBe(2);
    expect(report.keyPeople.map((person) => person.name)).toEqual(['Bob Baker', 'Carol Chen']);
    expect(report.head).toBe(repo.rev('main'));
    expect(report.source).toEqual({ url: `http://127.0.0.1:${server.port}/${name}` });
    // The server was asked with the URL's user name and password: the helper gave them.
    expect(server.seen.some((request) => request.authorization === `Basic ${Buffer.from(`${USER}:${TOKEN}`).toString('base64')}`)).toBe(true);
    // Sent over plain http: said, without the secret.
    const warning = report.warnings.find((entry) => entry.code === 'unencrypted-credentials');
    expect(warning?.message).toContain(`http://127.0.0.1:${server.port}/${name}`);
    expectNoSecret(result.stdout);
    expectNoSecret(result.stderr);
    expect(result.stdout).not.toContain(`${USER}@`);

    const copy = path.join(cacheDir, 'repos', `127.0.0.1_${server.port}`, `${name}.git`);
    const originUrl = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: copy, env: isolatedGitEnv(), encoding: 'utf8' }).trim();
    expect(originUrl).toBe(`http://127.0.0.1:${server.port}/${name}`);
    const files = filesBelow(cacheDir);
    expect(files.length).toBeGreaterThan(5);
    for (const { file, bytes } of files) {
      expect(bytes.includes(TOKEN), file).toBe(false);
      expect(file).not.toContain(TOKEN);
    }

    // A fetch (second run) and `cache info` keep them out too.
    const again = await runCliAsync([url, '--json', '--cache-dir', cacheDir]);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as Report).cache).toBe('hit');
    expectNoSecret(again.stdout + again.stderr);
    const info = runCli(['cache', 'info', '--cache-dir', cacheDir]);
    expect(info.code).toBe(0);
    expect(info.stdout).toContain(`http://127.0.0.1:${server.port}/${name}`);
    expectNoSecret(info.stdout + info.stderr);
    for (const { bytes, file } of filesBelow(cacheDir)) expect(bytes.includes(TOKEN), file).toBe(false);
  });

  it('a wrong password is exit 2 with one line, naming no secret', async () => {
    const { root, name } = served();
    const server = await startGitHttpServer(root, { credentials: `${USER}:${TOKEN}` });
    servers.push(server);
    const cacheDir = path.join(tempDir(), 'cache');
    const result = await runCliAsync([server.url(name, `${USER}:wrong-${TOKEN}`), '--cache-dir', cacheDir]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^busfactor: error: cannot clone http:\/\/127\.0\.0\.1:\d+\/\S+: authentication needed \(or refused\)/);
    expectNoSecret(result.stderr);
    // Nothing is left that a later run would take for a copy.
    expect(readdirSync(path.join(cacheDir, 'repos'))).toEqual(['.incoming']);
  });

  it('no credentials for a private repository: exit 2, authentication needed, and nothing prompts', async () => {
    const { root, name } = served();
    const server = await startGitHttpServer(root, { credentials: `${USER}:${TOKEN}` });
    servers.push(server);
    const result = await runCliAsync([server.url(name), '--cache-dir', path.join(tempDir(), 'cache')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/authentication needed \(or refused\) \(git: could not read Username/);
  });

  it('a redirect to another host gets no credentials', async () => {
    const { root, name } = served();
    // 127.0.0.2 is another loopback address: another host as far as git is concerned.
    const target = await startGitHttpServer(root, { credentials: `${USER}:${TOKEN}`, host: '127.0.0.2' });
    servers.push(target);
    const front = await startGitHttpServer(root, { redirectTo: `http://127.0.0.2:${target.port}` });
    servers.push(front);
    const result = await runCliAsync([front.url(name, `${USER}:${TOKEN}`), '--cache-dir', path.join(tempDir(), 'cache')]);
    // git followed the first redirect (http.followRedirects=initial), the other host asked for a
    // password, and the helper gave none: it answers for the URL's own host only.
    expect(target.seen.length).toBeGreaterThan(0);
    expect(target.seen.every((request) => request.authorization === undefined)).toBe(true);
    expect(front.seen.every((request) => request.authorization === undefined)).toBe(true);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/authentication needed/);
    expectNoSecret(result.stderr);
  });

  it('a repository the http server does not have is exit 2: not found', async () => {
    const { root } = served();
    const server = await startGitHttpServer(root);
    servers.push(server);
    const result = await runCliAsync([server.url('no-such-repository.git'), '--cache-dir', path.join(tempDir(), 'cache')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^busfactor: error: cannot clone http:\/\/127\.0\.0\.1:\d+\/no-such-repository\.git: repository not found \(or no access to it\)/);
  });

  it('file:// and git:// URLs take no credentials: refused before git runs, without echoing them', () => {
    for (const url of [`file://${USER}:${TOKEN}@localhost/tmp/x`, `git://${USER}:${TOKEN}@127.0.0.1/x`, `ssh://${USER}:${TOKEN}@127.0.0.1/x`, `${USER}:${TOKEN}@127.0.0.1:x`]) {
      const result = runCli([url, '--cache-dir', path.join(tempDir(), 'cache')]);
      expect(result.code, url).toBe(2);
      expect(result.stderr.trimEnd().split('\n'), url).toHaveLength(1);
      expect(result.stderr, url).toMatch(/takes no (user name or )?password/);
      expectNoSecret(result.stderr);
    }
  });
});
