#!/usr/bin/env node
// Benchmark: the whole analysis (`busfactor scan --json`) against git's own
// `git log --name-status -M` over the same history, measured in the same run, alternating.
// Prints wall time, peak memory (node and git together, sampled from /proc) and the ratio.
//
//   npm run bench -- <repo> [--rev <commit>] [--runs <n>]
//
// Then the cache (docs/cache.md), in a private cache folder: the re-run of a cached commit, and the
// run after one new commit (made in a temporary clone sharing the repository's objects, appending
// a line to one counted file), which extends the cached analysis.
//
// With --lines: line ownership (`busfactor --lines`) against `git blame --line-porcelain` on every
// counted text file, two at a time (xargs -P2), also in the same run; then the same two cache
// scenarios with --lines.
//
//   npm run bench -- <repo> --lines [--rev <commit>] [--first-parent]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { treeRss } from './tree-rss.mjs';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const options = { repo: undefined, rev: 'HEAD', runs: 2, lines: false, firstParent: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--rev') options.rev = argv[++i];
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--lines') options.lines = true;
    else if (arg === '--first-parent') options.firstParent = true;
    else if (!arg.startsWith('-')) options.repo = arg;
    else throw new Error(`unknown option ${arg}`);
  }
  if (!options.repo) throw new Error('usage: npm run bench -- <repo> [--rev <commit>] [--runs <n>]');
  return options;
}

/** Runs a command, discarding stdout; returns wall seconds, peak tree memory, exit code, stderr. */
function measure(command, args, cwd, input, keepStdout = false) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_FLUSH: '0' } });
    let peak = 0;
    let stdoutLines = 0;
    let stderr = '';
    const kept = [];
    if (input !== undefined) child.stdin.end(input);
    else child.stdin?.end();
    const timer = setInterval(() => {
      peak = Math.max(peak, treeRss(child.pid));
    }, 25);
    child.stdout.on('data', (chunk) => {
      if (keepStdout) kept.push(chunk);
      for (let i = chunk.indexOf(0x01); i !== -1; i = chunk.indexOf(0x01, i + 1)) stdoutLines += 1;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ seconds, peak, code, stderr, commits: stdoutLines, stdout: keepStdout ? Buffer.concat(kept).toString('utf8') : '' });
    });
  });
}

/**
 * git's own pass. Where `-M` dies on a missing object (mirrors without large blobs), git is timed
 * as the failed `-M` run plus `-M100% --skip` over the rest: the cheapest way git itself gets
 * through. (busfactor does more: it redoes only the failing commit with `-M100%` and resumes `-M`
 * on the commits after it, so the comparison is, if anything, in git's favour.)
 */
async function gitBaseline(repo, rev) {
  const base = ['-c', 'diff.renameLimit=999999', 'log', '--name-status', '-z', '--format=%x01%H'];
  const first = await measure('git', [...base, '-M', rev, '--'], repo);
  if (first.code === 0) return { ...first, note: '' };
  const rest = await measure('git', [...base, '-M100%', `--skip=${first.commits}`, rev, '--'], repo);
  return {
    seconds: first.seconds + rest.seconds,
    peak: Math.max(first.peak, rest.peak),
    code: rest.code,
    note: ` (-M died after ${first.commits} commits: ${first.stderr.trim().split('\n').pop()}; + -M100% --skip for the rest)`,
  };
}

const mb = (bytes) => `${Math.round(bytes / 1e6)} MB`;

/**
 * Line ownership: one busfactor run with --lines against per-file `git blame --line-porcelain` on
 * the same files, two at a time, in the same run.
 */
async function benchLines(options, repo, cli) {
  const flags = ['--rev', options.rev, '--json', '--quiet', '--lines', ...(options.firstParent ? ['--first-parent'] : [])];
  const tool = await measure(process.execPath, [cli, 'scan', repo, ...flags, '--no-cache'], root, undefined, true);
  if (tool.code !== 0) throw new Error(`busfactor failed: ${tool.stderr}`);
  const report = JSON.parse(tool.stdout);
  const files = report.files.map((file) => file.path);
  const lines = report.files.reduce((sum, file) => sum + (file.lines ?? 0), 0);
  console.log(`busfactor --lines: ${tool.seconds.toFixed(2)} s, peak ${mb(tool.peak)} (node + git), ${files.length} files, ${lines} lines`);
  const blameArgs = ['-0', '-P2', '-n1', 'git', 'blame', '--line-porcelain', ...(options.firstParent ? ['--first-parent'] : []), report.head, '--'];
  const blame = await measure('xargs', blameArgs, repo, `${files.join('\0')}\0`);
  console.log(`git blame --line-porcelain, every file, two at a time: ${blame.seconds.toFixed(2)} s (exit ${blame.code})`);
  console.log(
    `${path.basename(repo) === 'repo' ? path.basename(path.dirname(repo)) : path.basename(repo)} @ ${report.head.slice(0, 12)}: ` +
      `line ownership ${tool.seconds.toFixed(2)} s vs per-file git blame ${blame.seconds.toFixed(2)} s → ${(blame.seconds / tool.seconds).toFixed(1)}× faster; peak memory ${mb(tool.peak)}`,
  );
  await benchCache(repo, cli, options, ['--lines', ...(options.firstParent ? ['--first-parent'] : [])], tool.seconds, report);
}

/** A temporary clone sharing `repo`'s objects, with one new commit on top of `rev` that appends a line to `file`. */
function cloneWithNewCommit(repo, rev, file, parent) {
  const clone = path.join(parent, 'clone.git');
  const git = (args, env = {}, input) => execFileSync('git', args, { cwd: clone, encoding: 'utf8', input, env: { ...process.env, ...env } }).trim();
  execFileSync('git', ['clone', '-q', '--bare', '--shared', repo, clone]);
  const head = git(['rev-parse', `${rev}^{commit}`]);
  const content = execFileSync('git', ['cat-file', 'blob', `${head}:${file}`], { cwd: clone, maxBuffer: 1 << 30 });
  const blob = git(['hash-object', '-w', '--stdin'], {}, Buffer.concat([content, Buffer.from('\n/* bench: one new line */\n')]));
  const index = { GIT_INDEX_FILE: path.join(parent, 'index') };
  git(['read-tree', head], index);
  git(['update-index', '--cacheinfo', `100644,${blob},${file}`], index);
  const tree = git(['write-tree'], index);
  const now = `${Math.floor(Date.now() / 1000)} +0000`;
  const who = { GIT_AUTHOR_NAME: 'Bench Mark', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench Mark', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: now, GIT_COMMITTER_DATE: now };
  const commit = git(['commit-tree', tree, '-p', head, '-m', 'bench: one new commit'], who);
  git(['update-ref', 'refs/heads/bench', commit]);
  return { clone, commit };
}

/**
 * The cache: a cold run that stores (timed, not reported: it is the cold run plus the store), the
 * re-run of the same commit, and the run after one new commit, each with its peak memory.
 */
async function benchCache(repo, cli, options, extra, coldSeconds, report) {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'busfactor-bench-cache-'));
  try {
    const cacheDir = path.join(parent, 'cache');
    const run = async (target, rev) => {
      const result = await measure(process.execPath, [cli, 'scan', target, '--rev', rev, '--json', '--quiet', ...extra, '--cache-dir', cacheDir], root, undefined, true);
      if (result.code !== 0) throw new Error(`busfactor failed: ${result.stderr}`);
      return { ...result, cache: JSON.parse(result.stdout).cache };
    };
    const store = await run(repo, options.rev);
    const hit = await run(repo, options.rev);
    const file = [...report.files].sort((a, b) => a.path.length - b.path.length)[0]?.path;
    if (!file) throw new Error('no counted file to change');
    const { clone } = cloneWithNewCommit(repo, options.rev, file, parent);
    const extended = await run(clone, 'bench');
    const hitAfter = await run(clone, 'bench');
    const label = extra.length > 0 ? ` ${extra.join(' ')}` : '';
    console.log(`cache${label}: cold + store ${store.seconds.toFixed(2)} s (${store.cache}), peak ${mb(store.peak)}`);
    console.log(`cache${label}: re-run of the same commit ${hit.seconds.toFixed(2)} s (${hit.cache}), peak ${mb(hit.peak)} → ${(coldSeconds / hit.seconds).toFixed(1)}× faster than cold`);
    console.log(`cache${label}: after one new commit (${file} +1 line) ${extended.seconds.toFixed(2)} s (${extended.cache}), peak ${mb(extended.peak)}; its re-run ${hitAfter.seconds.toFixed(2)} s (${hitAfter.cache})`);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const repo = path.resolve(options.repo);
  const cli = path.join(root, 'bin', 'busfactor.js');
  if (options.lines) return benchLines(options, repo, cli);
  const rows = [];
  for (let run = 1; run <= options.runs; run += 1) {
    const git = await gitBaseline(repo, options.rev);
    const tool = await measure(process.execPath, [cli, 'scan', repo, '--rev', options.rev, '--json', '--quiet', '--no-lines', '--no-cache'], root, undefined, run === options.runs);
    if (tool.code !== 0) throw new Error(`busfactor failed: ${tool.stderr}`);
    rows.push({ git, tool });
    console.log(`run ${run}: git log ${git.seconds.toFixed(2)} s${git.note} · busfactor ${tool.seconds.toFixed(2)} s, peak ${mb(tool.peak)}`);
  }
  const best = (list) => Math.min(...list);
  const gitBest = best(rows.map((r) => r.git.seconds));
  const toolBest = best(rows.map((r) => r.tool.seconds));
  const peak = Math.max(...rows.map((r) => r.tool.peak));
  const head = spawn('git', ['rev-parse', options.rev], { cwd: repo });
  let sha = '';
  head.stdout.on('data', (chunk) => (sha += chunk));
  await new Promise((resolve) => head.on('close', resolve));
  console.log(
    `${path.basename(repo) === 'repo' ? path.basename(path.dirname(repo)) : path.basename(repo)} @ ${sha.trim().slice(0, 12)}: ` +
      `busfactor ${toolBest.toFixed(2)} s vs git log --name-status -M ${gitBest.toFixed(2)} s → ratio ${(toolBest / gitBest).toFixed(2)}× (best of ${options.runs}); ` +
      `peak memory ${mb(peak)} (node + git)`,
  );
  await benchCache(repo, cli, options, [], toolBest, JSON.parse(rows.at(-1).tool.stdout));
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 2;
});
