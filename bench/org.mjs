#!/usr/bin/env node
// `busfactor org` over many repositories, uncached, once per --jobs value (docs/org.md): wall time,
// peak memory of the whole process tree (the parent, its workers and their git processes, sampled
// from /proc every 100 ms), then the view's rows riskiest first and the people key in the most
// repositories.
//
//   npm run bench-org -- <repo> [<repo> …] [--jobs 1,2]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { treeRss } from './tree-rss.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'busfactor.js');

function parseArgs(argv) {
  const options = { repos: [], jobs: [1, 2] };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--jobs') options.jobs = argv[++i].split(',').map(Number);
    else options.repos.push(argv[i]);
  }
  if (options.repos.length === 0 || options.jobs.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('usage: npm run bench-org -- <repo> [<repo> …] [--jobs 1,2]');
    process.exit(2);
  }
  return options;
}

/** One org run: exit code, seconds, peak bytes and the parsed view. */
async function runOrg(repos, jobs) {
  const started = Date.now();
  const child = spawn(process.execPath, [cli, 'org', ...repos, '--jobs', String(jobs), '--no-cache', '--json', '-q'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 100);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(timer);
  return { code, seconds: (Date.now() - started) / 1000, peak, view: code === 0 ? JSON.parse(out) : undefined };
}

const options = parseArgs(process.argv.slice(2));
let last;
for (const jobs of options.jobs) {
  const run = await runOrg(options.repos, jobs);
  console.log(`--jobs ${jobs}: exit ${run.code} · ${run.seconds.toFixed(1)} s · peak ${(run.peak / 1048576).toFixed(0)} MiB (process tree)` + (run.view ? ` · ${run.view.repositories.length} analysed, ${run.view.failures.length} failed` : ''));
  if (run.view) last = run.view;
}
if (last) {
  for (const repo of last.repositories) {
    console.log(`  ${repo.name}: active bus factor ${repo.activeBusFactor} · bus factor ${repo.busFactor} · lost ${Math.round(repo.lost.share * 100)} % · ${repo.keyPeople.map((person) => person.name).join(', ')}`);
  }
  console.log(`  key in the most repositories: ${last.people.slice(0, 5).map((person) => `${person.name} (${person.keyIn})`).join('; ')}`);
  console.log(`  totals: ${JSON.stringify(last.totals)}`);
}
