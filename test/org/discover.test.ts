import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { TOOLS_HISTORY } from '../../fixtures/org-histories.js';
import { discoverRepositories } from '../../src/org/discover-repositories.js';
import { fileStems, safeStem } from '../../src/org/file-stems.js';
import { historySize, startOrder } from '../../src/org/history-size.js';
import { parseListFile } from '../../src/org/parse-list-file.js';
import { isRepositoryUrl } from '../../src/org/repository-target.js';
import { git, repoAt } from './org-folder.js';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function temp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'busfactor-discover-'));
  temps.push(dir);
  return dir;
}

const locations = (discovery: Awaited<ReturnType<typeof discoverRepositories>>) => discovery.targets.map((target) => target.location);

describe('finding repositories (docs/org.md, "Finding repositories")', () => {
  it('takes a repository folder as one, and a plain folder as the repositories one level below it', async () => {
    const dir = temp();
    const a = repoAt(dir, 'a', TEAM_HISTORY);
    const b = repoAt(dir, 'b', TOOLS_HISTORY);
    // A bare mirror without a config file is a repository too (git's own test: HEAD, objects/, refs/).
    const bare = path.join(dir, 'c.git');
    git(dir, ['clone', '-q', '--bare', a, bare]);
    rmSync(path.join(bare, 'config'));
    // Two levels down is not searched without --recursive.
    mkdirSync(path.join(dir, 'group'));
    repoAt(path.join(dir, 'group'), 'deep', TOOLS_HISTORY);
    const found = await discoverRepositories([dir], { recursive: false });
    expect(locations(found)).toEqual([a, b, bare]);
    expect(found.targets.map((target) => target.source)).toEqual([path.join(dir, 'a'), path.join(dir, 'b'), path.join(dir, 'c.git')]);
    expect(found.problems).toEqual([]);
    expect(locations(await discoverRepositories([a], { recursive: false }))).toEqual([a]);
    // `repo/.git` named directly is the work tree.
    expect(locations(await discoverRepositories([path.join(a, '.git')], { recursive: false }))).toEqual([a]);
    expect(locations(await discoverRepositories([dir], { recursive: true }))).toEqual([a, b, bare, path.join(dir, 'group', 'deep')]);
  });

  it('leaves nested repositories and submodules inside a work tree to --recursive', async () => {
    const dir = temp();
    const lib = repoAt(dir, 'lib', TOOLS_HISTORY);
    const parent = repoAt(dir, 'super', TEAM_HISTORY);
    // A submodule (its work tree has a .git file) and an untracked nested clone.
    git(parent, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'vendor/lib']);
    repoAt(path.join(parent, 'api'), 'nested', TOOLS_HISTORY);
    const plain = await discoverRepositories([parent], { recursive: false });
    expect(locations(plain)).toEqual([parent]);
    const deep = await discoverRepositories([parent], { recursive: true });
    // Sorted by name at every level; `.git` itself is never searched.
    expect(locations(deep)).toEqual([parent, path.join(parent, 'api', 'nested'), path.join(parent, 'vendor', 'lib')]);
    expect(deep.problems).toEqual([]);
  });

  it('does not follow symbolic links while searching, and keeps one entry per repository', async () => {
    const dir = temp();
    const outside = temp();
    const elsewhere = repoAt(outside, 'elsewhere', TOOLS_HISTORY);
    const a = repoAt(dir, 'a', TEAM_HISTORY);
    symlinkSync(elsewhere, path.join(dir, 'link-out'));
    symlinkSync(a, path.join(dir, 'link-in'));
    expect(locations(await discoverRepositories([dir], { recursive: true }))).toEqual([a]);
    // Named by the user, a link is followed; the same repository twice (by resolved path) is kept once.
    expect(locations(await discoverRepositories([path.join(dir, 'link-out'), a, path.join(dir, 'link-in'), elsewhere], { recursive: false }))).toEqual([elsewhere, a]);
  });

  it('reads list files: blank lines, comments and duplicates skipped, paths relative to the list file, URLs as given', async () => {
    const dir = temp();
    const a = repoAt(dir, 'a', TEAM_HISTORY);
    const b = repoAt(dir, 'b', TOOLS_HISTORY);
    mkdirSync(path.join(dir, 'lists'));
    const list = path.join(dir, 'lists', 'repos.txt');
    writeFileSync(
      list,
      ['# the platform team', '', '../a', '  ../b  ', '../a/', `${a}`, 'https://git.example.com/org/api.git', 'git@github.com:org/web.git', 'https://git.example.com/org/api.git/', '# ../gone', '../missing', '../a/lib', '\r', ''].join('\n'),
    );
    const found = await discoverRepositories([list], { recursive: false });
    expect(found.targets).toEqual([
      { kind: 'path', source: '../a', location: a },
      { kind: 'path', source: '../b', location: b },
      { kind: 'url', source: 'https://git.example.com/org/api.git', location: 'https://git.example.com/org/api.git' },
      { kind: 'url', source: 'git@github.com:org/web.git', location: 'git@github.com:org/web.git' },
    ]);
    expect(found.problems).toEqual([
      { source: '../missing', message: `path does not exist: ../missing (${list}, line 11)` },
      { source: '../a/lib', message: 'no git repository in ../a/lib (it is none, nor are its subfolders; --recursive searches deeper)' },
    ]);
  });

  it('says what is wrong with an argument, never stops on it', async () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'plain'));
    writeFileSync(path.join(dir, 'binary.bin'), Buffer.from([0, 1, 2]));
    const found = await discoverRepositories([path.join(dir, 'plain'), path.join(dir, 'nope'), path.join(dir, 'binary.bin')], { recursive: false });
    expect(found.targets).toEqual([]);
    expect(found.problems.map((problem) => problem.message)).toEqual([
      `no git repository in ${path.join(dir, 'plain')} (it is none, nor are its subfolders; --recursive searches deeper)`,
      `path does not exist: ${path.join(dir, 'nope')}`,
      `${path.join(dir, 'binary.bin')} is neither a folder nor a list file (a list file is text: one repository path or URL a line)`,
    ]);
  });
});

describe('list lines, URLs and file names', () => {
  it('parses a list file', () => {
    expect(parseListFile('a\n\n # note\n#x\nb # not a comment\r\n  c  ')).toEqual([
      { line: 1, entry: 'a' },
      { line: 5, entry: 'b # not a comment' },
      { line: 6, entry: 'c' },
    ]);
  });

  it('tells URLs from paths', () => {
    for (const url of ['https://github.com/a/b', 'ssh://git@host/a.git', 'file:///srv/git/a', 'git@github.com:a/b.git', 'git://host/a']) expect(isRepositoryUrl(url)).toBe(true);
    for (const local of ['/srv/a', './a', 'a:b', 'C:/x', 'weird@name/with:colon', '../a@b']) expect(isRepositoryUrl(local)).toBe(false);
  });

  it('makes safe, unique file stems from the repositories\' paths', () => {
    const target = (location: string) => ({ kind: 'path' as const, source: location, location });
    expect(fileStems([target('/m/vuejs+vue/repo'), target('/m/vuejs+core/repo'), target('/m/git+git/repo')])).toEqual(['vuejs+vue_repo', 'vuejs+core_repo', 'git+git_repo']);
    expect(fileStems([target('/src/api'), target('/src/web'), target('/src/API'), { kind: 'url', source: 'u', location: 'git@github.com:org/api.git' }])).toEqual(['src_api', 'web', 'src_API-2', 'org_api']);
    expect(fileStems([target('/src/one')])).toEqual(['one']);
    expect(safeStem('../.hidden/<script>')).toBe('hidden_script');
    expect(safeStem('...')).toBe('repository');
    expect(safeStem('a/../b')).toBe('a_b');
  });
});

describe('the order analyses start in', () => {
  it('is the largest history first (bytes of its objects), then the order found; URLs count 0', async () => {
    const dir = temp();
    const small = repoAt(dir, 'small', TOOLS_HISTORY);
    const large = repoAt(dir, 'large', TEAM_HISTORY);
    const bare = path.join(dir, 'large.git');
    git(dir, ['clone', '-q', '--bare', large, bare]);
    const target = (location: string) => ({ kind: 'path' as const, source: location, location });
    // TEAM_HISTORY has 17 commits and their trees, TOOLS_HISTORY 5: more bytes of objects.
    expect(await historySize(target(large))).toBeGreaterThan(await historySize(target(small)));
    // A bare clone packs its objects: counted too.
    expect(await historySize(target(bare))).toBeGreaterThan(0);
    const url = { kind: 'url' as const, source: 'https://example.com/x.git', location: 'https://example.com/x.git' };
    expect(await historySize(url)).toBe(0);
    expect(await startOrder([url, target(small), target(large)])).toEqual([2, 1, 0]);
  });
});
