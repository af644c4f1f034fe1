#!/usr/bin/env node
// Checks `busfactor --algorithm avl` against published truck factors (Avelino et al., ICPC 2016).
// Reads a TSV with columns repo, commit, date, published_tf (../shared/reference/avl2016-sample.tsv)
// and finds each repository below --root as <owner>+<name>/repo, <owner>+<name>, <owner>/<name>,
// <name> or <name>.git (full clones or bare mirrors).
//
//   npm run verify-avl -- --root /path/to/clones [--tsv file] [-- extra busfactor flags]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'busfactor.js');

function parseArgs(argv) {
  const options = { tsv: path.resolve(root, '../shared/reference/avl2016-sample.tsv'), root: undefined, extra: [] };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--') {
      options.extra = argv.slice(i + 1);
      break;
    }
    if (argv[i] === '--tsv') options.tsv = path.resolve(argv[++i]);
    else if (argv[i] === '--root') options.root = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!options.root) throw new Error('usage: npm run verify-avl -- --root <folder with clones> [--tsv <file>] [-- busfactor flags]');
  return options;
}

function locate(base, repo) {
  const [owner, name] = repo.split('/');
  const candidates = [`${owner}+${name}/repo`, `${owner}+${name}`, `${owner}/${name}`, name, `${name}.git`].map((p) => path.join(base, p));
  return candidates.find((candidate) => existsSync(candidate));
}

const options = parseArgs(process.argv.slice(2));
const rows = readFileSync(options.tsv, 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
let exact = 0;
let withinOne = 0;
let checked = 0;
for (const [repo, commit, , published] of rows) {
  const dir = locate(options.root, repo);
  if (!dir) {
    console.log(`${repo.padEnd(22)} not found below ${options.root}`);
    continue;
  }
  const run = spawnSync(process.execPath, [cli, 'scan', dir, '--rev', commit, '--algorithm', 'avl', '--json', '--quiet', ...options.extra], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) {
    console.log(`${repo.padEnd(22)} busfactor failed: ${run.stderr.trim()}`);
    continue;
  }
  const report = JSON.parse(run.stdout);
  const ours = report.busFactor;
  const diff = ours - Number(published);
  checked += 1;
  if (diff === 0) exact += 1;
  if (Math.abs(diff) <= 1) withinOne += 1;
  const people = report.keyPeople.map((p) => `${p.name} (${p.files})`).join(', ');
  const notes = report.warnings.map((w) => w.code).join(', ');
  console.log(
    `${repo.padEnd(22)} ${commit.slice(0, 12)}  published ${String(published).padStart(2)}  ours ${String(ours).padStart(2)}  ` +
      `${diff === 0 ? 'exact' : diff > 0 ? `+${diff}` : String(diff)}  files ${report.totals.files}  coverage ${report.coverage.toFixed(3)}` +
      `${notes ? `  [${notes}]` : ''}\n${''.padEnd(24)}key people: ${people}`,
  );
}
console.log(`\n${exact} of ${checked} exact, ${withinOne} of ${checked} within one.`);
