import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Step } from '../../fixtures/build-repo.js';
import { MERGES } from '../../fixtures/ownership-histories.js';
import { ALICE, BOB } from '../../fixtures/people.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runCli } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();

const ZOE = { name: 'Zoë Ørsted', email: 'zoe@example.com' };
const text = (n: number, tag: string) => `${Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n')}\n`;

/**
 * The root commit (log.showRoot), a non-ASCII name (i18n.logOutputEncoding), an inexact rename
 * (diff.renames, diff.renameLimit), edits close together (diff.interHunkContext, diff.context),
 * a path with a space and one with a non-ASCII letter (core.quotePath, diff.noprefix), merges.
 */
const HISTORY: readonly Step[] = [
  { commit: { author: ZOE, at: '2021-01-01T00:00:00Z', write: { 'root only.js': text(30, 'root'), 'añejo.js': text(12, 'old') } } },
  { commit: { author: ALICE, at: '2021-01-02T00:00:00Z', rename: { 'añejo.js': 'lib/nuevo.js' }, write: { 'lib/nuevo.js': `${text(12, 'old')}alice\n` } } },
  ...MERGES,
  // Two edits three lines apart: with interHunkContext they would fuse into one hunk owning the gap.
  { commit: { author: BOB, at: '2021-04-01T00:00:00Z', write: { 'root only.js': text(30, 'root').replace('root 10\n', 'bob 10\n').replace('root 14\n', 'bob 14\n') } } },
];

/** Settings a repository's config (or the user's) could carry that would change what git prints. */
const RESULT_CHANGING = [
  'log.showRoot=false',
  'diff.renames=false',
  'diff.renameLimit=1',
  'diff.algorithm=patience',
  'diff.noprefix=true',
  'diff.mnemonicPrefix=true',
  'diff.relative=true',
  'diff.interHunkContext=10',
  'diff.context=10',
  'diff.indentHeuristic=false',
  'diff.suppressBlankEmpty=true',
  'diff.ignoreSubmodules=all',
  'diff.orderFile=.order',
  'core.quotePath=true',
  'core.abbrev=7',
  'core.ignoreCase=true',
  'core.bigFileThreshold=1',
  'log.decorate=full',
  'log.follow=true',
  'log.abbrevCommit=true',
  'log.mailmap=false',
  'color.ui=always',
  'color.diff=always',
  'i18n.logOutputEncoding=latin1',
  'core.packedGitWindowSize=1',
  'mailmap.blob=HEAD:.mailmap-evil',
];

function lines(dir: string, env: Record<string, string> = {}) {
  // Uncached: the same commits would otherwise be a cache hit, and git would not run at all.
  const result = runCli([dir, '--lines', '--json', '--no-cache'], { env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout) as { repository: unknown };
  return { ...report, repository: undefined };
}

describe('settings that would change what git prints are pinned', () => {
  it('the repository\'s config changes nothing', () => {
    const repo = fixture(HISTORY);
    const expected = lines(repo.dir);
    for (const setting of RESULT_CHANGING) {
      const [key = '', value = ''] = setting.split(/=(.*)/);
      repo.git(['config', key, value]);
    }
    writeFileSync(path.join(repo.dir, '.git', 'info', 'exclude'), '');
    expect(lines(repo.dir)).toEqual(expected);
  });

  it('nor does the user\'s own config, nor git variables in the environment', () => {
    const repo = fixture(HISTORY);
    const expected = lines(repo.dir);
    const global = path.join(repo.dir, '..', `${path.basename(repo.dir)}.gitconfig`);
    writeFileSync(global, `[diff]\n\talgorithm = histogram\n\tnoprefix = true\n\tinterHunkContext = 10\n[log]\n\tshowRoot = false\n[i18n]\n\tlogOutputEncoding = latin1\n`);
    const env = {
      GIT_CONFIG_GLOBAL: global,
      GIT_LITERAL_PATHSPECS: '1',
      GIT_ICASE_PATHSPECS: '1',
      GIT_DIFF_OPTS: '--unified=10',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'diff.noprefix',
      GIT_CONFIG_VALUE_0: 'true',
      GIT_CONFIG_PARAMETERS: "'log.showroot'='false'",
      GIT_ALLOW_PROTOCOL: 'ext:file',
      GIT_NOTES_REF: 'refs/notes/evil',
    };
    expect(lines(repo.dir, env)).toEqual(expected);
  });

  it('what the pinned run finds is right: the root commit counts, names stay UTF-8, close edits stay apart', () => {
    const repo = fixture(HISTORY);
    for (const setting of RESULT_CHANGING) {
      const [key = '', value = ''] = setting.split(/=(.*)/);
      repo.git(['config', key, value]);
    }
    const report = JSON.parse(runCli([repo.dir, '--lines', '--json']).stdout) as {
      people: { name: string; filesAuthored: number }[];
      files: { path: string; authors: string[]; owners?: { name: string; lines: number }[] }[];
    };
    // Zoë created both files in the root commit: with log.showRoot=false honoured she would author
    // nothing. She still authors 'root only.js' (Bob's 2 edits: DOA 4.391 − 0.321·ln 2 = 4.168
    // against Bob's 3.457: 0.83 > 0.75, both authors) and lib/nuevo.js (the inexact rename joins it).
    expect(report.people.find((person) => person.name === 'Zoë Ørsted')?.filesAuthored).toBe(2);
    expect(report.files.find((file) => file.path === 'root only.js')?.authors).toEqual(['bob@example.com', 'zoe@example.com']);
    // 30 lines: Bob's 2, the 3 between them still Zoë's (a fused hunk would have given Bob 5).
    expect(report.files.find((file) => file.path === 'root only.js')?.owners?.map((o) => [o.name, o.lines])).toEqual([['Zoë Ørsted', 28], ['Bob Baker', 2]]);
    // The rename is followed: 12 of Zoë's lines and Alice's one.
    expect(report.files.find((file) => file.path === 'lib/nuevo.js')?.owners?.map((o) => [o.name, o.lines])).toEqual([['Zoë Ørsted', 12], ['Alice Archer', 1]]);
  });
});
