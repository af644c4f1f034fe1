#!/usr/bin/env node
// Checks busfactor's line ownership against the real `git blame`, line by line: runs the one-pass
// replay, then `git blame` on every counted text file (or a sample), and compares the commit each
// line is blamed on. Uses the built code (npm run build).
//
//   npm run verify-blame -- <repo> [--rev R] [--sample N] [--seed S] [--first-parent] [--no-ignore-revs] [--all-text] [--jobs N]
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (file) => import(path.join(root, 'dist', file));
const { openRepository } = await load('engine/open-repository.js');
const { resolveCommit } = await load('git/repo.js');
const { buildFileUniverse } = await load('files/build-file-universe.js');
const { replayHistory } = await load('ownership/replay-history.js');
const { blameFile } = await load('ownership/blame-file.js');
const { loadIgnoreRevs } = await load('ownership/ignore-revs.js');
const { scanWithFallback } = await load('history/scan-with-fallback.js');
const { createCollectors } = await load('history/history-collectors.js');
const { replayScope } = await load('ownership/line-ownership.js');

function parseArgs(argv) {
  const options = { repo: undefined, rev: 'HEAD', sample: 0, seed: 1, firstParent: false, ignoreRevs: true, allText: false, jobs: 2 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--rev') options.rev = argv[++i];
    else if (arg === '--sample') options.sample = Number(argv[++i]);
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--jobs') options.jobs = Number(argv[++i]);
    else if (arg === '--first-parent') options.firstParent = true;
    else if (arg === '--no-ignore-revs') options.ignoreRevs = false;
    else if (arg === '--all-text') options.allText = true;
    else if (!arg.startsWith('-')) options.repo = arg;
    else throw new Error(`unknown option ${arg}`);
  }
  if (!options.repo) throw new Error('usage: npm run verify-blame -- <repo> [--rev R] [--sample N] [--first-parent] [--no-ignore-revs]');
  return options;
}

/** A small deterministic PRNG (mulberry32), so a sample can be repeated with --seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const options = parseArgs(process.argv.slice(2));
const repo = await openRepository(options.repo);
const head = await resolveCommit(repo, options.rev);
// One history pass, as busfactor runs it (only the AVL lineage is read here).
const collectors = createCollectors({ coAuthors: 'ignore', recentSeconds: 365 * 86400, isBuildFile: () => false, keepFacts: false, lines: false });
const [, universe] = await Promise.all([
  scanWithFallback(repo, head, collectors.pass, undefined, () => {}),
  buildFileUniverse(repo, head, { include: [], exclude: [], allText: options.allText }),
]);
// The same diff pathspec and relevant paths busfactor --lines uses, so this checks what users get.
const { pathspec, relevant } = replayScope(universe, collectors.lineage.paths, collectors.pass.commits);
let files = universe.files.map((file) => file.path);
if (options.sample > 0 && options.sample < files.length) {
  const next = random(options.seed);
  files = files.map((file) => [next(), file]).sort((a, b) => a[0] - b[0]).slice(0, options.sample).map(([, file]) => file).sort();
}
const ignored = options.ignoreRevs ? await loadIgnoreRevs(repo, head, []) : undefined;

let started = Date.now();
const replay = await replayHistory(repo, head, { firstParent: options.firstParent, ignored: ignored?.handler, pathspec, relevant });
const replaySeconds = (Date.now() - started) / 1000;

started = Date.now();
let agree = 0;
let total = 0;
let unknown = 0;
const differing = [];
const queue = [...files];
async function worker() {
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const expected = await blameFile(repo, head, file, { firstParent: options.firstParent, ignoreRevsFile: ignored?.file });
    const lines = replay.head.get(file)?.owners;
    let same = 0;
    for (let i = 0; i < expected.length; i += 1) if (lines && replay.graph.oids[lines[i]] === expected[i]) same += 1;
    if (!lines) unknown += expected.length;
    else if (lines.length !== expected.length) differing.push({ file, same, lines: expected.length, note: `replay has ${lines.length} lines` });
    agree += same;
    total += expected.length;
    if (same !== expected.length && lines && lines.length === expected.length) differing.push({ file, same, lines: expected.length });
  }
}
await Promise.all(Array.from({ length: options.jobs }, worker));
const blameSeconds = (Date.now() - started) / 1000;

console.log(`${path.basename(repo.cwd)} @ ${head.slice(0, 12)}: ${files.length} files, ${total.toLocaleString('en-US')} lines`);
console.log(`agreement with git blame: ${agree.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} lines = ${((agree / Math.max(1, total)) * 100).toFixed(4)} %`);
if (unknown > 0) console.log(`lines the replay could not follow (fall back to git blame in busfactor): ${unknown}`);
console.log(`replay ${replaySeconds.toFixed(1)} s (whole history, every file); git blame on these files ${blameSeconds.toFixed(1)} s (${options.jobs} at a time)`);
ignored?.close();
differing.sort((a, b) => a.same / a.lines - b.same / b.lines);
for (const { file, same, lines, note } of differing.slice(0, 25)) console.log(`  differs: ${file}  ${same}/${lines}${note ? ` (${note})` : ''}`);
if (differing.length > 25) console.log(`  … and ${differing.length - 25} more files`);
