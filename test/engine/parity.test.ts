import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, isolatedGitEnv, type BuiltRepo, type Step } from '../../fixtures/build-repo.js';
import { ENGINE_HISTORY } from '../../fixtures/engine-histories.js';
import { IDENTITY_HISTORY, RENAME_CHAIN_HISTORY, TEAM_HISTORY } from '../../fixtures/histories.js';
import { MONOREPO } from '../../fixtures/module-histories.js';
import { MERGES, OCTOPUS } from '../../fixtures/ownership-histories.js';
import { MERGE_HEAVY } from '../../fixtures/ownership-random.js';
import { PEOPLE_HISTORY } from '../../fixtures/people-histories.js';
import { SQUASH_HISTORY, STEWARDSHIP_HISTORY } from '../../fixtures/stewardship-histories.js';
import { runCli } from '../helpers/run-cli.js';
import { comparable, jsonOf, runWithoutGit } from './without-git.js';

/**
 * Without git (PATH has node only) the isomorphic-git engine must give the report git gives, on
 * histories without a similarity rename (docs/engine.md): every field but `settings.engine`,
 * `settings.renames`, the warnings and `cache`.
 */
const built: BuiltRepo[] = [];
afterAll(() => built.forEach((repo) => repo.remove()));

function build(steps: readonly Step[]): BuiltRepo {
  const repo = buildRepo(steps);
  built.push(repo);
  return repo;
}

function bareClone(repo: BuiltRepo): string {
  const bare = `${repo.dir}.git`;
  execFileSync('git', ['clone', '-q', '--bare', repo.dir, bare], { env: isolatedGitEnv() });
  built.push({ ...repo, dir: bare, remove: () => execFileSync('rm', ['-rf', bare]) } as BuiltRepo);
  return bare;
}

/** Both engines on the same arguments: the comparable parts equal, and what may differ as documented. */
function expectSameReports(args: readonly string[]): ReturnType<typeof jsonOf> {
  const withGit = jsonOf(runCli([...args, '--json', '--no-cache']));
  const withoutGit = jsonOf(runWithoutGit([...args, '--json', '--no-cache']));
  expect(comparable(withoutGit)).toEqual(comparable(withGit));
  expect(withGit.settings.engine).toBe('git');
  expect(withoutGit.settings.engine).toBe('isomorphic-git');
  expect(withoutGit.settings.renames).toBe('exact');
  // The same warnings, and the engine's own.
  const codes = (report: ReturnType<typeof jsonOf>) => report.warnings.map((warning) => warning.code);
  expect(codes(withoutGit).filter((code) => code !== 'engine-isomorphic-git')).toEqual(codes(withGit));
  expect(codes(withoutGit)).toContain('engine-isomorphic-git');
  return withoutGit;
}

describe('the isomorphic-git engine gives git\'s report', () => {
  it('on a history with everything it reimplements (mailmap, trailers, attributes, tags, workspaces, CODEOWNERS, config)', () => {
    const repo = build(ENGINE_HISTORY);
    const report = expectSameReports([repo.dir, '--modules', 'dirs,workspaces,codeowners,config']);
    // fixtures/engine-histories.ts works these out by hand.
    expect(report.busFactor).toBe(2);
    expect(report.keyPeople.map((person) => person.name)).toEqual(['Alice Archer', 'Bob Baker']);
    expect(report.totals.files).toBe(7);
    expect(report.files.map((file) => file.path)).toEqual([
      'packages/a/index.js', 'packages/b/index.js', 'packages/b/lib.js', 'src/app/main.js', 'src/app/util.js', 'src/lib/parser.js', 'vendor/own.js',
    ]);
    // .mailmap: "bob" <bob@old.example> is Bob Baker.
    const bob = report.people.find((person) => person.name === 'Bob Baker');
    expect(bob?.emails).toEqual(['bob@example.com']);
    expect(bob?.filesAuthored).toBe(3);
    // Trailers: Erin's review of Carol's commit (folded over two lines), Carol's of Erin's after a
    // `---` line, Alice's sign-off of Dave's patch; Dave's own sign-off is the author's: not counted.
    expect(report.stewardship.review.events).toBe(3);
    expect(report.stewardship.review.kinds).toEqual({ reviewed: 2, acked: 0, tested: 0, signedOff: 1 });
    expect(report.stewardship.releases.releases).toBe(2);
    expect(report.stewardship.integration.merges).toBe(1);
    expect(report.stewardship.integration.landed).toBe(1);
    expect(report.modules.filter((module) => module.kind === 'workspace').map((module) => module.name)).toEqual(['@engine/a', '@engine/b']);
    expect(report.modules.some((module) => module.kind === 'codeowners')).toBe(true);
    expect(report.modules.find((module) => module.id === 'config:core')?.files).toBe(3);
  });

  it('in a bare clone (the commit\'s own .mailmap and busfactor.json), at an older revision, and for a folder', () => {
    const repo = build(ENGINE_HISTORY);
    const bare = bareClone(repo);
    expect(expectSameReports([bare]).busFactor).toBe(2);
    expectSameReports([bare, '--rev', 'v1.0.0']);
    expectSameReports([bare, '--rev', 'HEAD~2']);
    expectSameReports([path.join(repo.dir, 'packages')]);
  });

  it('in a linked worktree and in a shallow clone', () => {
    const repo = build(ENGINE_HISTORY);
    const worktree = `${repo.dir}-worktree`;
    repo.git(['worktree', 'add', '-q', '-b', 'elsewhere', worktree, 'v1.0.0']);
    built.push({ ...repo, dir: worktree, remove: () => execFileSync('rm', ['-rf', worktree]) } as BuiltRepo);
    expectSameReports([worktree]);
    const shallow = `${repo.dir}-shallow`;
    execFileSync('git', ['clone', '-q', '--depth', '3', `file://${repo.dir}`, shallow], { env: isolatedGitEnv() });
    built.push({ ...repo, dir: shallow, remove: () => execFileSync('rm', ['-rf', shallow]) } as BuiltRepo);
    const report = expectSameReports([shallow]);
    expect(report.repository.shallow).toBe(true);
    expect(report.totals.commits).toBeLessThan(11);
  });

  it('with co-authors credited, the recency model, bots, all text and what-if', () => {
    const repo = build(ENGINE_HISTORY);
    expectSameReports([repo.dir, '--co-authors', 'credit', '--all-text', '--include-bots']);
    expectSameReports([repo.dir, '--algorithm', 'recency', '--without', 'alice@example.com']);
  });

  // Histories of other tests without a similarity rename (CACHE_HISTORY's renamed-and-edited file
  // is one: the similarity-rename test below shows the difference instead).
  const histories: Record<string, readonly Step[]> = {
    TEAM_HISTORY, IDENTITY_HISTORY, RENAME_CHAIN_HISTORY, MONOREPO, MERGES, OCTOPUS, MERGE_HEAVY, PEOPLE_HISTORY, STEWARDSHIP_HISTORY, SQUASH_HISTORY,
  };
  for (const [name, steps] of Object.entries(histories)) {
    it(`on ${name}`, () => {
      expectSameReports([build(steps).dir, '--modules', 'auto,codeowners']);
    });
  }

  it('for the trend and the people list', () => {
    const repo = build(ENGINE_HISTORY);
    const trend = (run: typeof runCli) => {
      const result = run(['trend', repo.dir, '--points', '5', '--json', '--no-cache']);
      expect(result.code, result.stderr).toBe(0);
      const { warnings: _warnings, ...rest } = JSON.parse(result.stdout) as { warnings: unknown };
      return rest;
    };
    expect(trend(runWithoutGit)).toEqual(trend(runCli));
    const people = (run: typeof runCli) => {
      const result = run(['people', repo.dir, '--json', '--no-cache']);
      expect(result.code, result.stderr).toBe(0);
      const { warnings: _warnings, ...rest } = JSON.parse(result.stdout) as { warnings: unknown };
      return rest;
    };
    expect(people(runWithoutGit)).toEqual(people(runCli));
  });
});
