import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MONOREPO } from '../../fixtures/module-histories.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import { runCli } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();
const tempDir = useTempDirs('busfactor-out-');

describe('output formats and files', () => {
  it('--format json is --json; --format text is the summary', () => {
    const repo = fixture(MONOREPO);
    // Uncached: a second run would be a hit, which the report's `cache` field says.
    const json = runCli([repo.dir, '--json', '--no-cache']).stdout;
    expect(runCli([repo.dir, '--format', 'json', '--no-cache']).stdout).toBe(json);
    expect(JSON.parse(json).busFactor).toBe(2);
    expect(runCli([repo.dir, '--format', 'text']).stdout).toMatch(/^Bus factor: 2$/m);
    const bad = runCli([repo.dir, '--format', 'xml']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/^busfactor: error: option '--format <name>' argument 'xml' is invalid\. Allowed choices are text, json\./)]);
  });

  it('-o FILE writes the result there, atomically, and nothing to stdout; warnings stay on stderr', () => {
    const repo = fixture(MONOREPO);
    const dir = tempDir();
    const file = path.join(dir, 'report.json');
    writeFileSync(file, 'the previous report');
    const result = runCli([repo.dir, '--json', '-o', file, '--modules', 'codeowners']);
    expect([result.code, result.stdout]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(file, 'utf8')).codeowners.file).toBe('.github/CODEOWNERS');
    // No temporary file is left beside it.
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(result.stderr).toMatch(/busfactor: warning: \.github\/CODEOWNERS:6: negated patterns/);
    // Text into a file: no colour codes, even with FORCE_COLOR.
    const text = path.join(dir, 'report.txt');
    expect(runCli([repo.dir, '-o', text], { env: { FORCE_COLOR: '1' } }).code).toBe(0);
    expect(readFileSync(text, 'utf8')).not.toMatch(/\x1b\[/);
  });

  it('-o into a folder that does not exist: one line, exit 2, nothing written', () => {
    const repo = fixture(MONOREPO);
    const file = path.join(tempDir(), 'missing', 'report.json');
    const result = runCli([repo.dir, '--json', '-o', file]);
    expect([result.code, result.stdout, result.stderr]).toEqual([2, '', `busfactor: error: cannot write ${file}: ENOENT\n`]);
    expect(existsSync(path.dirname(file))).toBe(false);
  });

  it('--modules takes a comma list of known kinds', () => {
    const repo = fixture(MONOREPO);
    const bad = runCli([repo.dir, '--modules', 'dirs,teams']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/^busfactor: error: option '--modules <kinds>' argument 'dirs,teams' is invalid\. expected a comma list of dirs, workspaces, codeowners, config, auto/)]);
    const both = JSON.parse(runCli([repo.dir, '--modules', 'workspaces,codeowners', '--json']).stdout);
    expect([...new Set(both.modules.map((m: { kind: string }) => m.kind))]).toEqual(['workspace', 'codeowners']);
  });
});
