import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import type { Report } from '../../src/report/report.js';
import { CLI } from '../helpers/run-cli.js';
import { buildOrgFolder, type OrgFolder } from './org-folder.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built CLI, started now; `onStart` gets the process (to signal it). */
function start(args: readonly string[], env: Record<string, string> = {}, onStart?: (pid: number) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: root, env: isolatedGitEnv({ NO_COLOR: '', FORCE_COLOR: '0', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (child.pid !== undefined) onStart?.(child.pid);
  });
}

/** Processes (ours) whose environment holds `marker`: the org run, its workers, their git processes. */
function processesWith(marker: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (!readFileSync(`/proc/${name}/environ`, 'latin1').includes(marker)) continue;
      found.push({ pid: Number(name), command: readFileSync(`/proc/${name}/cmdline`, 'latin1').replaceAll('\0', ' ') });
    } catch {
      // Gone, or not ours.
    }
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let folder: OrgFolder;
let work: string;
/** A folder holding two copies of one long history (line ownership replays every commit: a few seconds each). */
let long: string;
beforeAll(() => {
  folder = buildOrgFolder({ broken: false });
  work = mkdtempSync(path.join(tmpdir(), 'busfactor-org-concurrency-'));
  long = path.join(work, 'long');
  const generated = spawnSync(process.execPath, [path.join(root, 'scripts', 'synthetic-history.mjs'), path.join(long, 'one'), '--commits', '6000', '--seed', '5', '--files', '2000'], { env: isolatedGitEnv(), encoding: 'utf8' });
  expect(generated.status).toBe(0);
  cpSync(path.join(long, 'one'), path.join(long, 'two'), { recursive: true });
});
afterAll(() => {
  folder.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('org runs side by side', () => {
  it('two org runs at once share one cache folder safely; a third finds every analysis cached', async () => {
    const cache = path.join(work, 'cache');
    const args = ['org', folder.dir, '--cache-dir', cache, '--jobs', '2', '--json'];
    const [a, b] = await Promise.all([start(args), start(args)]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    // No warning that a cache file was damaged or could not be written.
    expect(a.stderr + b.stderr).toBe('');
    const out = path.join(work, 'cached-out');
    const third = await start([...args, '--out', out]);
    expect(third.stdout).toBe(a.stdout);
    for (const file of readdirSync(out)) expect((JSON.parse(readFileSync(path.join(out, file), 'utf8')) as Report).cache).toBe('hit');
    expect(readdirSync(out).sort()).toEqual(['billing.json', 'team.json', 'tools.json']);
  });
});

describe('cancelling an org run', () => {
  it('Ctrl-C stops every worker and its git processes, and writes nothing more', async () => {
    const marker = `BUSFACTOR_ORG_TEST_${randomUUID()}`;
    const out = path.join(work, 'cancelled-out');
    let parent = 0;
    const run = start(['org', long, '--lines', '--no-cache', '--jobs', '2', '--out', out, '--json'], { BUSFACTOR_TEST_MARK: marker }, (pid) => (parent = pid));
    // Wait until both workers run (and have started git).
    const deadline = Date.now() + 20_000;
    while (processesWith(marker).filter((entry) => entry.command.includes('analysis-worker.js')).length < 2 && Date.now() < deadline) await sleep(50);
    expect(processesWith(marker).filter((entry) => entry.command.includes('analysis-worker.js'))).toHaveLength(2);
    await sleep(300);
    const signalled = Date.now();
    process.kill(parent, 'SIGINT');
    const result = await run;
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('busfactor: interrupted\n');
    expect(Date.now() - signalled).toBeLessThan(3000);
    // Nothing is left running: no worker, no git.
    const stopDeadline = Date.now() + 3000;
    while (processesWith(marker).length > 0 && Date.now() < stopDeadline) await sleep(50);
    expect(processesWith(marker)).toEqual([]);
    // Neither analysis finished: nothing was written.
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe('a worker that runs out of memory', () => {
  it('fails its repository alone: the others are analysed, the run exits 0', async () => {
    // A 16 MB heap for every process: the org run and team's analysis fit in it, the line replay of
    // 6000 commits does not. NODE_OPTIONS reaches the workers as it reaches any node process.
    const result = await start(['org', folder.team, path.join(long, 'one'), '--lines', '--no-cache', '--json', '-q'], { NODE_OPTIONS: '--max-old-space-size=16' });
    expect(result.code).toBe(0);
    const view = JSON.parse(result.stdout) as { repositories: { name: string; busFactor: number }[]; failures: unknown[] };
    // team's figures as ever (TEAM_HISTORY: bus factor 2).
    expect(view.repositories).toMatchObject([{ name: 'team', busFactor: 2 }]);
    expect(view.failures).toEqual([{ repository: 'one', source: path.join(long, 'one'), error: 'the analysis ran out of memory (its worker process was ended; the other repositories are not affected)' }]);
  });
});
