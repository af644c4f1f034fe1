import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import { runCli } from '../helpers/run-cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const generator = path.join(root, 'scripts', 'synthetic-history.mjs');

let work: string;
let repo: string;
let summary: string;

function generate(out: string, ...args: string[]): { code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [generator, out, ...args], { env: isolatedGitEnv(), encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stderr: result.stderr };
}

function git(dir: string, args: readonly string[]): string {
  const result = spawnSync('git', args, { cwd: dir, env: isolatedGitEnv(), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'busfactor-synthetic-'));
  repo = path.join(work, 'seed1');
  const run = generate(repo, '--commits', '300', '--seed', '1', '--files', '400');
  expect(run.code).toBe(0);
  summary = run.stderr;
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('scripts/synthetic-history.mjs', () => {
  it('makes exactly the asked number of commits, all on main, with merges of topic branches', () => {
    expect(git(repo, ['rev-list', '--count', 'HEAD'])).toBe('300');
    expect(git(repo, ['rev-list', '--count', '--all'])).toBe('300');
    expect(git(repo, ['for-each-ref', '--format=%(refname)'])).toBe('refs/heads/main');
    const merges = Number(git(repo, ['rev-list', '--merges', '--count', 'HEAD']));
    expect(merges).toBeGreaterThan(0);
    expect(summary).toContain(`300 commits (${merges} merges`);
    // Every merge has two parents; no octopus.
    expect(git(repo, ['rev-list', '--min-parents=3', '--count', 'HEAD'])).toBe('0');
    // A normal repository: the work tree is checked out and clean.
    expect(git(repo, ['status', '--porcelain'])).toBe('');
  });

  it('has renames git detects, additions, edits and deletions', () => {
    const statuses = git(repo, ['log', '-M', '--name-status', '--format=', 'HEAD']).split('\n').filter(Boolean);
    const kinds = new Set(statuses.map((line) => line[0]));
    expect([...kinds].sort()).toEqual(['A', 'D', 'M', 'R']);
    expect(statuses.filter((line) => line.startsWith('R')).length).toBeGreaterThan(0);
  });

  it('dates rise from parent to child over at least two years; many authors, a few of them heavy', () => {
    const commits = git(repo, ['log', '--format=%H %ct %at %P', 'HEAD']).split('\n').map((line) => line.split(' '));
    const committed = new Map(commits.map(([id, ct]) => [id, Number(ct)]));
    for (const [, ct, at, ...parents] of commits) {
      expect(Number(at)).toBeLessThanOrEqual(Number(ct));
      for (const parent of parents) expect(committed.get(parent)!).toBeLessThan(Number(ct));
    }
    const times = [...committed.values()];
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(1.9 * 365 * 86_400);
    const counts = git(repo, ['shortlog', '-sne', 'HEAD']).split('\n').map((line) => Number(line.trim().split('\t')[0]));
    expect(counts.length).toBeGreaterThan(10);
    // shortlog -n sorts by count: the heaviest author has several times the median's commits.
    expect(counts[0]!).toBeGreaterThan(4 * counts[Math.floor(counts.length / 2)]!);
  });

  it('is deterministic: the same seed gives the same HEAD commit, another seed another', () => {
    const again = path.join(work, 'seed1-again');
    const other = path.join(work, 'seed2');
    expect(generate(again, '--commits', '300', '--seed', '1', '--files', '400', '--bare').code).toBe(0);
    expect(generate(other, '--commits', '300', '--seed', '2', '--files', '400', '--bare').code).toBe(0);
    const head = git(repo, ['rev-parse', 'HEAD']);
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(git(again, ['rev-parse', 'HEAD'])).toBe(head);
    expect(git(other, ['rev-parse', 'HEAD'])).not.toBe(head);
  });

  it('refuses a folder that is not empty', () => {
    const result = generate(repo, '--commits', '10');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/exists and is not empty/);
  });

  it('busfactor analyses it: every file of the tree counted, every commit read', () => {
    const result = runCli([repo, '--json', '-q']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { files: { path: string }[]; totals: { files: number; commits: number } };
    const tree = git(repo, ['ls-tree', '-r', '--name-only', 'HEAD']).split('\n');
    expect(report.files.length).toBeGreaterThan(0);
    expect(report.totals.files).toBe(tree.length);
    expect(report.totals.commits).toBe(300);
    // Several languages by extension.
    expect(new Set(tree.map((file) => path.extname(file))).size).toBeGreaterThanOrEqual(5);
  });
});
