import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, type BuiltRepo } from '../../fixtures/build-repo.js';
import { ALICE } from '../../fixtures/people.js';
import { openRepository } from '../../src/engine/open-repository.js';

/**
 * `.gitattributes` without git against `git check-attr` (the git engine's reader), for every path
 * of a tree whose attribute files use what gitattributes(5) allows: patterns with and without a
 * slash, `**`, classes, escapes, a quoted pattern, a folder pattern (never matches a file), a
 * negative pattern (ignored), set, unset, unspecified and valued attributes, macros defined at the
 * top (allowed) and below (ignored), the built-in `binary`, precedence of deeper files and of
 * `$GIT_DIR/info/attributes`.
 */
const built: BuiltRepo[] = [];
afterAll(() => built.forEach((repo) => repo.remove()));

const ROOT = [
  '[attr]ours -linguist-vendored linguist-documentation=false',
  '[attr]theirs linguist-vendored',
  '*.js linguist-detectable',
  '*.min.js linguist-generated binary',
  '/top.js linguist-vendored',
  'docs/** linguist-documentation',
  '**/gen/* linguist-generated=true',
  'a/**/b.js linguist-language=TypeScript',
  '[abc]*.c linguist-vendored',
  'x?.py linguist-detectable=false',
  '!negated.js linguist-vendored',
  'dir/ linguist-vendored',
  '"quoted name.js" linguist-generated',
  'lib/\\*star.js linguist-vendored',
  'vendor/** theirs',
  'vendor/keep/** ours',
  '*.dat -diff',
  '*.lfs filter=lfs diff=lfs',
  'unspec/* linguist-vendored',
  'unspec/this.js !linguist-vendored',
  'sub/*.js linguist-language=Ruby',
  '*.txt linguist-detectable   linguist-language=Text',
].join('\n');

const SUB = ['[attr]ignored linguist-vendored', '*.js ignored linguist-language=Python', 'deep/*.js -linguist-language', '/here.js linguist-generated', 'here.js -linguist-generated'].join('\n');

const FILES = [
  'top.js', 'x/top.js', 'app.js', 'app.min.js', 'docs/guide.js', 'docs/deep/more.js', 'src/gen/out.js', 'gen/out.js', 'src/gen/deep/out.js',
  'a/b.js', 'a/x/y/b.js', 'ab.js', 'apple.c', 'cherry.c', 'delta.c', 'x1.py', 'xy.py', 'x12.py', 'negated.js', 'dir', 'dir/file.js',
  'quoted name.js', 'lib/*star.js', 'lib/xstar.js', 'vendor/lib.js', 'vendor/keep/mine.js', 'data.dat', 'big.lfs', 'unspec/this.js', 'unspec/that.js',
  'sub/a.js', 'sub/deep/b.js', 'sub/here.js', 'sub/sub2/here.js', 'notes.txt', 'ünïcode/naïve.js',
];

describe('attributes without git', () => {
  it('are what git check-attr says, for every path', async () => {
    const write: Record<string, string> = { '.gitattributes': `${ROOT}\n`, 'sub/.gitattributes': `${SUB}\n`, 'sub/deep/.gitattributes': 'b.js linguist-generated\n' };
    for (const file of FILES) write[file === 'dir' ? 'dir-file' : file] = `${file}\n`;
    const repo = buildRepo([{ commit: { author: ALICE, at: '2020-01-01T00:00:00Z', write } }]);
    built.push(repo);
    const paths = Object.keys(write).map((file) => Buffer.from(file));
    const compare = async () => {
      const withGit = await openRepository(repo.dir, { engine: 'git' });
      const withoutGit = await openRepository(repo.dir, { engine: 'isomorphic-git' });
      const head = await withGit.reader.resolveCommit('HEAD');
      const expected = await withGit.reader.readAttributes(head, paths);
      const actual = await withoutGit.reader.readAttributes(head, paths);
      paths.forEach((file, i) => expect({ path: file.toString(), attributes: actual[i] }).toEqual({ path: file.toString(), attributes: expected[i] }));
      return expected;
    };
    const before = await compare();
    // The test can fail: attributes were found.
    expect(before.filter((attributes) => attributes.vendored || attributes.generated || attributes.language !== undefined).length).toBeGreaterThan(10);
    // $GIT_DIR/info/attributes outranks every file of the tree, and may define macros.
    mkdirSync(path.join(repo.dir, '.git', 'info'), { recursive: true });
    writeFileSync(path.join(repo.dir, '.git', 'info', 'attributes'), '[attr]theirs linguist-generated\n*.c -linguist-vendored\nsub/** linguist-documentation\n');
    await compare();
  });

  it('match globs as git\'s wildmatch does, pattern by pattern', async () => {
    const PATTERNS = [
      '**', '**/x/**', 'a/**', '**/b', '*/b/*', 'a/*/c.js', '[[:digit:]]*.js', '[!a-c]*.js', '[a-]*.js', '\\[x].js', '[]]*.js', '*[[:upper:]]*',
      '?.js', 'a/**/**/c.js', 'a**c.js', '**.js', 'a/*', '/a/b/*.js', 'b/*.js', '*.[jt]s', 'x[^a]y.js', '[[:alpha:][:punct:]]*', 'a/b/', '*', '\\!bang.js',
    ];
    const files = ['a.js', '1a.js', 'd.js', '-x.js', '[x].js', 'x.js', ']x.js', 'A.ts', 'aB.js', 'a/c.js', 'a/b/c.js', 'a/b/x/c.js', 'a/x/b/c.js', 'x/y.js', 'q/x/z.js', 'b/a.js', 'abc.js', 'ac.js', 'xby.js', 'xay.js', '!bang.js', '.hidden.js', 'a/b'];
    const write: Record<string, string> = {};
    for (const file of files) write[file === 'a/b' ? 'a/b/keep.js' : file] = `${file}\n`;
    const steps = PATTERNS.map((pattern, i) => ({ commit: { author: ALICE, at: `2020-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`, write: { ...(i === 0 ? write : {}), '.gitattributes': `${pattern} linguist-vendored\n` } } }));
    const repo = buildRepo(steps);
    built.push(repo);
    const withGit = await openRepository(repo.dir, { engine: 'git' });
    const withoutGit = await openRepository(repo.dir, { engine: 'isomorphic-git' });
    const paths = Object.keys(write).map((file) => Buffer.from(file));
    let matched = 0;
    for (const [i, pattern] of PATTERNS.entries()) {
      const commit = await withGit.reader.resolveCommit(`HEAD~${PATTERNS.length - 1 - i}`);
      const expected = (await withGit.reader.readAttributes(commit, paths)).map((attributes) => attributes.vendored === true);
      const actual = (await withoutGit.reader.readAttributes(commit, paths)).map((attributes) => attributes.vendored === true);
      expect({ pattern, actual }).toEqual({ pattern, actual: expected });
      matched += expected.filter(Boolean).length;
    }
    expect(matched).toBeGreaterThan(40);
  });
});
