import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import { ALICE } from '../../fixtures/people.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { COMMIT_ENV, counted, universeOf } from './universe.js';

const build = useFixtureRepos();

describe('buildFileUniverse: odd paths and repositories', () => {
  it('reads paths with spaces, newlines, quotes, non-ASCII and a leading dash, sorted as git sorts bytes', async () => {
    const names = ['dir with space/a b.js', 'new\nline.js', `quo"te's.js`, 'ünï/çødé.js', '-leading.js', '\u{1F600}.js', '\uFF5A.js', 'tab\there.js', 'docs\nREADME.md', 'odd\nname.js'];
    const write = Object.fromEntries(names.map((n) => [n, 'x();\n']));
    const attributes = '"odd\\nname.js" linguist-vendored\n"quo\\"te\'s.js" linguist-documentation\n';
    const repo = build([{ commit: { author: ALICE, at: '2020-01-01T00:00:00Z', write: { ...write, '.gitattributes': attributes } } }]);
    const universe = await universeOf(repo);
    // UTF-8 order: U+FF5A (EF BD 9A) before U+1F600 (F0 9F 98 80), though JavaScript sorts it after.
    expect(universe.files.map((f) => f.path)).toEqual(['-leading.js', 'dir with space/a b.js', 'new\nline.js', 'tab\there.js', 'ünï/çødé.js', '\uFF5A.js', '\u{1F600}.js']);
    // Ruby's ^ matches after "\n": "docs\nREADME.md" is documentation. Attributes reach odd paths.
    expect(universe.excluded).toEqual({ documentation: 2, vendored: 2 }); // + quo"te's.js; odd\nname.js, .gitattributes
  });

  it('reads paths that are not UTF-8', async () => {
    const repo = build([{ commit: { author: ALICE, at: '2020-01-01T00:00:00Z', write: { '.gitattributes': 'caf* linguist-vendored\n', 'a.js': 'a();\n' } } }]);
    const blob = repo.git(['rev-parse', 'HEAD:a.js']);
    const entries = ['caf\xe9.js', 'na\xefve.js'].map((name) => Buffer.concat([Buffer.from(`100644 ${blob}\t`), Buffer.from(name, 'latin1'), Buffer.from('\n')]));
    execFileSync('git', ['update-index', '--index-info'], { cwd: repo.dir, env: isolatedGitEnv(), input: Buffer.concat(entries) });
    repo.git(['commit', '-q', '-m', 'latin1 names'], COMMIT_ENV);
    const universe = await universeOf(repo);
    expect(universe.files.map((f) => f.path)).toEqual(['a.js', 'na\uFFFDve.js']);
    expect(universe.excluded).toEqual({ vendored: 2 }); // caf\xe9.js by its attribute, .gitattributes
  });

  it('decides blobs over 1 MiB by name, without reading them', async () => {
    const big = 1024 * 1024 + 1;
    const repo = build([
      {
        commit: {
          author: ALICE,
          at: '2020-01-01T00:00:00Z',
          write: { 'big.js': 'x'.repeat(big), 'bigscript': `#!/usr/bin/env python\n${'#'.repeat(big)}\n`, 'small.js': 'x'.repeat(200) },
        },
      },
    ]);
    const universe = await universeOf(repo);
    // big.js would be minified (one long line) if read; bigscript's shebang goes unread.
    expect(counted(universe)).toEqual([['big.js', 'JavaScript']]);
    expect(universe.excluded).toEqual({ 'not-code': 1, generated: 1 }); // bigscript; small.js is minified
  });

  it('works on SHA-256 repositories', async () => {
    const repo = build([{ commit: { author: ALICE, at: '2020-01-01T00:00:00Z', write: { 'a.py': 'print(1)\n', 'b.txt': 'b\n' } } }], { objectFormat: 'sha256' });
    const universe = await universeOf(repo);
    expect(counted(universe)).toEqual([['a.py', 'Python']]);
    expect(universe.files[0]?.oid).toMatch(/^[0-9a-f]{64}$/);
    expect(universe.excluded).toEqual({ 'not-code': 1 });
  });

  it('classifies blobs whose objects are missing by name, with a warning, instead of failing', async () => {
    const repo = build([
      { commit: { author: ALICE, at: '2020-01-01T00:00:00Z', write: { 'lib/gone.js': 'gone();\n', 'bin/tool': '#!/bin/sh\necho gone\n', 'lib/here.js': 'here();\n' } } },
    ]);
    for (const file of ['lib/gone.js', 'bin/tool']) {
      const oid = repo.git(['rev-parse', `HEAD:${file}`]);
      rmSync(path.join(repo.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    }
    const universe = await universeOf(repo);
    // lib/gone.js: the name says JavaScript. bin/tool: only its (missing) shebang could tell.
    expect(counted(universe)).toEqual([
      ['lib/gone.js', 'JavaScript'],
      ['lib/here.js', 'JavaScript'],
    ]);
    expect(universe.files[0]?.size).toBe(0); // unknown
    expect(universe.excluded).toEqual({ unreadable: 1 });
    expect(universe.warnings).toEqual([
      { code: 'missing-objects', message: expect.stringMatching(/^2 files could not be read/), paths: ['bin/tool', 'lib/gone.js'] },
    ]);
  });
});
