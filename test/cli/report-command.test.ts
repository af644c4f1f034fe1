import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GATE_HISTORY } from '../../fixtures/check-histories.js';
import { csvText } from '../../src/render/report/render-report-csv.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runCli } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'busfactor-report-'));
  temps.push(dir);
  return dir;
}

/** A file path whose name is a spreadsheet formula, by one author: a CSV must keep it text. */
const FORMULA_HISTORY = [
  { commit: { author: { name: '=HYPERLINK("http://x","y")', email: 'f@example.com' }, at: '2024-01-01T10:00:00Z', write: { 'src/=cmd|x.js': 'a\n', 'src/b.js': 'b\n', 'src/c.js': 'c\n' } } },
] as const;

// GATE_HISTORY's figures are worked out in fixtures/check-histories.ts: api BF 1 / active 1 (Bob,
// successor Carol), billing 1 / 0 with 3 lost files (Alice departed), web 2 / 2.
describe('busfactor report --format csv', () => {
  it('writes modules.csv and people.csv into a folder, RFC 4180 quoted with CRLF', () => {
    const out = tempDir();
    const run = runCli(['report', fixture(GATE_HISTORY).dir, '--format', 'csv', '-o', out]);
    expect(run.code).toBe(0);
    const modules = readFileSync(path.join(out, 'modules.csv'), 'utf8').split('\r\n');
    expect(modules[0]).toBe('"id","kind","name","path","files","bus_factor","active_bus_factor","lost_files","authors","orphan_files","key_people","successors"');
    expect(modules.slice(1)).toEqual([
      '"directory:api","directory","api","api","4","1","1","0","2","0","Bob Baker","Carol Chen"',
      '"directory:billing","directory","billing","billing","3","1","0","3","1","0","Alice Archer",""',
      '"directory:web","directory","web","web","3","2","2","0","3","0","Bob Baker; Carol Chen",""',
      '',
    ]);
    const people = readFileSync(path.join(out, 'people.csv'), 'utf8').split('\r\n');
    expect(people[0]).toBe('"id","name","emails","commits","first_commit","last_commit","last_active","departed","bot","files_authored"');
    expect(people.find((line) => line.startsWith('"alice@example.com"'))).toBe('"alice@example.com","Alice Archer","alice@example.com","1","2020-01-01T10:00:00Z","2020-01-01T10:00:00Z","2020-01-01T10:00:00Z","true","false","3"');
  });

  it('prints one table with --table, and keeps formula-like cells text', () => {
    const run = runCli(['report', fixture(FORMULA_HISTORY).dir, '--format', 'csv', '--table', 'people']);
    expect(run.code).toBe(0);
    // The name starts with "=": a leading ' makes it text; quotes are doubled (RFC 4180).
    expect(run.stdout.split('\r\n')[1]).toBe('"f@example.com","\'=HYPERLINK(""http://x"",""y"")","f@example.com","1","2024-01-01T10:00:00Z","2024-01-01T10:00:00Z","2024-01-01T10:00:00Z","false","false","3"');
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('-x')).toBe("'-x");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('\tx')).toBe("'\tx");
    expect(csvText('plain')).toBe('plain');
  });

  it('bad input: one line and exit 2, nothing written', () => {
    const dir = fixture(GATE_HISTORY).dir;
    const noTarget = runCli(['report', dir, '--format', 'csv']);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toBe('busfactor: error: --format csv writes two tables: give -o DIR (it gets modules.csv and people.csv) or --table modules|people for one on stdout\n');
    const missing = path.join(tempDir(), 'no', 'such');
    const noFolder = runCli(['report', dir, '--format', 'csv', '-o', missing]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain('no such folder');
    const badFile = runCli(['report', dir, '-o', path.join(missing, 'r.md')]);
    expect(badFile.code).toBe(2);
    // Checked before any analysis: the folder -o names must exist.
    expect(badFile.stderr).toMatch(/^busfactor: error: -o .*r\.md: no such folder .*\n$/);
    const tableOnly = runCli(['report', dir, '--table', 'modules']);
    expect(tableOnly.code).toBe(2);
  });

  it('--format json prints the report model', () => {
    const run = runCli(['report', fixture(GATE_HISTORY).dir, '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { busFactor: number }).busFactor).toBe(2);
  });
});

// GATE_HISTORY: Bob authors 4 files, the most; with --anonymize nobody's name or email is left, and
// the same salt gives Bob the same pseudonym in the Markdown, the CSV and the JSON.
describe('busfactor report --anonymize', () => {
  it('replaces every person in every format, the same pseudonym for the same salt', () => {
    const dir = fixture(GATE_HISTORY).dir;
    const args = ['report', dir, '--anonymize', '--anonymize-salt', 'engagement-42', '-q'];
    const json = runCli([...args, '--format', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { busFactor: number; keyPeople: { id: string; name: string }[] };
    expect(report.busFactor).toBe(2);
    const bob = report.keyPeople[0];
    expect(bob?.id).toMatch(/^[0-9a-f]{8}@anonymized\.invalid$/);
    expect(bob?.name).toMatch(/^Person [0-9a-f]{8}$/);
    const markdown = runCli([...args, '--format', 'md']).stdout;
    const people = runCli([...args, '--format', 'csv', '--table', 'people']).stdout;
    for (const text of [json.stdout, markdown, people]) {
      expect(text).not.toMatch(/alice|bob|carol|dave|example\.com/i);
    }
    expect(markdown).toContain(bob?.name);
    expect(people).toContain(`"${bob?.id}","${bob?.name}"`);
    // Same salt, same pseudonyms; another salt, others; no salt, a random one per run.
    expect(runCli([...args, '--format', 'json']).stdout).toBe(json.stdout);
    const other = JSON.parse(runCli(['report', dir, '--anonymize', '--anonymize-salt', 'other', '--format', 'json']).stdout) as typeof report;
    expect(other.keyPeople[0]?.id).not.toBe(bob?.id);
    const random = runCli(['report', dir, '--anonymize', '--format', 'json']).stdout;
    expect(random).not.toBe(runCli(['report', dir, '--anonymize', '--format', 'json']).stdout);
  });
});
