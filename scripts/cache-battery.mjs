#!/usr/bin/env node
/**
 * Checks the cache on real histories: for each repository and each distance N, a fresh cache folder
 * is filled by a run at HEAD~N, then HEAD is analysed twice (expected `extended`, then `hit`), and
 * both reports must equal an uncached run at HEAD byte for byte apart from the `cache` field.
 * Prints one line per scenario; a mismatch, crash, hang or silent exit is a bug (exit 1).
 *
 *   npm run cache-battery -- <repo>[@rev] [<repo> …] [--back 1,20] [--lines] [--timeout S] [-- extra flags]
 *
 * A repository given as path@rev is checked at that older commit instead of HEAD.
 * HEAD~N follows first parents, so N commits of the main line and everything merged with them are
 * new. Run by hand; `npm test` never needs it (docs/cache.md, "Checking it on real histories").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliOnce } from './run-cli-once.mjs';


function parseArgs(argv) {
  const options = { repos: [], back: [1, 20], timeout: 1800, extra: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--back') options.back = argv[++i].split(',').map(Number);
    else if (arg === '--timeout') options.timeout = Number(argv[++i]);
    else if (arg === '--lines') options.extra.push('--lines');
    else if (arg === '--') options.extra.push(...argv.slice(i + 1)), (i = argv.length);
    else options.repos.push(arg);
  }
  if (options.repos.length === 0 || options.back.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('usage: npm run cache-battery -- <repo>[@rev] [...] [--back 1,20] [--lines] [--timeout S] [-- extra flags]');
    process.exit(2);
  }
  return options;
}

/** The report without its `cache` field, or the reason there is none. */
function reportOf(result) {
  if (result.signal === 'SIGKILL') return { error: 'HANG (killed after the timeout)' };
  if (result.code !== 0) return { error: `exit ${result.code}: ${result.stderr.trim().split('\n')[0] ?? '(nothing on stderr)'}` };
  try {
    const report = JSON.parse(result.stdout);
    const { cache, ...rest } = report;
    return { cache, text: JSON.stringify(rest), report };
  } catch {
    return { error: 'exit 0 but no JSON report (silent exit?)' };
  }
}

/** The first differing top-level field of two reports, to say where a mismatch is. */
function firstDifference(a, b) {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return key;
  }
  return '(none)';
}

const options = parseArgs(process.argv.slice(2));
let failures = 0;
for (const spec of options.repos) {
  const at = spec.lastIndexOf('@');
  const [repo, rev] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, 'HEAD'];
  const name = path.basename(repo) === 'repo' ? path.basename(path.dirname(repo)) : path.basename(repo);
  let git;
  let head;
  try {
    const gitDir = execFileSync('git', ['-C', repo, 'rev-parse', '--absolute-git-dir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    head = git('rev-parse', `${rev}^{commit}`);
  } catch {
    failures += 1;
    console.log(`${name}@${rev}: not a repository or no such commit`);
    continue;
  }
  const uncached = reportOf(await runCliOnce([repo, '--json', '-q', '--no-cache', '--rev', head, ...options.extra], options.timeout, {}));
  if (uncached.error) {
    failures += 1;
    console.log(`${name}@${head.slice(0, 12)}: uncached run FAILED ${uncached.error}`);
    continue;
  }
  for (const back of options.back) {
    let base;
    try {
      base = git('rev-parse', '--verify', '-q', `${head}~${back}^{commit}`);
    } catch {
      console.log(`${name}@${head.slice(0, 12)} ~${back}: skipped (no such commit)`);
      continue;
    }
    const newCommits = git('rev-list', '--count', head, `^${base}`);
    const cacheHome = mkdtempSync(path.join(os.tmpdir(), 'bf-cache-battery-'));
    const env = { XDG_CACHE_HOME: cacheHome };
    const problems = [];
    const timings = [];
    const seed = reportOf(await runCliOnce([repo, '--json', '-q', '--rev', base, ...options.extra], options.timeout, env));
    if (seed.error) problems.push(`seed run at ~${back}: ${seed.error}`);
    else if (seed.cache !== 'cold') problems.push(`seed run said cache ${seed.cache}`);
    for (const expected of ['extended', 'hit']) {
      const result = await runCliOnce([repo, '--json', '-q', '--rev', head, ...options.extra], options.timeout, env);
      timings.push(`${expected} ${result.seconds.toFixed(2)} s`);
      const got = reportOf(result);
      if (got.error) problems.push(`${expected} run: ${got.error}`);
      else {
        // A history that merged an older commit than the cached head's cut (or that had warnings
        // under --lines) may legitimately fall back to cold; anything but equal output is a bug.
        if (got.cache !== expected && !(expected === 'extended' && got.cache === 'cold')) problems.push(`${expected} run said cache ${got.cache}`);
        if (got.text !== uncached.text) problems.push(`${expected} run differs from the uncached one in "${firstDifference(got.report, uncached.report)}"`);
        if (expected === 'extended') timings[timings.length - 1] = `${got.cache} ${result.seconds.toFixed(2)} s`;
      }
    }
    rmSync(cacheHome, { recursive: true, force: true });
    if (problems.length > 0) failures += 1;
    console.log(
      `${name}@${head.slice(0, 12)} ~${back} (${newCommits} new commits, ${uncached.report.totals.commits} analysed): ` +
        (problems.length === 0 ? `ok · ${timings.join(' · ')} · bus factor ${uncached.report.busFactor}` : `FAILED · ${problems.join(' · ')}`),
    );
  }
}
process.exitCode = failures > 0 ? 1 : 0;
