import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import type { Report } from '../../src/report/report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(root, 'bin', 'busfactor.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (dist/, made by `npm test`'s build step) like a user would, without a TTY. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? root,
    env: isolatedGitEnv({ NO_COLOR: '', FORCE_COLOR: '0', ...options.env }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI with --json and parses the report. */
export function runJson(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): { result: CliResult; report: Report } {
  const result = runCli([...args, '--json'], options);
  if (result.code !== 0) throw new Error(`busfactor exited ${result.code}: ${result.stderr}`);
  return { result, report: JSON.parse(result.stdout) as Report };
}

/**
 * {@link runCli} without blocking this process: for tests whose own server (an HTTP git server, a
 * second run to race) must answer while the CLI runs. Killed after 60 s, as runCli.
 */
export function runCliAsync(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? root, env: isolatedGitEnv({ NO_COLOR: '', FORCE_COLOR: '0', ...options.env }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
