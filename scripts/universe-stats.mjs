#!/usr/bin/env node
/**
 * Prints the file universe of a repository at a revision: counted files, files left out per
 * reason, warnings, and how long it took. Uses the built code (run `npm run build` first).
 *
 *   node scripts/universe-stats.mjs <repo> [rev] [--all-text] [--include <glob>]... [--exclude <glob>]... [--list]
 */
import { openRepository } from '../dist/engine/open-repository.js';
import { resolveCommit } from '../dist/git/repo.js';
import { buildFileUniverse } from '../dist/files/build-file-universe.js';

const args = process.argv.slice(2);
const positional = [];
const options = { include: [], exclude: [], allText: false };
let list = false;
for (let i = 0; i < args.length; i += 1) {
  const arg = args[i];
  if (arg === '--all-text') options.allText = true;
  else if (arg === '--list') list = true;
  else if (arg === '--include' || arg === '--exclude') options[arg.slice(2)].push(args[++i]);
  else positional.push(arg);
}
const [target, rev = 'HEAD'] = positional;
if (!target) {
  console.error('usage: node scripts/universe-stats.mjs <repo> [rev] [--all-text] [--include glob] [--exclude glob] [--list]');
  process.exit(2);
}

const start = performance.now();
const repo = await openRepository(target);
const commit = await resolveCommit(repo, rev);
const universe = await buildFileUniverse(repo, commit, options);
const elapsed = performance.now() - start;

const left = Object.values(universe.excluded).reduce((a, b) => a + b, 0);
if (list) for (const file of universe.files) console.log(`${file.language ?? '(text)'}\t${file.path}`);
console.log(`${repo.name} @ ${commit.slice(0, 12)}: ${universe.files.length} files counted of ${universe.files.length + left} tree entries`);
for (const [reason, count] of Object.entries(universe.excluded).sort((a, b) => b[1] - a[1])) console.log(`  ${reason.padEnd(20)} ${count}`);
const byLanguage = new Map();
for (const file of universe.files) byLanguage.set(file.language ?? '(text)', (byLanguage.get(file.language ?? '(text)') ?? 0) + 1);
console.log(`languages: ${[...byLanguage].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(', ')}`);
for (const warning of universe.warnings) console.log(`warning ${warning.code}: ${warning.message}`);
console.log(`elapsed: ${elapsed.toFixed(0)} ms`);
