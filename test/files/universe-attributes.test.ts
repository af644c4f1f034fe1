import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import { ALICE, BOB } from '../../fixtures/people.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { tempFolderWarnings } from '../../src/temp-folder.js';
import { COMMIT_ENV, counted, universeOf } from './universe.js';

const build = useFixtureRepos();

const FIRST_ATTRIBUTES = [
  'legacy/** linguist-vendored',
  'vendor/keep.js -linguist-vendored',
  'vendor/also.js linguist-vendored=false',
  'hand.min.js -linguist-vendored',
  'gen/** linguist-generated',
  'guide/** linguist-documentation',
  'docs/api.js -linguist-documentation',
  '*.txt linguist-language=Python',
  'data/*.json linguist-detectable',
  'src/skip.js -linguist-detectable',
  'blobs/** binary',
  'nodiff.c -diff',
  'other.js linguist-language=NoSuchLanguage',
  '',
].join('\n');

const code = 'run();\n';

/**
 * Commit 1 has FIRST_ATTRIBUTES (and nested/.gitattributes); commit 2 replaces the top one with a
 * single rule; the work tree then gets an uncommitted `* linguist-vendored` that no analysis may see.
 */
function attributedRepo() {
  const repo = build([
    {
      commit: {
        author: ALICE,
        at: '2020-01-01T00:00:00Z',
        write: {
          '.gitattributes': FIRST_ATTRIBUTES,
          'nested/.gitattributes': '*.js linguist-generated\n',
          'nested/x.js': code,
          'legacy/a.js': code,
          'vendor/keep.js': code,
          'vendor/also.js': code,
          'vendor/other.js': code,
          'hand.min.js': code,
          'gen/a.js': code,
          'guide/a.js': code,
          'docs/api.js': code,
          'notes.txt': 'print(1)\n',
          'data/a.json': '{"a": 1}\n',
          'src/skip.js': code,
          'src/ok.js': code,
          'blobs/a.js': code,
          'nodiff.c': 'int main(void) { return 0; }\n',
          'other.js': code,
        },
      },
    },
    { commit: { author: BOB, at: '2020-01-02T00:00:00Z', write: { '.gitattributes': 'src/ok.js linguist-generated\n' } } },
  ]);
  writeFileSync(path.join(repo.dir, '.gitattributes'), '* linguist-vendored\n');
  return repo;
}

/** What commit 1's attributes make of the tree. */
const AT_FIRST_COMMIT = {
  counted: [
    ['data/a.json', 'JSON'], // linguist-detectable counts a data file
    ['docs/api.js', 'JavaScript'], // -linguist-documentation beats documentation.yml
    ['hand.min.js', 'JavaScript'], // -linguist-vendored beats vendor.yml and the §4 default
    ['notes.txt', 'Python'], // linguist-language=Python
    ['src/ok.js', 'JavaScript'],
    ['vendor/also.js', 'JavaScript'], // linguist-vendored=false
    ['vendor/keep.js', 'JavaScript'], // -linguist-vendored
  ],
  excluded: {
    vendored: 4, // legacy/a.js (attribute), vendor/other.js, .gitattributes, nested/.gitattributes (vendor.yml)
    generated: 2, // gen/a.js, nested/x.js (nested .gitattributes)
    documentation: 1, // guide/a.js
    'not-code': 2, // src/skip.js (-linguist-detectable), other.js (unknown linguist-language)
    binary: 2, // blobs/a.js (binary), nodiff.c (-diff)
  },
};

/** What commit 2's attributes make of the same files. */
const AT_SECOND_COMMIT = {
  counted: [
    ['blobs/a.js', 'JavaScript'],
    ['gen/a.js', 'JavaScript'],
    ['guide/a.js', 'JavaScript'],
    ['legacy/a.js', 'JavaScript'],
    ['nodiff.c', 'C'],
    ['other.js', 'JavaScript'],
    ['src/skip.js', 'JavaScript'],
  ],
  excluded: {
    vendored: 6, // vendor/keep.js, vendor/also.js, vendor/other.js, hand.min.js, both .gitattributes
    generated: 2, // src/ok.js (attribute), nested/x.js
    documentation: 1, // docs/api.js
    'not-code': 2, // notes.txt (Text), data/a.json (JSON)
  },
};

describe('buildFileUniverse: .gitattributes', () => {
  it('honours linguist-* attributes set, unset and with values, binary and -diff, at the analysed revision', async () => {
    const repo = attributedRepo();
    const universe = await universeOf(repo, 'HEAD~1');
    expect(counted(universe)).toEqual(AT_FIRST_COMMIT.counted);
    expect(universe.excluded).toEqual(AT_FIRST_COMMIT.excluded);
    expect(universe.warnings).toEqual([]);
  });

  it('reads the attributes of the revision, not those of the work tree', async () => {
    const repo = attributedRepo();
    const universe = await universeOf(repo, 'HEAD');
    expect(counted(universe)).toEqual(AT_SECOND_COMMIT.counted);
    expect(universe.excluded).toEqual(AT_SECOND_COMMIT.excluded);
    expect(repo.git(['status', '--porcelain'])).toBe('M .gitattributes'); // nothing else written
  });

  it('applies the top .gitattributes to an analysis scoped to a folder', async () => {
    const repo = attributedRepo();
    const universe = await universeOf(path.join(repo.dir, 'vendor'), 'HEAD~1');
    expect(counted(universe)).toEqual([
      ['vendor/also.js', 'JavaScript'],
      ['vendor/keep.js', 'JavaScript'],
    ]);
    expect(universe.excluded).toEqual({ 'outside-scope': 15, vendored: 1 });
  });

  it('reads them in a bare clone too', async () => {
    const repo = attributedRepo();
    const bare = `${repo.dir}-bare.git`;
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare], { env: isolatedGitEnv() });
    try {
      const universe = await universeOf(bare, 'HEAD~1');
      expect(counted(universe)).toEqual(AT_FIRST_COMMIT.counted);
      expect(universe.excluded).toEqual(AT_FIRST_COMMIT.excluded);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  describe('with its own temporary folder', () => {
    const saved = process.env.TMPDIR;
    afterEach(() => {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    });

    it('leaves no temporary index behind and does not touch the repository index', async () => {
      const repo = attributedRepo();
      const tmp = mkdtempSync(path.join(tmpdir(), 'busfactor-test-tmp-'));
      const index = path.join(repo.dir, '.git', 'index');
      const before = statSync(index).mtimeMs;
      try {
        process.env.TMPDIR = tmp;
        await universeOf(repo, 'HEAD~1');
        expect(readdirSync(tmp)).toEqual([]);
        expect(statSync(index).mtimeMs).toBe(before);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });

    it('warns when the attributes cannot be read, and goes on with Linguist rules alone', async () => {
      const repo = attributedRepo();
      // A hostile tree git refuses to read into an index: an entry named `.git` (made with
      // --literally, as no porcelain would). ls-tree lists it, read-tree says "invalid path".
      const blob = repo.git(['hash-object', '-w', '--stdin'], {}, 'x\n');
      const base = repo.git(['ls-tree', 'HEAD~1']);
      const tree = repo.git(['mktree'], {}, `${base}\n100644 blob ${blob}\t.git\n`.replace(/^\n/, ''));
      const commit = repo.git(['commit-tree', tree, '-m', 'hostile'], COMMIT_ENV);
      const universe = await universeOf(repo, commit);
      expect(universe.warnings.map((w) => w.code)).toEqual(['attributes-unreadable']);
      // Every .js outside vendor/ and docs/ and not minified, and the C file; the .txt is Text again.
      expect(universe.files.map((f) => f.path)).toEqual(['blobs/a.js', 'gen/a.js', 'guide/a.js', 'legacy/a.js', 'nested/x.js', 'nodiff.c', 'other.js', 'src/ok.js', 'src/skip.js']);
      expect(universe.excluded).toEqual({ vendored: 6, documentation: 1, 'not-code': 3 });
    });

    it('a TMPDIR that does not exist: the system temporary folder instead, with a warning, attributes honoured', async () => {
      const repo = attributedRepo();
      const expected = await universeOf(repo, 'HEAD~1');
      process.env.TMPDIR = path.join(repo.dir, 'no', 'such', 'folder');
      const universe = await universeOf(repo, 'HEAD~1');
      expect(universe.files).toEqual(expected.files);
      expect(universe.excluded).toEqual(expected.excluded);
      expect(tempFolderWarnings().map((w) => w.code)).toEqual(['temp-folder-fallback']);
      expect(tempFolderWarnings()[0]?.message).toMatch(/no\/such\/folder cannot be used \(ENOENT\): \/tmp is used instead/);
    });
  });
});
