#!/usr/bin/env node
/**
 * Runs `busfactor --lines --json` over real repositories, each several times, and prints one line
 * per run: exit code, wall time, files with line ownership, and what the self-check and the
 * missing-object handling reported. A crash, a hang (past --timeout) or a silent exit is a bug.
 *
 *   npm run battery -- <repo> [<repo> …] [--runs N] [--rev R] [--timeout S] [--first-parent]
 *
 * A repository may be given as path@rev to analyse an older commit. Run by hand; `npm test` never
 * needs it (docs/line-ownership.md, "Checking it on real histories").
 */
import path from 'node:path';
import { runCliOnce } from './run-cli-once.mjs';


function parseArgs(argv) {
  const options = { repos: [], runs: 1, rev: undefined, timeout: 1800, extra: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--rev') options.rev = argv[++i];
    else if (arg === '--timeout') options.timeout = Number(argv[++i]);
    else if (arg === '--first-parent' || arg === '--no-ignore-revs' || arg === '--all-text') options.extra.push(arg);
    else options.repos.push(arg);
  }
  if (options.repos.length === 0) {
    console.error('usage: npm run battery -- <repo>[@rev] [...] [--runs N] [--rev R] [--timeout S] [--first-parent]');
    process.exit(2);
  }
  return options;
}

function describe(result) {
  if (result.signal === 'SIGKILL') return `HANG (killed after the timeout)`;
  if (result.code !== 0) return `FAILED exit ${result.code}${result.signal ? ` (${result.signal})` : ''}: ${result.stderr.trim().split('\n')[0] ?? '(nothing on stderr)'}`;
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    return `FAILED: exit 0 but no JSON report (silent exit?) ${result.stderr.trim().split('\n')[0] ?? ''}`;
  }
  const withLines = report.files.filter((file) => file.lines !== undefined).length;
  const selfCheck = report.warnings.find((w) => w.code === 'line-ownership-self-check');
  const degraded = report.warnings.find((w) => w.code === 'missing-objects' && /could not be diffed/.test(w.message));
  const unavailable = report.warnings.find((w) => w.code === 'missing-objects' && /unavailable/.test(w.message));
  const count = (warning) => (warning ? (warning.count ?? warning.paths?.length ?? 0) : 0);
  return [
    `ok ${report.head.slice(0, 12)}`,
    `${report.totals.commits} commits`,
    `${withLines}/${report.files.length} files with lines (${(report.lineOwnership?.lines ?? 0).toLocaleString('en-US')} lines)`,
    `self-check failures ${count(selfCheck)}`,
    `commits without diff ${count(degraded)}`,
    `files without lines ${count(unavailable)}`,
    `bus factor ${report.busFactor}`,
  ].join(' · ');
}

const options = parseArgs(process.argv.slice(2));
let failures = 0;
for (const spec of options.repos) {
  const at = spec.lastIndexOf('@');
  const [repo, rev] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, options.rev];
  for (let run = 1; run <= options.runs; run += 1) {
    const result = await runCliOnce([repo, '--lines', '--json', '-q', ...(rev ? ['--rev', rev] : []), ...options.extra], options.timeout);
    const line = describe(result);
    if (!line.startsWith('ok')) failures += 1;
    const name = path.basename(repo) === 'repo' ? path.basename(path.dirname(repo)) : path.basename(repo);
    console.log(`${name}${rev ? `@${rev.slice(0, 12)}` : ''} run ${run}/${options.runs}: ${result.seconds.toFixed(1)} s · ${line}`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
