#!/usr/bin/env node
// Benchmark: `busfactor trend --points 12 --json` against one `busfactor scan --json --no-tui`
// and git's own `git log --name-status -M` over the same history, alternating in the same run.
// Prints wall times, peak memory (node and git together, sampled from /proc) and the ratios. The
// trend is one history pass plus, per point, the point's tree and an in-memory replay
// (docs/trend.md): the acceptance bar is trend ≤ 2× scan on git/git.
//
//   node scripts/bench-trend.mjs <repo> [--rev <commit>] [--runs <n>] [--points <n>]
//
// Works on bare mirrors without a config file (git needs only HEAD, objects and refs).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { treeRss } from '../bench/tree-rss.mjs';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const options = { repo: undefined, rev: 'HEAD', runs: 2, points: 12 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--rev') options.rev = argv[++i];
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--points') options.points = Number(argv[++i]);
    else if (!arg.startsWith('-')) options.repo = arg;
    else throw new Error(`unknown option ${arg}`);
  }
  if (!options.repo) throw new Error('usage: node scripts/bench-trend.mjs <repo> [--rev <commit>] [--runs <n>] [--points <n>]');
  return options;
}

/** GNU time, when installed: CPU seconds of the whole process tree, which a busy machine distorts less than wall time. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs a command, stdout discarded (or kept); returns wall seconds, CPU seconds (user + system,
 * the process and every child it waited for; NaN without GNU time), peak tree memory, exit code, stderr.
 */
function measure(command, args, cwd, keepStdout = false) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const cpuFile = GNU_TIME ? path.join(tmpdir(), `bench-trend-${process.pid}-${Date.now()}.cpu`) : undefined;
    const [program, argv] = GNU_TIME ? [GNU_TIME, ['-o', cpuFile, '-f', '%U %S', command, ...args]] : [command, args];
    const child = spawn(program, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    let stderr = '';
    const kept = [];
    const timer = setInterval(() => {
      peak = Math.max(peak, treeRss(child.pid));
    }, 25);
    child.stdout.on('data', (chunk) => {
      if (keepStdout) kept.push(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => {
      clearInterval(timer);
      let cpu = Number.NaN;
      if (cpuFile) {
        // The last line: GNU time puts "Command exited with non-zero status" lines before it.
        const [user, system] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        cpu = user + system;
        rmSync(cpuFile, { force: true });
      }
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, cpu, peak, code, stderr, stdout: Buffer.concat(kept).toString('utf8') });
    });
  });
}

const mb = (bytes) => `${Math.round(bytes / 1e6)} MB`;
const best = (list) => Math.min(...list);

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const repo = path.resolve(options.repo);
  const cli = path.join(root, 'bin', 'busfactor.js');
  const rows = [];
  let trendJson;
  for (let run = 1; run <= options.runs; run += 1) {
    // -M without a limit, as the scan runs it (the tool pins diff.renameLimit=999999 too).
    const git = await measure('git', ['-c', 'diff.renameLimit=999999', 'log', '--name-status', '-z', '-M', '--format=%x01%H', options.rev, '--'], repo);
    const scan = await measure(process.execPath, [cli, 'scan', repo, '--rev', options.rev, '--json', '--no-tui', '--quiet'], root);
    const trend = await measure(process.execPath, [cli, 'trend', repo, '--rev', options.rev, '--points', String(options.points), '--json', '--quiet'], root, true);
    for (const [name, result] of [['scan', scan], ['trend', trend]]) if (result.code !== 0) throw new Error(`busfactor ${name} failed: ${result.stderr}`);
    trendJson = JSON.parse(trend.stdout);
    rows.push({ git, scan, trend });
    const cpu = (result) => (Number.isNaN(result.cpu) ? '' : ` (cpu ${result.cpu.toFixed(2)} s)`);
    console.log(
      `run ${run}: git log ${git.seconds.toFixed(2)} s${cpu(git)} · scan ${scan.seconds.toFixed(2)} s${cpu(scan)}, peak ${mb(scan.peak)} · ` +
        `trend ${trend.seconds.toFixed(2)} s${cpu(trend)}, peak ${mb(trend.peak)}`,
    );
  }
  const git = best(rows.map((r) => r.git.seconds));
  const scan = best(rows.map((r) => r.scan.seconds));
  const trend = best(rows.map((r) => r.trend.seconds));
  const name = path.basename(repo) === 'repo' ? path.basename(path.dirname(repo)) : path.basename(repo);
  console.log(
    `${name} @ ${trendJson.head.slice(0, 12)}, ${trendJson.points.length} points: trend ${trend.toFixed(2)} s · scan ${scan.toFixed(2)} s · git log ${git.toFixed(2)} s → ` +
      `trend/scan ${(trend / scan).toFixed(2)}×, trend/git log ${(trend / git).toFixed(2)}×, scan/git log ${(scan / git).toFixed(2)}× (best of ${options.runs}); ` +
      `peak memory trend ${mb(Math.max(...rows.map((r) => r.trend.peak)))}, scan ${mb(Math.max(...rows.map((r) => r.scan.peak)))}`,
  );
  if (GNU_TIME) {
    const cpuOf = (key) => best(rows.map((r) => r[key].cpu));
    console.log(`cpu time (best of ${options.runs}): trend ${cpuOf('trend').toFixed(2)} s · scan ${cpuOf('scan').toFixed(2)} s · git log ${cpuOf('git').toFixed(2)} s → trend/scan ${(cpuOf('trend') / cpuOf('scan')).toFixed(2)}×`);
  }
}

main().catch((error) => {
  console.error(`bench-trend: ${error.message}`);
  process.exitCode = 2;
});
