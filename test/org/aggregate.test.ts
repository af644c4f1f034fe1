import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgView } from '../../src/org/org-view.js';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../helpers/run-cli.js';
import { buildOrgFolder, type OrgFolder } from './org-folder.js';

let folder: OrgFolder;
let work: string;
/** Per-repository reports as a CI matrix job writes them: `report.json` in a folder per job. */
let team: string;
let tools: string;

function scanTo(repo: string, file: string, ...flags: string[]): void {
  const result = runCli(['scan', repo, '--json', '--no-cache', '-o', file, ...flags]);
  if (result.code !== 0) throw new Error(result.stderr);
}

beforeAll(() => {
  folder = buildOrgFolder({ broken: false });
  work = mkdtempSync(path.join(tmpdir(), 'busfactor-aggregate-'));
  team = path.join(work, 'report-team.json');
  tools = path.join(work, 'report-tools.json');
  scanTo(folder.team, team);
  scanTo(folder.tools, tools);
});
afterAll(() => {
  folder.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('busfactor aggregate', () => {
  it('builds the view from reports made elsewhere', () => {
    const result = runCli(['aggregate', team, tools, '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const view = JSON.parse(result.stdout) as OrgView;
    // team and tools: active bus factor 2, nothing lost, bus factor 2; team has more files (7 > 5).
    expect(view.repositories.map((repository) => [repository.name, repository.busFactor, repository.source])).toEqual([
      ['team', 2, team],
      ['tools', 2, tools],
    ]);
    // Without billing nothing joins bob@example.com (team) and bob@personal.example (tools):
    // team's Alice, Bob, Carol and tools' Alice, Robert, Dave are six people.
    expect(view.totals).toEqual({ repositories: 2, failed: 0, people: 6, keyPeople: 4, departedHolders: 0, files: 12, commits: 22 });
  });

  it('names repositories by their files where their own names collide (report.json in each job folder)', () => {
    // Two repositories both called `repo` (mirrors), at different commits, each in its job's report.json.
    const report = JSON.parse(readFileSync(tools, 'utf8')) as Report;
    const files = ['a', 'b'].map((job) => {
      const file = path.join(work, 'jobs', job, 'report.json');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ ...report, head: job.repeat(40), repository: { ...report.repository, name: 'repo' } }));
      return file;
    });
    const view = JSON.parse(runCli(['aggregate', ...files, '--json']).stdout) as OrgView;
    // The files' names collide too: their paths below the folder holding both.
    expect(view.repositories.map((repository) => repository.name)).toEqual(['a_report', 'b_report']);
  });

  it('counts one history at one commit once', () => {
    const result = runCli(['aggregate', team, tools, team, '--json']);
    expect(result.code).toBe(0);
    const view = JSON.parse(result.stdout) as OrgView;
    expect(view.totals.repositories).toBe(2);
    const head = (JSON.parse(readFileSync(team, 'utf8')) as Report).head;
    expect(view.warnings).toEqual([{ code: 'same-repository', message: `${team} is the same history at the same commit (${head.slice(0, 12)}) as ${team}: counted once` }]);
    // Not in the JSON alone: on stderr too, since stdout is JSON.
    expect(result.stderr).toBe(`busfactor: warning: ${team} is the same history at the same commit (${head.slice(0, 12)}) as ${team}: counted once\n`);
  });

  it('refuses reports made under settings that make their figures incomparable', () => {
    const cases: [string, string[], string][] = [
      ['recency', ['--algorithm', 'recency'], '--algorithm (avl and recency)'],
      ['departed', ['--departed-after', '6mo'], '--departed-after (1y and 6mo)'],
      ['bots', ['--include-bots'], '--include-bots (false and true)'],
      ['all-text', ['--all-text'], '--all-text (false and true)'],
      ['co-authors', ['--co-authors', 'credit'], '--co-authors (ignore and credit)'],
    ];
    for (const [name, flags, what] of cases) {
      const other = path.join(work, `tools-${name}.json`);
      scanTo(folder.tools, other, ...flags);
      const result = runCli(['aggregate', team, other]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`busfactor: error: ${team} and ${other} were made with different ${what}: their figures are not comparable (make every report with the same settings)\n`);
    }
    // What describes a repository rather than the measure may differ: its module depth, its --lines.
    const deeper = path.join(work, 'tools-depth.json');
    scanTo(folder.tools, deeper, '--depth', '1', '--lines');
    expect(runCli(['aggregate', team, deeper, '--json']).code).toBe(0);
    // 12mo is 1y (365 days): comparable.
    const twelve = path.join(work, 'tools-12mo.json');
    scanTo(folder.tools, twelve, '--departed-after', '12mo');
    expect(runCli(['aggregate', team, twelve, '--json']).code).toBe(0);
  });

  it('refuses a file that is no busfactor report, with one line naming it', () => {
    const write = (name: string, content: string) => {
      const file = path.join(work, name);
      writeFileSync(file, content);
      return file;
    };
    const report = JSON.parse(readFileSync(tools, 'utf8')) as Record<string, unknown>;
    const cases: [string, string][] = [
      [write('not-json.json', '{ "schemaVersion": 1, '), 'not JSON ('],
      [write('other-tool.json', '{ "schemaVersion": 1, "tool": { "name": "truckfactor" } }'), 'not a busfactor report (no "tool": { "name": "busfactor" })'],
      [write('array.json', '[]'), 'not a busfactor report (no "tool": { "name": "busfactor" })'],
      [write('v2.json', JSON.stringify({ ...report, schemaVersion: 2 })), 'report schemaVersion 2; busfactor 0.1.0 reads schemaVersion 1 (make the reports again with this version, or aggregate with the version that made them)'],
      [write('no-people.json', JSON.stringify({ ...report, people: 'nobody' })), 'not a busfactor repository report (people: '],
      [write('org-view.json', runCli(['aggregate', team, '--json']).stdout), "an organisation view, not a repository's report (aggregate reads the per-repository reports: busfactor scan --json, busfactor org --out DIR)"],
    ];
    for (const [file, problem] of cases) {
      const result = runCli(['aggregate', team, file]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]?.startsWith(`busfactor: error: ${file}: ${problem}`)).toBe(true);
    }
    expect(runCli(['aggregate', path.join(work, 'missing.json')])).toMatchObject({ code: 2, stderr: `busfactor: error: ${path.join(work, 'missing.json')}: no such file\n` });
  });
});

