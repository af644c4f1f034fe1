#!/usr/bin/env node
// The two engines side by side (docs/engine.md): `busfactor scan --json` with git and with
// isomorphic-git (`--engine isomorphic-git`), uncached, each run --runs times (best wall time and
// peak memory, node and git together, sampled from /proc), then the isomorphic-git engine's cold
// run and cache hit in a private cache folder; and the bus factors each engine found, with the
// files whose authors differ (similarity renames: git follows a file renamed and edited, the
// isomorphic-git engine does not).
//
//   npm run bench-engines -- <repo> [<repo> …] [--rev <commit>] [--runs <n>]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { treeRss } from './tree-rss.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'busfactor.js');

function parseArgs(argv) {
  const options = { repos: [], rev: 'HEAD', runs: 2 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--rev') options.rev = argv[++i];
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (!arg.startsWith('-')) options.repos.push(arg);
    else throw new Error(`unknown option ${arg}`);
  }
  if (options.repos.length === 0) throw new Error('usage: npm run bench-engines -- <repo> [<repo> …] [--rev <commit>] [--runs <n>]');
  return options;
}

/** One CLI run: wall seconds, peak memory (MiB) of its process tree, and the parsed report. */
function run(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, ...args, '--json', '-q'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    const out = [];
    let stderr = '';
    const timer = setInterval(() => {
      peak = Math.max(peak, treeRss(child.pid));
    }, 25);
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`busfactor ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ seconds, peakMiB: peak / 1024 / 1024, report: JSON.parse(Buffer.concat(out).toString('utf8')) });
    });
  });
}

async function best(args, runs) {
  let fastest;
  for (let i = 0; i < runs; i += 1) {
    const result = await run(args);
    if (!fastest || result.seconds < fastest.seconds) fastest = result;
  }
  return fastest;
}

const figures = (report) => ({
  busFactor: report.busFactor,
  active: report.activeBusFactor,
  keyPeople: report.keyPeople.map((person) => person.name).join(', '),
  stewardship: ['integration', 'releases', 'review', 'build'].map((kind) => `${report.stewardship[kind].busFactor ?? '-'}/${report.stewardship[kind].activeBusFactor ?? '-'}`).join(' '),
  files: report.totals.files,
  authors: report.totals.authors,
  commits: report.totals.commits,
});

const options = parseArgs(process.argv.slice(2));
console.log('| repository | engine | wall s | peak MiB | BF | active | integration releases review build (BF/active) | files | authors | key people |');
console.log('|---|---|---:|---:|---:|---:|---|---:|---:|---|');
for (const repo of options.repos) {
  const base = [repo, '--rev', options.rev];
  const git = await best([...base, '--no-cache', '--engine', 'git'], options.runs);
  const iso = await best([...base, '--no-cache', '--engine', 'isomorphic-git'], options.runs);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'busfactor-bench-engines-'));
  try {
    const cold = await run([...base, '--engine', 'isomorphic-git', '--cache-dir', cacheDir]);
    const hit = await run([...base, '--engine', 'isomorphic-git', '--cache-dir', cacheDir]);
    const name = path.basename(repo.replace(/\/repo$/, '').replace(/\.git$/, ''));
    for (const [engine, result] of [['git', git], ['isomorphic-git', iso], [`isomorphic-git, cache ${cold.report.cache}`, cold], [`isomorphic-git, cache ${hit.report.cache}`, hit]]) {
      const f = figures(result.report);
      console.log(`| ${name} | ${engine} | ${result.seconds.toFixed(2)} | ${result.peakMiB.toFixed(0)} | ${f.busFactor} | ${f.active} | ${f.stewardship} | ${f.files} | ${f.authors} | ${f.keyPeople} |`);
    }
    const authorsByPath = new Map(git.report.files.map((file) => [file.path, file.authors.join(',')]));
    const differing = iso.report.files.filter((file) => authorsByPath.get(file.path) !== file.authors.join(',')).length;
    console.error(`${name}: ${git.report.totals.commits} commits; ${differing} of ${iso.report.files.length} files have other authors under isomorphic-git (similarity renames); isomorphic-git ${(iso.seconds / git.seconds).toFixed(1)}× git`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
