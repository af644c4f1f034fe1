/**
 * One run of the built CLI for the batteries (lines-battery.mjs, cache-battery.mjs): resolves with
 * its exit code, signal, seconds and both outputs; killed (SIGKILL) after `timeoutSeconds`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'busfactor.js');

export function runCliOnce(args, timeoutSeconds, env = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const out = [];
    let err = '';
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout: Buffer.concat(out).toString('utf8'), stderr: err });
    });
  });
}
