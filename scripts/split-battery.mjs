#!/usr/bin/env node
/**
 * Checks the history scan split in two processes (src/history/scan-with-fallback.ts) on real
 * histories: for each repository, `busfactor <repo> --json --no-cache` with BUSFACTOR_SCAN_SPLIT
 * `never` (one process), `after:0` (split before the walk), `after:<a third of the commits>` (the
 * walk stopped part way) and `auto`; every report must equal the first byte for byte. Prints one
 * line per repository with the seconds of each; a mismatch, crash, hang or silent exit is a bug
 * (exit 1).
 *
 *   npm run split-battery -- <repo>[@rev] [<repo> …] [--timeout S] [-- extra flags]
 *
 * Run by hand; `npm test` never needs it (docs/performance.md, "The scan in two processes").
 */
import { execFileSync } from 'node:child_process';
import { runCliOnce } from './run-cli-once.mjs';

function parseArgs(argv) {
  const options = { repos: [], timeout: 1800, extra: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--timeout') options.timeout = Number(argv[++i]);
    else if (arg === '--') options.extra.push(...argv.slice(i + 1)), (i = argv.length);
    else options.repos.push(arg);
  }
  if (options.repos.length === 0) {
    console.error('usage: npm run split-battery -- <repo>[@rev] [...] [--timeout S] [-- extra flags]');
    process.exit(2);
  }
  return options;
}

/** The report, or the reason there is none. */
function outcome(result) {
  if (result.signal === 'SIGKILL') return { error: 'HANG (killed after the timeout)' };
  if (result.code !== 0) return { error: `exit ${result.code}: ${result.stderr.trim().split('\n')[0] ?? ''}` };
  if (result.stdout.trim() === '') return { error: 'silent exit (no output)' };
  return { report: result.stdout };
}

const options = parseArgs(process.argv.slice(2));
let failures = 0;
for (const spec of options.repos) {
  const at = spec.lastIndexOf('@');
  const [repo, rev] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, 'HEAD'];
  const gitDir = execFileSync('git', ['-C', repo, 'rev-parse', '--absolute-git-dir'], { encoding: 'utf8' }).trim();
  const commits = Number(execFileSync('git', ['--git-dir', gitDir, 'rev-list', '--count', rev], { encoding: 'utf8' }).trim());
  const splits = ['never', 'after:0', `after:${Math.floor(commits / 3)}`, 'auto'];
  const times = [];
  let first;
  let problem = '';
  for (const split of splits) {
    const result = await runCliOnce([repo, '--rev', rev, '--json', '--quiet', '--no-cache', ...options.extra], options.timeout, { BUSFACTOR_SCAN_SPLIT: split });
    times.push(`${split} ${result.seconds.toFixed(1)} s`);
    const got = outcome(result);
    if (got.error) {
      problem = `${split}: ${got.error}`;
      break;
    }
    first ??= got.report;
    if (got.report !== first) {
      problem = `${split}: the report differs from one process's`;
      break;
    }
  }
  if (problem) failures += 1;
  console.log(`${problem ? 'FAIL' : 'ok  '} ${spec} (${commits} commits): ${problem || times.join(', ')}`);
}
process.exit(failures > 0 ? 1 : 0);
