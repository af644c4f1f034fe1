import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ignoreRevsHistory } from '../../fixtures/ownership-histories.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runJson } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();

describe('--lines with .git-blame-ignore-revs', () => {
  it('passes an ignored reformat back to the lines\' authors; --no-ignore-revs keeps it with the reformatter', () => {
    const { steps, reformatMessage } = ignoreRevsHistory();
    const repo = fixture(steps);
    const reformat = repo.git(['log', '--format=%H', `--grep=^${reformatMessage}$`]);
    writeFileSync(path.join(repo.dir, '.git-blame-ignore-revs'), `${reformat}\n`);
    const owners = (args: string[]) => {
      const { report } = runJson([repo.dir, '--lines', ...args]);
      const file = report.files.find((f) => f.path === 'total.js');
      return { ignoreRevs: report.settings.ignoreRevs, owners: file?.owners?.map((o) => [o.name, o.lines]) };
    };
    expect(owners([])).toEqual({ ignoreRevs: true, owners: [['Alice Archer', 6], ['Carol Chen', 2]] });
    expect(owners(['--no-ignore-revs'])).toEqual({ ignoreRevs: false, owners: [['Bob Baker', 4], ['Alice Archer', 2], ['Carol Chen', 2]] });
  });
});
