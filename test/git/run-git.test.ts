import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gitFailureMessage, spawnGit } from '../../src/git/run-git.js';
import { ALICE } from '../../fixtures/people.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();

/** A process's niceness, from /proc (field 19 of stat). */
function niceness(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

describe.runIf(process.platform === 'linux')('spawnGit', () => {
  it('runs background work (the progress count) at the lowest priority, everything else as is', async () => {
    const repo = fixture([{ commit: { author: ALICE, at: '2020-01-01T00:00:00Z', write: { 'a.txt': 'a\n' } } }]);
    // cat-file --batch waits on stdin, so both processes are alive while we look.
    const background = spawnGit({ cwd: repo.dir, args: ['cat-file', '--batch'], background: true });
    const normal = spawnGit({ cwd: repo.dir, args: ['cat-file', '--batch'] });
    const base = niceness(process.pid);
    expect(niceness(background.pid as number)).toBe(19);
    expect(niceness(normal.pid as number)).toBe(base);
    const exits = [background, normal].map((child) => new Promise((resolve) => child.once('close', resolve)));
    background.stdin?.end();
    normal.stdin?.end();
    expect(await Promise.all(exits)).toEqual([0, 0]);
  });
});

describe('gitFailureMessage', () => {
  it('names the subcommand past -c options, and the line of stderr that explains the failure', () => {
    const stderr = 'warning: something\nfatal: unable to read 99fc996b4ea1af19ed303000a1eb47fa515271e7\n';
    expect(gitFailureMessage(['-c', 'diff.renameLimit=999999', 'diff-tree', '--stdin'], stderr, { code: 128, signal: null })).toBe(
      'git diff-tree failed: unable to read 99fc996b4ea1af19ed303000a1eb47fa515271e7',
    );
    expect(gitFailureMessage(['log', '-z'], '', { code: null, signal: 'SIGKILL' })).toBe('git log failed: killed by SIGKILL');
    expect(gitFailureMessage(['-c', 'a=b'], '', { code: 3, signal: null })).toBe('git failed: exit code 3');
  });
});
