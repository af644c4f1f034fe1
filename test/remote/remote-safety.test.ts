import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import { buildHostileRepo, createMarkers, fingerprintGitDir } from '../../fixtures/hostile-repos.js';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { buildRepo } from '../../fixtures/build-repo.js';
import { startGitDaemon } from '../helpers/git-daemon.js';
import { startGitHttpServer } from '../helpers/git-http-server.js';
import { runCli, runCliAsync } from '../helpers/run-cli.js';

/**
 * docs/safety.md#remote-repositories: neither the remote nor anything on the user's side that a
 * transfer could start (hooks, prompts, askpass programs) runs during a clone or fetch; the user's
 * own credential helper is honoured unless the URL brings credentials of its own.
 */
const parent = mkdtempSync(path.join(tmpdir(), 'busfactor-remote-safety-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('a hostile remote', () => {
  it('runs nothing of its config or hooks, over file:// and git://, and is not written to', async () => {
    const served = path.join(parent, 'served');
    mkdirSync(served);
    const { repo, markers, gitDir } = buildHostileRepo(served);
    const before = fingerprintGitDir(gitDir);
    const daemon = await startGitDaemon(served);
    try {
      for (const url of [`file://${repo.dir}`, daemon.url(path.basename(repo.dir))]) {
        const cacheDir = path.join(parent, `cache-${readdirSync(parent).length}`);
        // A clone, a fetch, and the analysis routes on the copy (line ownership runs every subcommand).
        for (const args of [['--json'], ['--lines', '--json'], ['--no-tui']]) {
          const result = await runCliAsync([url, ...args, '--cache-dir', cacheDir]);
          expect({ url, args, code: result.code }).toEqual({ url, args, code: 0 });
        }
        // The copy got none of the remote's config, hooks or attributes.
        const copy = readdirSync(path.join(cacheDir, 'repos'), { recursive: true, withFileTypes: true }).find((entry) => entry.isDirectory() && entry.name.endsWith('.git'));
        const copyDir = path.join(copy?.parentPath ?? '', copy?.name ?? '');
        expect(execFileSync('git', ['config', '--list', '--local'], { cwd: copyDir, env: isolatedGitEnv(), encoding: 'utf8' })).not.toMatch(/evil|markers/);
        expect(existsSync(path.join(copyDir, 'info', 'attributes'))).toBe(false);
      }
    } finally {
      await daemon.stop();
    }
    expect(markers.fired()).toEqual([]);
    expect(fingerprintGitDir(gitDir)).toBe(before);
  });
});

describe("the user's side of a transfer", () => {
  it("runs no hook, template or prompt program, and honours the user's credential helper only when the URL has no credentials", async () => {
    const markers = createMarkers(path.join(parent, 'user'));
    const hooks = path.join(parent, 'user', 'hooks');
    const template = path.join(parent, 'user', 'template');
    mkdirSync(path.join(template, 'hooks'), { recursive: true });
    mkdirSync(hooks, { recursive: true });
    for (const hook of ['reference-transaction', 'post-checkout', 'post-merge', 'pre-auto-gc', 'post-index-change']) {
      writeFileSync(path.join(hooks, hook), `#!/bin/sh\n'${markers.program(`hook-${hook}`)}'\n`, { mode: 0o755 });
      writeFileSync(path.join(template, 'hooks', hook), `#!/bin/sh\n'${markers.program(`template-${hook}`)}'\n`, { mode: 0o755 });
    }
    const globalConfig = path.join(parent, 'user', 'gitconfig');
    for (const [key, value] of [
      ['core.hooksPath', hooks],
      ['init.templateDir', template],
      ['core.askPass', markers.program('core-askpass')],
      ['core.fsmonitor', markers.program('core-fsmonitor')],
      ['credential.helper', markers.program('credential-helper')],
    ] as const) {
      execFileSync('git', ['config', '--file', globalConfig, '--add', key, value], { env: isolatedGitEnv() });
    }
    const env = { GIT_CONFIG_GLOBAL: globalConfig, GIT_ASKPASS: markers.program('git-askpass'), SSH_ASKPASS: markers.program('ssh-askpass'), DISPLAY: ':0' };

    const served = path.join(parent, 'private');
    mkdirSync(served);
    const repo = buildRepo(TEAM_HISTORY, { parent: served });
    const server = await startGitHttpServer(served, { credentials: 'reader:s3cret' });
    try {
      const name = path.basename(repo.dir);
      // The URL's credentials: the user's helper is cleared (it would store them), nothing prompts.
      const cacheDir = path.join(parent, 'user-cache');
      for (let run = 0; run < 2; run += 1) {
        const result = await runCliAsync([server.url(name, 'reader:s3cret'), '--json', '--cache-dir', cacheDir], { env });
        expect(result.code, result.stderr).toBe(0);
      }
      const copy = path.join(cacheDir, 'repos', `127.0.0.1_${server.port}`, `${name}.git`);
      // No hook was copied from the template, and none ran.
      expect(existsSync(path.join(copy, 'hooks', 'reference-transaction'))).toBe(false);
      expect(markers.fired()).toEqual([]);

      // No credentials in the URL: the user's own helper is asked (it answers nothing here), no
      // askpass program or terminal prompt, and the run ends with one line.
      const result = await runCliAsync([server.url(name), '--cache-dir', path.join(parent, 'user-cache-2')], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/authentication needed/);
      expect(markers.fired()).toEqual(['credential-helper']);
    } finally {
      await server.stop();
    }
    expect(runCli(['--version']).code).toBe(0);
  });
});
