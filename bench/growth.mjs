#!/usr/bin/env node
// How cost grows with history (issue 14): synthetic histories of rising length
// (scripts/synthetic-history.mjs), each measured with the built CLI, once without and once with
// --lines, against `git log --name-status -M` over the same history in the same run.
//
//   npm run growth -- [--sizes 100000,300000,1000000] [--work /tmp/growth] [--seed 1]
//                     [--timeout 1800] [--no-lines] [--out results.json]
//   npm run growth -- --from a.json,b.json     # the tables again, from the --out of earlier runs
//
// A repository already in --work with the same parameters (git config synthetic.params) is
// reused. Every run gets --timeout seconds; one that takes longer is killed with its git children
// and reported as "timed out after X s". Peak memory is the sum of the resident memory of node and
// all its git children, sampled from /proc every 100 ms (bench/tree-rss.mjs); with /usr/bin/time
// the largest single process and the CPU time of the whole tree are reported too. Timings are
// those of one run on whatever else the machine is doing: compare rows of the same run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { treeRss } from './tree-rss.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'busfactor.js');
const generator = path.join(root, 'scripts', 'synthetic-history.mjs');
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function parseArgs(argv) {
  const options = { sizes: [100_000, 300_000, 1_000_000], work: '/tmp/growth', seed: 1, timeout: 1800, lines: true, out: undefined, from: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--sizes') options.sizes = argv[++i].split(',').map((s) => Number(s.trim().replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000')));
    else if (arg === '--work') options.work = path.resolve(argv[++i]);
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--timeout') options.timeout = Number(argv[++i]);
    else if (arg === '--no-lines') options.lines = false;
    else if (arg === '--out') options.out = path.resolve(argv[++i]);
    else if (arg === '--from') options.from = argv[++i].split(',').map((file) => path.resolve(file));
    else throw new Error(`unknown option ${arg}`);
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes wants positive integers, comma-separated');
  if (!(options.timeout > 0)) throw new Error('--timeout wants seconds');
  return options;
}

/**
 * Runs a command in its own process group (under /usr/bin/time -v when there is one), discarding
 * or keeping stdout; returns wall seconds, peak tree memory, exit code, stderr, and whether it was
 * killed at the timeout.
 */
function measure(command, args, { cwd = root, timeout, keepStdout = false }) {
  return new Promise((resolve) => {
    const [file, argv] = timeBinary ? [timeBinary, ['-v', command, ...args]] : [command, args];
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let peak = 0;
    let stderr = '';
    let timedOut = false;
    const kept = [];
    const sampler = setInterval(() => {
      peak = Math.max(peak, treeRss(child.pid));
    }, 100);
    const killer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeout * 1000);
    child.stdout.on('data', (chunk) => {
      if (keepStdout) kept.push(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => {
      clearInterval(sampler);
      clearTimeout(killer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // GNU time's report: the largest single process (ru_maxrss over the waited tree) and CPU.
      const maxKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const status = /Exit status: (\d+)/.exec(stderr);
      resolve({
        seconds,
        peak,
        code: timeBinary && status ? Number(status[1]) : code,
        timedOut,
        largest: maxKb ? Number(maxKb[1]) * 1024 : undefined,
        cpu: user && system ? Number(user[1]) + Number(system[1]) : undefined,
        stderr: timeBinary ? stderr.replace(/\n?\tCommand being timed:[\s\S]*$/, '') : stderr,
        stdout: keepStdout ? Buffer.concat(kept).toString('utf8') : '',
      });
    });
  });
}

const git = (cwd, args) => spawnSync('git', args, { cwd, encoding: 'utf8' });

/** The repository of `size` commits in --work: reused if its parameters match, else generated. */
async function repository(options, size) {
  const dir = path.join(options.work, `c${size}`);
  const wanted = `commits=${size} seed=${options.seed} `;
  const params = existsSync(dir) ? git(dir, ['config', 'synthetic.params']).stdout.trim() : '';
  if (params.startsWith(wanted)) return { dir, generated: undefined };
  rmSync(dir, { recursive: true, force: true });
  console.error(`growth: generating ${size} commits into ${dir}…`);
  const run = await measure(process.execPath, [generator, dir, '--commits', String(size), '--seed', String(options.seed), '--bare'], { timeout: 6 * 3600 });
  if (run.code !== 0) throw new Error(`synthetic-history failed: ${run.stderr}`);
  console.error(run.stderr.trim());
  return { dir, generated: run };
}

/** Whether the built CLI knows --no-cache (another change adds it). */
function cliFlags() {
  const help = spawnSync(process.execPath, [cli, 'scan', '--help'], { cwd: root, encoding: 'utf8' });
  return /--no-cache\b/.test(help.stdout) ? ['--no-cache'] : [];
}

const mb = (bytes) => (bytes === undefined ? '–' : `${Math.round(bytes / 1e6)}`);
const secs = (run) => (run === undefined ? '–' : run.timedOut ? `timed out after ${Math.round(run.seconds)} s` : run.code !== 0 ? `failed (exit ${run.code})` : run.seconds.toFixed(1));
const ok = (run) => run !== undefined && !run.timedOut && run.code === 0;

/** Least-squares slope and intercept of y over x. */
function fit(points) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = sxx === 0 ? NaN : points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  return { slope, intercept: my - slope * mx };
}

function report(rows, options, flags) {
  const lines = [];
  lines.push(`busfactor ${flags.join(' ')} on synthetic histories (seed ${options.seed}); peak MB = node + git children, sampled every 100 ms`);
  lines.push('');
  lines.push('| commits | files | git log s | scan s | scan peak MB | ratio vs git log | lines s | lines peak MB |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const ratio = ok(row.scan) && ok(row.git) ? `${(row.scan.seconds / row.git.seconds).toFixed(2)}×` : '–';
    lines.push(
      `| ${row.size.toLocaleString('en-US')} | ${row.files ?? '–'} | ${secs(row.git)} | ${secs(row.scan)} | ${mb(row.scan?.peak)} | ${ratio} | ` +
        `${options.lines ? secs(row.lines) : 'not run'} | ${options.lines ? mb(row.lines?.peak) : '–'} |`,
    );
  }
  lines.push('');
  lines.push('| commits | generate s | git log CPU s | git log peak MB | scan CPU s | scan largest process MB | lines CPU s | lines largest process MB |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const cpu = (run) => (run?.cpu === undefined ? '–' : run.cpu.toFixed(1));
    lines.push(
      `| ${row.size.toLocaleString('en-US')} | ${row.generated ? row.generated.seconds.toFixed(1) : 'reused'} | ${cpu(row.git)} | ${mb(row.git?.peak)} | ${cpu(row.scan)} | ${mb(row.scan?.largest)} | ` +
        `${cpu(row.lines)} | ${mb(row.lines?.largest)} |`,
    );
  }
  lines.push('');
  const slope = (label, key) => {
    const points = rows.filter((row) => ok(row[key])).map((row) => ({ x: row.size, y: row[key].seconds, peak: row[key].peak, cpu: row[key].cpu }));
    if (points.length === 0) return;
    if (points.length === 1) {
      lines.push(`- ${label}: ${((points[0].y / points[0].x) * 1e6).toFixed(0)} µs per commit (one size)`);
      return;
    }
    const time = fit(points);
    const memory = fit(points.map((p) => ({ x: p.x, y: p.peak })));
    const cpu = points.every((p) => p.cpu !== undefined) ? fit(points.map((p) => ({ x: p.x, y: p.cpu }))) : undefined;
    const steps = [];
    for (let k = 1; k < points.length; k += 1) {
      const [a, b] = [points[k - 1], points[k]];
      const exponent = Math.log(b.y / a.y) / Math.log(b.x / a.x);
      steps.push(`${a.x / 1000}k→${b.x / 1000}k: ${(((b.y - a.y) / (b.x - a.x)) * 1e6).toFixed(0)} µs/commit, time ∝ commits^${exponent.toFixed(2)}`);
    }
    lines.push(
      `- ${label}: ${(time.slope * 1e6).toFixed(0)} µs per commit (least squares, intercept ${time.intercept.toFixed(1)} s); ` +
        `${cpu ? `CPU ${(cpu.slope * 1e6).toFixed(0)} µs per commit; ` : ''}memory ${(memory.slope * 1e5 / 1e6).toFixed(0)} MB per 100k commits; ${steps.join('; ')}`,
    );
  };
  slope('git log --name-status -M', 'git');
  slope('scan', 'scan');
  if (options.lines) slope('--lines', 'lines');
  return lines.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.from) {
    const saved = options.from.map((file) => JSON.parse(readFileSync(file, 'utf8')));
    const rows = saved.flatMap((run) => run.rows).sort((a, b) => a.size - b.size);
    const lines = saved.some((run) => run.rows.some((row) => row.lines));
    console.log(report(rows, { ...options, seed: saved[0].seed, lines }, saved[0].flags));
    return;
  }
  if (!existsSync(path.join(root, 'dist'))) throw new Error('build the CLI first: npm run build');
  const flags = ['--json', '-q', ...cliFlags()];
  if (!flags.includes('--no-cache')) console.error('growth: this build has no --no-cache option; running without it');
  const rows = [];
  for (const size of options.sizes.sort((a, b) => a - b)) {
    const { dir, generated } = await repository(options, size);
    const row = { size, generated };
    row.git = await measure('git', ['-c', 'diff.renameLimit=999999', 'log', '--name-status', '-M', '--format=%H', 'HEAD', '--'], { cwd: dir, timeout: options.timeout });
    console.error(`growth: ${size}: git log ${secs(row.git)} s`);
    row.scan = await measure(process.execPath, [cli, dir, ...flags], { timeout: options.timeout, keepStdout: true });
    if (ok(row.scan)) row.files = JSON.parse(row.scan.stdout).files.length;
    else if (!row.scan.timedOut) console.error(`growth: scan failed: ${row.scan.stderr.trim()}`);
    row.scan.stdout = '';
    console.error(`growth: ${size}: scan ${secs(row.scan)} s, peak ${mb(row.scan.peak)} MB`);
    if (options.lines) {
      row.lines = await measure(process.execPath, [cli, dir, ...flags, '--lines'], { timeout: options.timeout });
      if (!ok(row.lines) && !row.lines.timedOut) console.error(`growth: --lines failed: ${row.lines.stderr.trim()}`);
      console.error(`growth: ${size}: --lines ${secs(row.lines)} s, peak ${mb(row.lines.peak)} MB`);
    }
    rows.push(row);
  }
  console.log(report(rows, options, flags));
  if (options.out) {
    const strip = (run) => run && { seconds: run.seconds, peak: run.peak, largest: run.largest, cpu: run.cpu, code: run.code, timedOut: run.timedOut };
    const json = rows.map((row) => ({ size: row.size, files: row.files, generated: strip(row.generated), git: strip(row.git), scan: strip(row.scan), lines: strip(row.lines) }));
    writeFileSync(options.out, `${JSON.stringify({ seed: options.seed, flags, rows: json }, null, 2)}\n`);
  }
}

main().catch((error) => {
  console.error(`growth: ${error.message}`);
  process.exitCode = 2;
});
