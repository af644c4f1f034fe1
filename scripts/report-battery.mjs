#!/usr/bin/env node
/**
 * `npm run report-battery -- <folder> [--out DIR]`: the HTML report over every repository in a
 * folder (each a clone or a bare git directory, e.g. /work/.mirror/<owner>+<name>/repo), opened in
 * headless Chromium like a reader would: it must load with no console error and no request, draw
 * its treemap, curve and tables, and ticking its first key person must give the bus factor the
 * CLI's `--without` gives. Prints one line per repository (size, time, figures) and exits 1 if any
 * failed. Run by hand; needs a Chromium (`--browser PATH` or one on PATH).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'busfactor.js');
const args = process.argv.slice(2);
const folder = args.find((arg) => !arg.startsWith('--'));
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
if (!folder) {
  console.error('usage: npm run report-battery -- <folder of repositories> [--out DIR] [--browser PATH]');
  process.exit(2);
}
const out = option('--out') ?? path.join(root, '.report-battery');
mkdirSync(out, { recursive: true });
const browserPath = option('--browser') ?? ['chromium', 'chromium-browser', 'google-chrome'].map((name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()).find(Boolean);

/** A repository: a work tree, a bare repository, or a snapshot folder holding `repo/`. */
function repositories() {
  return readdirSync(folder)
    .map((name) => path.join(folder, name))
    .map((dir) => (existsSync(path.join(dir, 'repo', 'objects')) ? path.join(dir, 'repo') : dir))
    .filter((dir) => existsSync(path.join(dir, 'objects')) || existsSync(path.join(dir, '.git')));
}

const busfactor = (argv) => spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 });
const browser = await chromium.launch({ executablePath: browserPath, args: ['--disable-dev-shm-usage', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])] });
let failed = 0;
for (const repo of repositories()) {
  const name = path.basename(repo === path.join(path.dirname(repo), 'repo') ? path.dirname(repo) : repo);
  const file = path.join(out, `${name}.html`);
  const head = execFileSync('git', ['--git-dir', existsSync(path.join(repo, '.git')) ? path.join(repo, '.git') : repo, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim().slice(0, 12);
  const started = Date.now();
  const run = busfactor(['report', repo, '--format', 'html', '-o', file, '-q']);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    failed += 1;
    console.log(`FAIL ${name} ${head}: report exit ${run.status}: ${run.stderr.trim().split('\n')[0]}`);
    continue;
  }
  const page = await browser.newPage();
  const problems = [];
  page.on('request', (request) => request.url() !== pathToFileURL(file).href && problems.push(`request ${request.url()}`));
  page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(`console ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`pageerror ${error}`));
  try {
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-ready]', { timeout: 120_000 });
    const figure = async () => Number(await page.getAttribute('#bus-factor', 'data-value'));
    const before = await figure();
    const tiles = await page.locator('#treemap rect.tile').count();
    const rows = await page.locator('#modules-table tbody tr').count();
    const people = await page.locator('#people-table tbody tr').count();
    const first = page.locator('#people-table tbody tr input').first();
    const id = await first.getAttribute('data-person-id');
    await first.check();
    const after = await figure();
    const cli = JSON.parse(busfactor(['scan', repo, '--json', '-q', '--without', id]).stdout).whatIf;
    if (cli.busFactor.after !== after) problems.push(`what-if: page ${after}, CLI --without ${cli.busFactor.after}`);
    const size = (statSync(file).size / 1024).toFixed(0);
    if (problems.length > 0) failed += 1;
    console.log(`${problems.length > 0 ? 'FAIL' : 'ok  '} ${name} ${head}: ${size} KB in ${seconds} s; bus factor ${before} (without ${id}: ${after}, CLI ${cli.busFactor.after}); ${tiles} tiles, ${rows} modules, ${people} people${problems.length > 0 ? `; ${problems.slice(0, 3).join('; ')}` : ''}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name} ${head}: ${String(error).split('\n')[0]}`);
  } finally {
    await page.close();
  }
}
await browser.close();
process.exit(failed > 0 ? 1 : 0);
