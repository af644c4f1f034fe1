import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgView } from '../../src/org/org-view.js';
import { runCli } from '../helpers/run-cli.js';
import { freePort, startGitDaemon } from '../helpers/git-daemon.js';
import { buildOrgFolder, git, type OrgFolder } from './org-folder.js';

let folder: OrgFolder;
let work: string;
beforeAll(() => {
  folder = buildOrgFolder();
  work = mkdtempSync(path.join(tmpdir(), 'busfactor-org-out-'));
});
afterAll(() => {
  folder.remove();
  rmSync(work, { recursive: true, force: true });
});

const orgJson = (args: readonly string[]) => {
  const result = runCli(['org', ...args, '--json', '--no-cache']);
  return { result, view: result.code === 0 ? (JSON.parse(result.stdout) as OrgView) : undefined };
};

describe('busfactor org over a folder of repositories', () => {
  it('analyses every repository, lists the failed ones, and exits 0', () => {
    const { result, view } = orgJson([folder.dir, '--jobs', '2']);
    expect(result.code).toBe(0);
    // Figures of each worked out in fixtures/org-histories.ts and fixtures/histories.ts (TEAM_HISTORY).
    expect(view?.repositories.map((repository) => [repository.name, repository.activeBusFactor, repository.busFactor, repository.lost.files, repository.files])).toEqual([
      ['billing', 1, 1, 1, 5],
      ['team', 2, 2, 0, 7],
      ['tools', 2, 2, 0, 5],
    ]);
    expect(view?.people.map((person) => [person.id, person.keyIn])).toEqual([
      ['bob@personal.example', 3],
      ['alice@other.example', 1],
      ['carol@example.com', 1],
    ]);
    // The folder's repositories in name order; `notes` is a plain folder one level down: not one.
    expect(view?.failures).toEqual([
      { repository: 'broken-head', source: path.join(folder.dir, 'broken-head'), error: `not a git repository: ${folder.brokenHead}` },
      { repository: 'broken-object', source: path.join(folder.dir, 'broken-object'), error: expect.stringMatching(/^the repository is corrupt: HEAD points to [0-9a-f]{40}, which cannot be read .*\(git fsck names the damage\)$/) as unknown as string },
      { repository: 'empty', source: path.join(folder.dir, 'empty'), error: 'the repository has no commits yet' },
    ]);
    expect(view?.totals).toMatchObject({ repositories: 3, failed: 3, people: 6 });
    // Not a terminal: stderr has the failures and nothing else (no progress).
    expect(result.stderr.split('\n').filter(Boolean).sort()).toEqual([
      `busfactor: warning: broken-head failed: not a git repository: ${folder.brokenHead}`,
      expect.stringMatching(/^busfactor: warning: broken-object failed: the repository is corrupt: /) as unknown as string,
      'busfactor: warning: empty failed: the repository has no commits yet',
    ]);
  });

  it('gives the same output with --jobs 1 and --jobs 2', () => {
    const one = runCli(['org', folder.dir, '--jobs', '1', '--no-cache', '--json']);
    const two = runCli(['org', folder.dir, '--jobs', '2', '--no-cache', '--json']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const text1 = runCli(['org', folder.dir, '--jobs', '1', '--no-cache']);
    const text2 = runCli(['org', folder.dir, '--jobs', '2', '--no-cache']);
    expect(text2.stdout).toBe(text1.stdout);
  });

  it('prints the text view with a failed section', () => {
    const result = runCli(['org', folder.dir, '--no-cache', '-q']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Organisation · 3 repositories · 3 failed · 6 people · 3 key people · 1 departed still holding files · AVL · departed after 1y');
    expect(lines).toContain('     1 !  1 !   20%      5        5  billing     Bob Baker (60%)');
    expect(lines).toContain('       3       3      8  Bob Baker     billing (3, key), team (3, key), tools (2, key)');
    expect(lines).toContain('      1       0  Dave Dunn  billing (1)            tools');
    const failed = lines.indexOf('Failed (3)');
    expect(failed).toBeGreaterThan(0);
    expect(lines[failed + 3]).toBe(`  empty: the repository has no commits yet (${path.join(folder.dir, 'empty')})`);
  });

  it('refuses --jobs 0 and a --jobs that is no number with one line, exit 2', () => {
    for (const value of ['0', 'two', '-1']) {
      const result = runCli(['org', folder.dir, '--jobs', value]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`busfactor: error: option '--jobs <n>' argument '${value}' is invalid. expected a whole number of 1 or more (see busfactor --help)\n`);
    }
  });

  it('exits 2 when every repository failed, or none was found', () => {
    const all = runCli(['org', folder.brokenHead, folder.empty, '--no-cache']);
    expect(all.code).toBe(2);
    expect(all.stdout).toBe('');
    expect(all.stderr.split('\n').filter(Boolean).at(-1)).toBe(`busfactor: error: none of the 2 repositories could be analysed (broken-head: not a git repository: ${folder.brokenHead}; and 1 more failure)`);
    const one = runCli(['org', folder.empty, '--no-cache']);
    expect(one).toMatchObject({ code: 2, stdout: '', stderr: 'busfactor: error: the repository could not be analysed (empty: the repository has no commits yet)\n' });
    const none = runCli(['org', path.join(folder.dir, 'notes')]);
    expect(none).toMatchObject({ code: 2, stderr: `busfactor: error: no git repository in ${path.join(folder.dir, 'notes')} (it is none, nor are its subfolders; --recursive searches deeper)\n` });
    expect(runCli(['org'])).toMatchObject({ code: 2, stderr: "busfactor: error: missing required argument 'repositories' (see busfactor --help)\n" });
  });

  it('reads a list file: comments, blank lines and duplicates skipped; URLs cloned, one that fails listed', async () => {
    // billing, served by a real git daemon (git://) and named by file:// too, is cloned into the
    // cache folder (docs/remote.md); a closed port fails with its one line, and the others go on.
    const daemon = await startGitDaemon(folder.dir);
    const cacheDir = path.join(work, 'url-cache');
    try {
      const list = path.join(work, 'repos.txt');
      const relative = path.relative(work, folder.team);
      const closed = `git://127.0.0.1:${await freePort()}/none`;
      writeFileSync(list, `# our repositories\n\n${relative}\n${folder.team}/\n${folder.tools}\n   \n# ${folder.billing}\n${daemon.url('billing')}\n${closed}\n${relative}\n`);
      const result = runCli(['org', list, '--json', '--cache-dir', cacheDir]);
      expect(result.code, result.stderr).toBe(0);
      const view = JSON.parse(result.stdout) as OrgView;
      expect(view.repositories.map((repository) => [repository.name, repository.source]).sort()).toEqual([
        ['billing', daemon.url('billing')],
        ['team', relative],
        ['tools', folder.tools],
      ]);
      // The URL's copy is analysed as the local folder is: BILLING_HISTORY's bus factor 1, Bob
      // (fixtures/org-histories.ts: without Bob 2 of 5 files keep an author, 0.4 < 0.5).
      const local = orgJson([folder.billing]).view?.repositories[0];
      const cloned = view.repositories.find((repository) => repository.name === 'billing');
      expect([cloned?.busFactor, local?.busFactor]).toEqual([1, 1]);
      expect(view.failures).toHaveLength(1);
      expect(view.failures[0]).toMatchObject({ repository: 'none', source: closed });
      expect(view.failures[0]?.error).toMatch(/^cannot clone git:\/\/127\.0\.0\.1:\d+\/none: /);
      expect(view.failures[0]?.error).not.toContain('\n');
      // --no-fetch: the copy as it is; the closed port still fails (no copy of it).
      const offline = runCli(['org', list, '--json', '--cache-dir', cacheDir, '--no-fetch']);
      expect(offline.code).toBe(0);
      expect((JSON.parse(offline.stdout) as OrgView).repositories.map((repository) => repository.name).sort()).toEqual(['billing', 'team', 'tools']);
    } finally {
      await daemon.stop();
    }
  });

  it('analyses a shallow clone with its warning, and a second copy of one commit once', () => {
    const shallow = path.join(work, 'shallow-tools');
    git(work, ['-c', 'protocol.file.allow=always', 'clone', '-q', '--depth', '2', `file://${folder.tools}`, shallow]);
    const copy = path.join(work, 'team-copy');
    git(work, ['clone', '-q', folder.team, copy]);
    const out = path.join(work, 'shallow-out');
    const { result, view } = orgJson([folder.team, shallow, copy, '--out', out]);
    expect(result.code).toBe(0);
    expect(view?.repositories.map((repository) => repository.name).sort()).toEqual(['shallow-tools', 'team']);
    const shallowEntry = view?.repositories.find((repository) => repository.name === 'shallow-tools');
    expect(shallowEntry?.warnings.map((warning) => warning.code)).toContain('shallow-clone');
    // Two of the five commits: Robert's w.js and Dave's v.js; the others' files count for the boundary commit.
    expect(shallowEntry?.commits).toBe(2);
    expect(view?.warnings).toEqual([{ code: 'same-repository', message: `${copy} is the same history at the same commit (${git(folder.team, ['rev-parse', 'HEAD']).slice(0, 12)}) as ${folder.team}: counted once` }]);
    // The copy's report is not left in --out, where aggregate would count it again.
    expect(readdirSync(out).sort()).toEqual(['shallow-tools.json', 'team.json']);
    expect(result.stderr).toContain('busfactor: warning: shallow-tools: this is a shallow clone');
  });
});

describe('--out and busfactor aggregate', () => {
  it('writes each report as scan --json does, and aggregate over them gives the same view', () => {
    const out = path.join(work, 'out', 'nested');
    const org = runCli(['org', folder.dir, '--out', out, '--json', '--no-cache']);
    expect(org.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['billing.json', 'team.json', 'tools.json']);
    const scan = runCli(['scan', folder.billing, '--json', '--no-cache']);
    expect(readFileSync(path.join(out, 'billing.json'), 'utf8')).toBe(scan.stdout);

    const aggregate = runCli(['aggregate', path.join(out, 'tools.json'), path.join(out, 'billing.json'), path.join(out, 'team.json'), '--json']);
    expect(aggregate.code).toBe(0);
    const fromOrg = JSON.parse(org.stdout) as OrgView;
    const fromFiles = JSON.parse(aggregate.stdout) as OrgView;
    // The same view but for where each repository came from, and org's failures (aggregate sees none).
    const comparable = (view: OrgView) => ({ ...view, repositories: view.repositories.map(({ source: _source, ...rest }) => rest), failures: [], totals: { ...view.totals, failed: 0 } });
    expect(comparable(fromFiles)).toEqual(comparable(fromOrg));
    expect(fromFiles.repositories.map((repository) => repository.source)).toEqual([path.join(out, 'billing.json'), path.join(out, 'team.json'), path.join(out, 'tools.json')]);
    // A folder stands for its *.json files.
    expect(runCli(['aggregate', out, '--json']).stdout).toBe(aggregate.stdout);
    expect(existsSync(path.join(out, 'broken-head.json'))).toBe(false);
  });
});
