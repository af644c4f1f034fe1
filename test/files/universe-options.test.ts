import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALICE } from '../../fixtures/people.js';
import { CancelledError } from '../../src/errors.js';
import { compileGlobs } from '../../src/files/match-globs.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { counted, universeOf } from './universe.js';

const build = useFixtureRepos();

const PNG_SIGNATURE = Buffer.from('89504e470d0a1a0a0000000d4948445200', 'hex');

/** Thirteen files: four counted by Linguist, the rest documentation, vendored or a lock file. */
const monorepo = () =>
  build([
    {
      commit: {
        author: ALICE,
        at: '2020-01-01T00:00:00Z',
        write: {
          'src/a.js': 'a();\n',
          'src/a.test.js': 'test();\n',
          'src/gen/x.gen.ts': 'export {};\n',
          'scripts/build.sh': '#!/bin/sh\nmake\n',
          'docs/guide.js': 'guide();\n',
          'docs/notes.json': '{}\n',
          'docs/logo.png': PNG_SIGNATURE,
          'vendor/lib.js': 'lib();\n',
          'packages/api/index.js': 'api();\n',
          'packages/api/README.md': '# api\n',
          'packages/api/vendor/dep.js': 'dep();\n',
          'packages/web/index.js': 'web();\n',
          'package-lock.json': '{}\n',
        },
      },
    },
  ]);

describe('buildFileUniverse: options', () => {
  it('leaves out --exclude matches: name globs at any depth, folder globs', async () => {
    const universe = await universeOf(monorepo(), 'HEAD', { exclude: ['*.test.js', 'scripts/', 'gen'] });
    expect(counted(universe)).toEqual([
      ['packages/api/index.js', 'JavaScript'],
      ['packages/web/index.js', 'JavaScript'],
      ['src/a.js', 'JavaScript'],
    ]);
    // docs/logo.png is documentation before it is binary.
    expect(universe.excluded).toEqual({ 'excluded-by-option': 3, documentation: 4, vendored: 2, lockfile: 1 });
  });

  it('counts --include matches whatever Linguist says of them, unless binary or excluded', async () => {
    const universe = await universeOf(monorepo(), 'HEAD', { include: ['docs/**', 'vendor/'], exclude: ['vendor/lib.js'] });
    expect(counted(universe)).toEqual([
      ['docs/guide.js', 'JavaScript'], // documentation for Linguist
      ['docs/notes.json', 'JSON'], // data for Linguist
    ]);
    expect(universe.excluded).toEqual({ 'not-included': 9, 'excluded-by-option': 1, binary: 1 });
  });

  it('keeps to the scope the repository was opened at, reporting paths from the top', async () => {
    const repo = monorepo();
    const universe = await universeOf(path.join(repo.dir, 'packages', 'api'));
    expect(counted(universe)).toEqual([['packages/api/index.js', 'JavaScript']]);
    expect(universe.excluded).toEqual({ 'outside-scope': 10, documentation: 1, vendored: 1 });
  });
});

describe('buildFileUniverse: cancellation', () => {
  it('stops with CancelledError when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(universeOf(monorepo(), 'HEAD', { signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('compileGlobs', () => {
  it('matches base names and folder names anywhere for globs without a slash, whole paths otherwise', () => {
    const match = compileGlobs(['*.gen.ts', 'fixtures', 'docs/', './top/*.js', '**/*.snap'])!;
    expect(['a/b/x.gen.ts', 'x.gen.ts', 'test/fixtures/a.json', 'docs/a/b.md', 'top/a.js', 'a/__snapshots__/x.snap', 'a/.hidden/y.snap'].filter((p) => !match(p))).toEqual([]);
    expect(['a/gen.ts', 'a/docs/b.md', 'x/top/a.js', 'top/a/b.js', 'fixtures.js'].filter((p) => match(p))).toEqual([]);
    expect(compileGlobs([])).toBeUndefined();
  });
});
