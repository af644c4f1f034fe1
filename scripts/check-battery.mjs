#!/usr/bin/env node
// Runs `busfactor check` over every repository below a folder (bare mirrors or work trees), with a
// sample policy, in full and pull-request mode (--changed-since HEAD~10), and checks what it writes:
// exit code 0 or 1 (never 2 or a crash), SARIF valid against the official 2.1.0 schema, JUnit
// well-formed XML, CodeClimate and JSON parseable, Markdown under 65,000 characters.
//   node scripts/check-battery.mjs /work/.mirror [--config FILE]
// Prints one line per repository and run; exits 1 when any run failed a check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'busfactor.js');
const args = process.argv.slice(2);
const folder = args[0];
if (!folder) {
  process.stderr.write('usage: node scripts/check-battery.mjs <folder of repositories> [--config FILE]\n');
  process.exit(2);
}
const configAt = args.indexOf('--config');
const work = mkdtempSync(path.join(tmpdir(), 'busfactor-check-battery-'));
const config = configAt >= 0 ? path.resolve(args[configAt + 1]) : path.join(work, 'policy.json');
if (configAt < 0) {
  writeFileSync(
    config,
    JSON.stringify({
      check: {
        min: 2,
        minActive: 1,
        maxLost: { value: 0.5, level: 'warning' },
        modules: { '**': { min: 2 } },
        stewardship: { releases: { minActive: 2 }, integration: { min: 2 } },
      },
    }),
  );
}
const schema = JSON.parse(readFileSync(path.join(root, 'fixtures', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validSarif = ajv.compile(schema);

/** Bare mirrors (`owner+name/repo`) and work trees one or two levels down. */
function repositories(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const candidate = path.join(dir, name);
    if (!statSync(candidate).isDirectory()) continue;
    if (existsSync(path.join(candidate, 'repo', 'objects'))) found.push(path.join(candidate, 'repo'));
    else if (existsSync(path.join(candidate, 'objects')) || existsSync(path.join(candidate, '.git'))) found.push(candidate);
  }
  return found;
}

let failed = 0;
for (const repo of repositories(folder)) {
  const name = path.basename(repo) === 'repo' ? path.basename(path.dirname(repo)) : path.basename(repo);
  for (const mode of ['full', 'pr']) {
    const out = path.join(work, `${name}-${mode}`);
    const extra = mode === 'pr' ? ['--changed-since', 'HEAD~10'] : [];
    const started = process.hrtime.bigint();
    const run = spawnSync(
      process.execPath,
      [cli, 'check', repo, '--config', config, ...extra, '--format', 'json', '-o', `sarif=${out}.sarif`, '-o', `junit=${out}.xml`, '-o', `codeclimate=${out}.cq.json`, '-o', `markdown=${out}.md`],
      { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const problems = [];
    let summary = '';
    if (run.status !== 0 && run.status !== 1) problems.push(`exit ${run.status}: ${(run.stderr || '').trim().split('\n')[0]}`);
    else {
      const result = JSON.parse(run.stdout);
      summary = `${result.counts.errors} errors, ${result.counts.warnings} warnings, ${result.counts.checks} checks`;
      if (result.mode.kind === 'changed-since') summary += `, ${result.mode.commits} commits / ${result.mode.files} files / ${result.mode.modules.length} modules`;
      const sarif = JSON.parse(readFileSync(`${out}.sarif`, 'utf8'));
      if (!validSarif(sarif)) problems.push(`SARIF invalid: ${ajv.errorsText(validSarif.errors).slice(0, 200)}`);
      if (sarif.runs[0].results.length !== result.findings.length) problems.push('SARIF results ≠ findings');
      const xml = XMLValidator.validate(readFileSync(`${out}.xml`, 'utf8'));
      if (xml !== true) problems.push(`JUnit invalid: ${JSON.stringify(xml).slice(0, 200)}`);
      JSON.parse(readFileSync(`${out}.cq.json`, 'utf8'));
      const markdown = readFileSync(`${out}.md`, 'utf8');
      if (markdown.length >= 65_000) problems.push(`Markdown ${markdown.length} characters`);
      summary += `; SARIF ${statSync(`${out}.sarif`).size} B, Markdown ${markdown.length} chars`;
    }
    if (problems.length > 0) failed += 1;
    process.stdout.write(`${name.padEnd(28)} ${mode.padEnd(4)} exit ${run.status} ${seconds.toFixed(1).padStart(6)} s  ${problems.length > 0 ? `FAILED: ${problems.join('; ')}` : summary}\n`);
  }
}
rmSync(work, { recursive: true, force: true });
process.exit(failed > 0 ? 1 : 0);
