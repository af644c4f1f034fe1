import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ignoreRevsHistory } from '../../fixtures/ownership-histories.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runJson } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();

/** The reformat history with a `.git-blame-ignore-revs` naming the reformat, in the work tree only. */
function withIgnoreRevsFile() {
  const { steps, reformatMessage } = ignoreRevsHistory();
  const repo = fixture(steps);
  const reformat = repo.git(['log', '--format=%H', `--grep=^${reformatMessage}$`]);
  writeFileSync(path.join(repo.dir, '.git-blame-ignore-revs'), `${reformat}\n`);
  return repo;
}

/** `total.js`'s line owners, `[name, lines]`, most first. */
const totalOwners = (report: { files: readonly { path: string; owners?: readonly { name: string; lines: number }[] }[] }) =>
  report.files.find((f) => f.path === 'total.js')?.owners?.map((o) => [o.name, o.lines]);

describe('--lines with .git-blame-ignore-revs', () => {
  it('passes an ignored reformat back to the lines\' authors; --no-ignore-revs keeps it with the reformatter', () => {
    // Honoured as committed: the analysed commit's copy, not the work tree's (docs/safety.md).
    const repo = withIgnoreRevsFile();
    const at = '2030-01-01T00:00:00Z';
    repo.git(['add', '.git-blame-ignore-revs']);
    repo.git(['commit', '-q', '-m', 'Ignore the reformat'], {
      GIT_AUTHOR_NAME: 'Alice Archer', GIT_AUTHOR_EMAIL: 'alice@example.com', GIT_AUTHOR_DATE: at,
      GIT_COMMITTER_NAME: 'Alice Archer', GIT_COMMITTER_EMAIL: 'alice@example.com', GIT_COMMITTER_DATE: at,
    });
    const owners = (args: string[]) => {
      const { report } = runJson([repo.dir, '--lines', ...args]);
      return { ignoreRevs: report.settings.ignoreRevs, owners: totalOwners(report) };
    };
    expect(owners([])).toEqual({ ignoreRevs: true, owners: [['Alice Archer', 6], ['Carol Chen', 2]] });
    expect(owners(['--no-ignore-revs'])).toEqual({ ignoreRevs: false, owners: [['Bob Baker', 4], ['Alice Archer', 2], ['Carol Chen', 2]] });
  });
});

describe('.git-blame-ignore-revs is read from the analysed commit, never through the work tree', () => {
  it('an uncommitted edit in the work tree is not what the commit says: it is not honoured', () => {
    const { report } = runJson([withIgnoreRevsFile().dir, '--lines']);
    // Bob's reformat keeps its 4 lines, as with --no-ignore-revs above.
    expect(totalOwners(report)).toEqual([['Bob Baker', 4], ['Alice Archer', 2], ['Carol Chen', 2]]);
  });
});
