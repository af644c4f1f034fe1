import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRepo, isolatedGitEnv, type BuiltRepo } from '../../fixtures/build-repo.js';
import { CACHE_HISTORY } from '../../fixtures/cache-histories.js';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { CLI, runCli, runJson } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dirs.js';

const tempDir = useTempDirs('busfactor-cache-');

/** The report's text with its `cache` field blanked: every other byte must be the same. */
function withoutCacheField(stdout: string): string {
  return stdout.replace(/"cache": "(hit|extended|cold|off)"/, '"cache": "-"');
}

function cacheOf(stdout: string): string {
  return (JSON.parse(stdout) as { cache: string }).cache;
}

/** Runs with --json and returns stdout, failing the test on a non-zero exit. */
function json(args: readonly string[]): string {
  const result = runCli([...args, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** Bob Baker's commits in the universe tests, on the given day of January 2020. */
function bobOn(day: number): Record<string, string> {
  const date = `2020-01-${day}T12:00:00Z`;
  return { GIT_AUTHOR_NAME: 'Bob Baker', GIT_AUTHOR_EMAIL: 'bob@example.com', GIT_COMMITTER_NAME: 'Bob Baker', GIT_COMMITTER_EMAIL: 'bob@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
}

/** Runs at the new head: it must extend the cached one and equal a cold run; returns the counted paths. */
function extendedFiles(dir: string, cacheDir: string): string[] {
  const extended = json([dir, '--cache-dir', cacheDir]);
  expect(cacheOf(extended)).toBe('extended');
  expect(withoutCacheField(extended)).toBe(withoutCacheField(json([dir, '--no-cache'])));
  return (JSON.parse(extended) as { files: { path: string }[] }).files.map((file) => file.path);
}

/** Every cache file below a cache folder (`<dir>/busfactor/v1/<repo>/<key>/<head>.state`). */
function cacheFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

/**
 * The cache's contract (docs/cache.md): a cold run, a run extended from a cached ancestor and a
 * cached re-run give the same report, byte for byte, apart from `cache`. CACHE_HISTORY's commits
 * after the cached head interleave by date with the cached ones, rename a cached file, change a
 * build file, credit a co-author and add a release: every analysis the pass feeds is exercised.
 */
describe('cold = extended = cached', () => {
  const variants: readonly (readonly string[])[] = [[], ['--lines'], ['--algorithm', 'recency'], ['--lines', '--first-parent', '--depth', '2']];
  for (const extra of variants) {
    it(`the same report with ${extra.length === 0 ? 'the defaults' : extra.join(' ')}`, () => {
      const repo = buildRepo(CACHE_HISTORY);
      try {
        const cacheDir = path.join(tempDir(), 'cache');
        const args = [repo.dir, ...extra, '--cache-dir', cacheDir];
        // The cached head first: a cold run that stores it.
        expect(cacheOf(json([...args, '--rev', 'cached']))).toBe('cold');
        const extended = json(args);
        const hit = json(args);
        const cold = json([repo.dir, ...extra, '--no-cache']);
        expect([cacheOf(extended), cacheOf(hit), cacheOf(cold)]).toEqual(['extended', 'hit', 'off']);
        expect(withoutCacheField(extended)).toBe(withoutCacheField(cold));
        expect(withoutCacheField(hit)).toBe(withoutCacheField(cold));
        const report = JSON.parse(cold) as { busFactor: number; keyPeople: { name: string }[]; files: { path: string }[] };
        expect(report.files.map((file) => file.path)).toEqual(['lib/c.js', 'lib/d.js', 'src/alpha.js', 'src/b.js']);
        // Worked out in fixtures/cache-histories.ts (the AVL model; the recency model is only compared).
        if (!extra.includes('recency')) {
          expect(report.busFactor).toBe(2);
          expect(report.keyPeople.map((person) => person.name)).toEqual(['Alice Archer', 'Bob Baker']);
        }
      } finally {
        repo.remove();
      }
    });
  }

  it('--lines: the lines of a file renamed and edited after the cached head, from blame', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      json([repo.dir, '--lines', '--rev', 'cached', '--cache-dir', cacheDir]);
      const report = JSON.parse(json([repo.dir, '--lines', '--cache-dir', cacheDir])) as { cache: string; files: { path: string; owners?: { name: string; lines: number }[] }[] };
      expect(report.cache).toBe('extended');
      // src/alpha.js = a1 (Alice), bob (Bob), a3 (Alice), dave (Dave): git blame's answer.
      const alpha = report.files.find((file) => file.path === 'src/alpha.js');
      expect(alpha?.owners?.map((owner) => [owner.name, owner.lines])).toEqual([['Alice Archer', 2], ['Bob Baker', 1], ['Dave Dunn', 1]]);
    } finally {
      repo.remove();
    }
  });

  it('a .gitattributes added after the cached head reclassifies every file', () => {
    const repo = buildRepo(TEAM_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      expect(cacheOf(json([repo.dir, '--cache-dir', cacheDir]))).toBe('cold');
      // TEAM_HISTORY counts seven files (fixtures/histories.ts); marking api/auth.js vendored
      // leaves six. An extension that kept the cached verdicts would still count it.
      writeFileSync(path.join(repo.dir, '.gitattributes'), 'api/auth.js linguist-vendored\n');
      repo.git(['add', '.gitattributes']);
      repo.git(['commit', '-q', '-m', 'vendor auth'], bobOn(20));
      expect(extendedFiles(repo.dir, cacheDir)).toEqual(['api/router.js', 'api/server.js', 'lib/core.js', 'lib/io.js', 'lib/util.js', 'test/core.test.js']);
    } finally {
      repo.remove();
    }
  });

  it('info/attributes applies without any .gitattributes in the tree, and is in the key', () => {
    const repo = buildRepo(TEAM_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      const filesOf = (stdout: string) => (JSON.parse(stdout) as { files: { path: string }[] }).files.map((file) => file.path);
      expect(cacheOf(json([repo.dir, '--cache-dir', cacheDir]))).toBe('cold');
      // TEAM_HISTORY has no .gitattributes; its seven counted files less api/auth.js are six.
      mkdirSync(path.join(repo.dir, '.git', 'info'), { recursive: true });
      writeFileSync(path.join(repo.dir, '.git', 'info', 'attributes'), 'api/auth.js linguist-vendored\n');
      const marked = json([repo.dir, '--cache-dir', cacheDir]);
      expect(cacheOf(marked)).toBe('cold');
      expect(filesOf(marked)).toEqual(['api/router.js', 'api/server.js', 'lib/core.js', 'lib/io.js', 'lib/util.js', 'test/core.test.js']);
      expect((JSON.parse(marked) as { excluded: { vendored?: number } }).excluded.vendored).toBe(1);
    } finally {
      repo.remove();
    }
  });

  it("a linked worktree: the repository's info/attributes (in the common git dir) is in the key", () => {
    const repo = buildRepo(TEAM_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      const worktree = path.join(tempDir(), 'wt');
      repo.git(['worktree', 'add', '-q', worktree, '-b', 'wt']);
      const filesOf = (stdout: string) => (JSON.parse(stdout) as { files: { path: string }[] }).files.map((file) => file.path);
      const first = json([worktree, '--cache-dir', cacheDir]);
      expect(cacheOf(first)).toBe('cold');
      // TEAM_HISTORY counts seven files (fixtures/histories.ts); api/auth.js marked vendored leaves six.
      expect(filesOf(first)).toContain('api/auth.js');
      mkdirSync(path.join(repo.dir, '.git', 'info'), { recursive: true });
      writeFileSync(path.join(repo.dir, '.git', 'info', 'attributes'), 'api/auth.js linguist-vendored\n');
      const marked = json([worktree, '--cache-dir', cacheDir]);
      expect(cacheOf(marked)).toBe('cold');
      expect(filesOf(marked)).toEqual(['api/router.js', 'api/server.js', 'lib/core.js', 'lib/io.js', 'lib/util.js', 'test/core.test.js']);
      expect(withoutCacheField(marked)).toBe(withoutCacheField(json([worktree, '--no-cache'])));
      expect(cacheOf(json([worktree, '--cache-dir', cacheDir]))).toBe('hit');
    } finally {
      repo.remove();
    }
  });

  it('a file changed under an unchanged .gitattributes keeps its attributes; a new one is asked for', () => {
    const repo = buildRepo(TEAM_HISTORY);
    try {
      // TEAM_HISTORY's seven files less api/server.js (not code by its attributes, decided with its
      // content) and api/auth.js (vendored by its attributes, decided by name): five.
      writeFileSync(path.join(repo.dir, '.gitattributes'), 'api/server.js linguist-detectable=false\napi/auth.js linguist-vendored\napi/*.gen.js linguist-generated\n');
      repo.git(['add', '.gitattributes']);
      repo.git(['commit', '-q', '-m', 'server is not code'], bobOn(20));
      const cacheDir = path.join(tempDir(), 'cache');
      expect(cacheOf(json([repo.dir, '--cache-dir', cacheDir]))).toBe('cold');
      // api/server.js and api/auth.js change (their attributes come from the cached universe, git
      // is not asked), api/extra.gen.js and api/extra.js are new (git is asked): only api/extra.js
      // counts, six files. Had a cached path's attributes been lost, it would count again.
      writeFileSync(path.join(repo.dir, 'api/server.js'), 'server v2\n');
      writeFileSync(path.join(repo.dir, 'api/auth.js'), 'auth v2\n');
      writeFileSync(path.join(repo.dir, 'api/extra.gen.js'), 'generated\n');
      writeFileSync(path.join(repo.dir, 'api/extra.js'), 'extra\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'more api'], bobOn(21));
      expect(extendedFiles(repo.dir, cacheDir)).toEqual(['api/extra.js', 'api/router.js', 'lib/core.js', 'lib/io.js', 'lib/util.js', 'test/core.test.js']);
    } finally {
      repo.remove();
    }
  });

  it('the trend (which replays the stored commits) is the same from the cache', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      const args = ['trend', repo.dir, '--points', '4', '--cache-dir', cacheDir];
      json([...args, '--rev', 'cached']);
      const extended = json(args);
      const hit = json(args);
      const cold = json(['trend', repo.dir, '--points', '4', '--no-cache']);
      expect(extended).toBe(cold);
      expect(hit).toBe(cold);
      // A trend keeps every commit: its entry has a facts file beside the state, also for HEAD
      // extended by a few commits (a finished report serves a trend only beside its facts).
      expect(cacheFiles(cacheDir).filter((file) => file.endsWith('.facts'))).toHaveLength(2);
    } finally {
      repo.remove();
    }
  });

  it('a damaged facts file: the trend says so and the file is removed; the next run rebuilds it', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      const args = ['trend', repo.dir, '--points', '4', '--cache-dir', cacheDir];
      const good = json(args);
      const [facts] = cacheFiles(cacheDir).filter((file) => file.endsWith('.facts'));
      truncateSync(facts as string, 10);
      const failed = runCli([...args, '--json']);
      expect(failed.code).toBe(2);
      expect(failed.stderr).toMatch(/^busfactor: error: the cached copy of the history's commits was unusable and has been removed/m);
      expect(existsSync(facts as string)).toBe(false);
      expect(json(args)).toBe(good);
    } finally {
      repo.remove();
    }
  });

  it('busfactor check reads and fills the same cache', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      const first = runCli(['check', repo.dir, '--min', '1', '--json', '--cache-dir', cacheDir]);
      expect(first.code, first.stderr).toBe(0);
      expect(cacheFiles(cacheDir).filter((file) => file.endsWith('.state'))).toHaveLength(1);
      // The explorer's text twin hits the entry check stored (same settings, same commit).
      expect(cacheOf(json([repo.dir, '--cache-dir', cacheDir]))).toBe('hit');
      const second = runCli(['check', repo.dir, '--min', '1', '--json', '--cache-dir', cacheDir]);
      expect(second.stdout).toBe(first.stdout);
    } finally {
      repo.remove();
    }
  });
});

/**
 * Finished reports (docs/cache.md): scan's printed output and check store the report they built
 * beside the states, keyed by every input the report has besides them; a re-run asked the same way
 * reads it and builds nothing. Anything asked otherwise must give the uncached run's report.
 */
describe('finished reports', () => {
  it('a re-run asked the same way reads the finished report, not the states', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      const cold = json([repo.dir, '--cache-dir', cacheDir]);
      // The states made unreadable: a run that needed them would say so and be cold.
      for (const file of cacheFiles(cacheDir).filter((name) => name.endsWith('.state'))) writeFileSync(file, 'damaged\n');
      const again = json([repo.dir, '--cache-dir', cacheDir]);
      expect(cacheOf(again)).toBe('hit');
      expect(withoutCacheField(again)).toBe(withoutCacheField(cold));
      // The same bus factor as every CACHE_HISTORY run (fixtures/cache-histories.ts): 2.
      expect((JSON.parse(again) as { busFactor: number }).busFactor).toBe(2);
    } finally {
      repo.remove();
    }
  });

  it('asked otherwise (settings after the pass, a new tag, another config), the report is built again, as an uncached run builds it', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const parent = tempDir();
      const cacheDir = path.join(parent, 'cache');
      json([repo.dir, '--cache-dir', cacheDir]);
      const same = (args: readonly string[]) => {
        const cached = json([repo.dir, ...args, '--cache-dir', cacheDir]);
        expect(cacheOf(cached)).toBe('hit');
        expect(withoutCacheField(cached)).toBe(withoutCacheField(json([repo.dir, ...args, '--no-cache'])));
        return JSON.parse(cached) as { whatIf?: { busFactor: { before: number; after: number } }; stewardship: { releases: { releases: number } }; modules: { name: string }[] };
      };
      // Without Alice (fixtures/cache-histories.ts: she authors src/alpha.js, src/b.js and, with
      // Bob, lib/d.js) half the files are orphaned, not more; Bob and Carol hold one file each, the
      // smaller id goes first: Bob leaves 3 of 4 orphaned → 1 (2 before).
      expect(same(['--without', 'Alice Archer']).whatIf?.busFactor).toEqual({ before: 2, after: 1 });
      // (--co-authors ignore keeps the pass's settings: recency credits co-authors by default.)
      same(['--algorithm', 'recency', '--co-authors', 'ignore']);
      same(['--depth', '1']);
      // A release tagged after the first run: two releases (v1.0.0, v1.1.0), then three.
      expect(same([]).stewardship.releases.releases).toBe(2);
      repo.git(['tag', '-a', 'v1.2.0', '-m', 'v1.2.0'], { GIT_COMMITTER_NAME: 'Bob Baker', GIT_COMMITTER_EMAIL: 'bob@example.com', GIT_COMMITTER_DATE: '2021-03-11T12:00:00Z' });
      expect(same([]).stewardship.releases.releases).toBe(3);
      // The key covers the tags through their refs (name and object): a deleted tag, two again.
      repo.git(['tag', '-d', 'v1.2.0']);
      expect(same([]).stewardship.releases.releases).toBe(2);
      // A config file naming a module, then the same file naming it otherwise.
      const config = path.join(parent, 'busfactor.json');
      writeFileSync(config, JSON.stringify({ modules: { core: ['src/**'] } }));
      expect(same(['--config', config, '--modules', 'config']).modules.map((module) => module.name)).toEqual(['core']);
      writeFileSync(config, JSON.stringify({ modules: { library: ['lib/**'] } }));
      expect(same(['--config', config, '--modules', 'config']).modules.map((module) => module.name)).toEqual(['library']);
    } finally {
      repo.remove();
    }
  });

  it('a trend (the explorer, `trend`, `report`) reads the finished report too, and the stored commits beside it; without them the report is not used', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      const args = ['trend', repo.dir, '--points', '4', '--cache-dir', cacheDir];
      const cold = json(args);
      const files = () => cacheFiles(cacheDir).map((file) => path.extname(file)).sort();
      expect(files()).toEqual(['.facts', '.report', '.state']);
      // The states made unreadable: only the finished report and the facts can serve the re-run.
      const [state] = cacheFiles(cacheDir).filter((name) => name.endsWith('.state'));
      writeFileSync(state as string, 'damaged\n');
      const again = runCli([...args, '--json']);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toBe(cold);
      expect(again.stderr).toBe('');
      // Without the facts the finished report cannot give a trend, nor can the states (not even
      // read): the history is scanned again and everything stored anew, over the old files.
      for (const file of cacheFiles(cacheDir).filter((name) => name.endsWith('.facts'))) rmSync(file);
      const rebuilt = JSON.parse(json(args)) as { warnings: { code: string }[]; points: { busFactor: number }[] };
      expect(rebuilt.warnings).toEqual([]);
      // The last point is the analysed commit: bus factor 2, as every CACHE_HISTORY run.
      expect(rebuilt.points.at(-1)?.busFactor).toBe(2);
      expect(files()).toEqual(['.facts', '.report', '.state']);
      expect(json(args)).toBe(cold);
    } finally {
      repo.remove();
    }
  });

  it('a damaged finished report: the states serve the run, with a warning, and the report is stored again', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      const cold = json([repo.dir, '--cache-dir', cacheDir]);
      const [finished] = cacheFiles(cacheDir).filter((name) => name.endsWith('.report'));
      writeFileSync(finished as string, 'damaged\n');
      const report = JSON.parse(json([repo.dir, '--cache-dir', cacheDir])) as { cache: string; warnings: { code: string }[] };
      expect([report.cache, report.warnings.map((warning) => warning.code)]).toEqual(['hit', ['cache-ignored']]);
      const again = json([repo.dir, '--cache-dir', cacheDir]);
      expect(withoutCacheField(again)).toBe(withoutCacheField(cold));
    } finally {
      repo.remove();
    }
  });
});

describe('what is not extended', () => {
  it('a history rewritten under the cached head (a force-push): a cold run, then a hit', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      expect(cacheOf(json([repo.dir, '--cache-dir', cacheDir]))).toBe('cold');
      // Rewrite the last commit: the cached head is no ancestor of the new one.
      const bob = { GIT_AUTHOR_NAME: 'Bob Baker', GIT_AUTHOR_EMAIL: 'bob@example.com', GIT_COMMITTER_NAME: 'Bob Baker', GIT_COMMITTER_EMAIL: 'bob@example.com' };
      repo.git(['commit', '--amend', '-q', '-m', 'rewritten'], { ...bob, GIT_COMMITTER_DATE: '2021-03-11T12:00:00Z', GIT_AUTHOR_DATE: '2021-03-11T12:00:00Z' });
      const rewritten = json([repo.dir, '--cache-dir', cacheDir]);
      expect(cacheOf(rewritten)).toBe('cold');
      expect(withoutCacheField(rewritten)).toBe(withoutCacheField(json([repo.dir, '--no-cache'])));
      expect(cacheOf(json([repo.dir, '--cache-dir', cacheDir]))).toBe('hit');
    } finally {
      repo.remove();
    }
  });

  it('a commit replaced (git replace) under the same head: a cold run that follows the replacement, then a hit; removed, the first entry again', () => {
    const repo = buildRepo(TEAM_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      const authorsOf = (stdout: string, file: string) => (JSON.parse(stdout) as { files: { path: string; authors: string[] }[] }).files.find((entry) => entry.path === file)?.authors;
      const first = json([repo.dir, '--cache-dir', cacheDir]);
      expect(cacheOf(first)).toBe('cold');
      // TEAM_HISTORY (fixtures/histories.ts): Bob creates api/server.js on day 3, nobody else touches it.
      expect(authorsOf(first, 'api/server.js')).toEqual(['bob@example.com']);
      // The same commit, authored by Dave: git log reads the replacement wherever the history names Bob's.
      const bobs = repo.git(['rev-list', '--reverse', '--author=bob@example.com', 'HEAD']).split('\n')[0] as string;
      const text = repo.git(['cat-file', 'commit', bobs]).replace(/^author Bob Baker <bob@example\.com>/m, 'author Dave Dunn <dave@example.com>');
      const replacement = repo.git(['hash-object', '-t', 'commit', '-w', '--stdin'], {}, `${text}\n`);
      repo.git(['replace', bobs, replacement]);
      const replaced = json([repo.dir, '--cache-dir', cacheDir]);
      expect(cacheOf(replaced)).toBe('cold');
      expect(authorsOf(replaced, 'api/server.js')).toEqual(['dave@example.com']);
      expect(withoutCacheField(replaced)).toBe(withoutCacheField(json([repo.dir, '--no-cache'])));
      expect(cacheOf(json([repo.dir, '--cache-dir', cacheDir]))).toBe('hit');
      // Without the replacement the history is the first one again, and so is its cached report.
      repo.git(['replace', '-d', bobs]);
      const again = json([repo.dir, '--cache-dir', cacheDir]);
      expect(cacheOf(again)).toBe('hit');
      expect(withoutCacheField(again)).toBe(withoutCacheField(first));
    } finally {
      repo.remove();
    }
  });

  it('another repository at the same path: its own analysis, nothing of the first', () => {
    const parent = tempDir();
    const place = path.join(parent, 'project');
    const cacheDir = path.join(parent, 'cache');
    const first = buildRepo(CACHE_HISTORY);
    const second = buildRepo(TEAM_HISTORY);
    try {
      const clone = (from: BuiltRepo) => runGit(['clone', '-q', from.dir, place]);
      clone(first);
      expect(cacheOf(json([place, '--cache-dir', cacheDir]))).toBe('cold');
      rmSync(place, { recursive: true, force: true });
      clone(second);
      const other = json([place, '--cache-dir', cacheDir]);
      expect(cacheOf(other)).toBe('cold');
      // TEAM_HISTORY's figures (fixtures/histories.ts): bus factor 2, key people Bob, Carol.
      expect((JSON.parse(other) as { busFactor: number }).busFactor).toBe(2);
      expect(withoutCacheField(other)).toBe(withoutCacheField(json([place, '--no-cache'])));
      // Two repositories (their root commits differ) in the cache now.
      const info = JSON.parse(runCli(['cache', 'info', '--json', '--cache-dir', cacheDir]).stdout) as { repositories: unknown[] };
      expect(info.repositories).toHaveLength(2);
    } finally {
      first.remove();
      second.remove();
    }
  });

  it('a result degraded by a missing blob serves this copy only, until its objects change', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const parent = tempDir();
      const cacheDir = path.join(parent, 'cache');
      // A complete copy of the same history, elsewhere.
      const complete = path.join(parent, 'complete');
      runGit(['clone', '-q', '--no-local', repo.dir, complete]);
      // Drop the first version of src/a.js (loose, as buildRepo wrote it): lines can no longer be had.
      const blob = repo.git(['rev-parse', 'cached~2:src/a.js']);
      rmSync(path.join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
      const degraded = JSON.parse(json([repo.dir, '--lines', '--cache-dir', cacheDir])) as { cache: string; warnings: { code: string }[] };
      expect(degraded.cache).toBe('cold');
      expect(degraded.warnings.map((warning) => warning.code)).toContain('missing-objects');
      expect(cacheOf(json([repo.dir, '--lines', '--cache-dir', cacheDir]))).toBe('hit');
      // The complete copy does not take the degraded result: its own analysis, with every file's lines.
      const full = JSON.parse(json([complete, '--lines', '--cache-dir', cacheDir])) as { cache: string; warnings: unknown[]; files: { owners?: unknown[] }[] };
      expect(full.cache).toBe('cold');
      expect(full.warnings).toEqual([]);
      expect(full.files.every((file) => file.owners !== undefined)).toBe(true);
      // And once stored, the complete result is what the degraded copy gets first.
      const after = JSON.parse(json([repo.dir, '--lines', '--cache-dir', cacheDir])) as { cache: string; warnings: unknown[] };
      expect([after.cache, after.warnings]).toEqual(['hit', []]);
    } finally {
      repo.remove();
    }
  });

  it('a bare repository whose .mailmap changed after the cached head: a cold run, not an extension', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      // A bare repository reads the analysed commit's own .mailmap (git/repo.ts). Bob's commits up
      // to the cached head were read as bob@example.com; the new .mailmap names him
      // robert@example.com, so his person's id changes for the whole history.
      writeFileSync(path.join(repo.dir, '.mailmap'), 'Bob Baker <robert@example.com> <bob@example.com>\n');
      repo.git(['add', '.mailmap']);
      const erin = (at: string) => ({ GIT_AUTHOR_NAME: 'Erin Evans', GIT_AUTHOR_EMAIL: 'erin@example.com', GIT_COMMITTER_NAME: 'Erin Evans', GIT_COMMITTER_EMAIL: 'erin@example.com', GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
      repo.git(['commit', '-q', '-m', 'mailmap'], erin('2021-03-11T12:00:00Z'));
      const parent = tempDir();
      const bare = path.join(parent, 'bare.git');
      runGit(['clone', '-q', '--bare', repo.dir, bare]);
      const cacheDir = path.join(parent, 'cache');
      expect(cacheOf(json([bare, '--rev', 'cached', '--cache-dir', cacheDir]))).toBe('cold');
      const after = json([bare, '--cache-dir', cacheDir]);
      expect(cacheOf(after)).toBe('cold');
      expect(withoutCacheField(after)).toBe(withoutCacheField(json([bare, '--no-cache'])));
      const ids = (JSON.parse(after) as { people: { id: string }[] }).people.map((person) => person.id);
      expect(ids).toContain('robert@example.com');
      expect(ids).not.toContain('bob@example.com');
      // The same .mailmap on both sides extends as usual: one more commit, pushed to the bare copy.
      writeFileSync(path.join(repo.dir, 'lib', 'd.js'), 'd1\nd2\nd3\n');
      repo.git(['commit', '-q', '-am', 'd3'], erin('2021-03-12T12:00:00Z'));
      repo.git(['push', '-q', bare, 'HEAD:main']);
      const extended = json([bare, '--cache-dir', cacheDir]);
      expect(cacheOf(extended)).toBe('extended');
      expect(withoutCacheField(extended)).toBe(withoutCacheField(json([bare, '--no-cache'])));
    } finally {
      repo.remove();
    }
  });

  it('a shallow clone is never cached', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const parent = tempDir();
      const clone = path.join(parent, 'shallow');
      runGit(['clone', '-q', '--depth', '2', `file://${repo.dir}`, clone]);
      const cacheDir = path.join(parent, 'cache');
      expect(cacheOf(json([clone, '--cache-dir', cacheDir]))).toBe('off');
      expect(cacheFiles(cacheDir)).toEqual([]);
    } finally {
      repo.remove();
    }
  });
});

describe('damaged cache files are ignored with a warning and rebuilt', () => {
  const damages: Record<string, (file: string) => void> = {
    'a flipped byte': (file) => {
      const bytes = readFileSync(file);
      bytes[bytes.length - 40] = (bytes[bytes.length - 40] as number) ^ 0xff;
      writeFileSync(file, bytes);
    },
    'a truncated file': (file) => truncateSync(file, Math.floor(statSync(file).size / 2)),
    'a foreign file': (file) => writeFileSync(file, 'not a cache file at all\n'),
    'an empty file': (file) => writeFileSync(file, ''),
  };
  for (const [name, damage] of Object.entries(damages)) {
    it(name, () => {
      const repo = buildRepo(CACHE_HISTORY);
      try {
        const cacheDir = path.join(tempDir(), 'cache');
        const cold = json([repo.dir, '--cache-dir', cacheDir]);
        // The commit's states and its finished report (docs/cache.md): both damaged, one warning.
        const files = cacheFiles(cacheDir);
        expect(files.map((file) => path.extname(file)).sort()).toEqual(['.report', '.state']);
        for (const file of files) damage(file);
        const result = runCli([repo.dir, '--json', '--cache-dir', cacheDir]);
        expect(result.code).toBe(0);
        const report = JSON.parse(result.stdout) as { cache: string; warnings: { code: string; message: string }[] };
        expect(report.cache).toBe('cold');
        expect(report.warnings.map((warning) => warning.code)).toEqual(['cache-ignored']);
        expect(result.stderr).toMatch(/^busfactor: warning: a cache file was ignored and will be rebuilt/m);
        // Apart from that warning, the cold run's report.
        const { warnings: _warnings, ...rest } = JSON.parse(result.stdout) as Record<string, unknown>;
        const { warnings: _coldWarnings, ...coldRest } = JSON.parse(cold) as Record<string, unknown>;
        expect(rest).toEqual(coldRest);
        // Rebuilt: the next run is a hit again, without a warning.
        const again = JSON.parse(json([repo.dir, '--cache-dir', cacheDir])) as { cache: string; warnings: unknown[] };
        expect(again.cache).toBe('hit');
        expect(again.warnings).toEqual([]);
      } finally {
        repo.remove();
      }
    });
  }
});

describe('the cache folder', () => {
  it('is private to the user: folders 0700, files 0600, nothing left half-written', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      json([repo.dir, '--lines', '--cache-dir', cacheDir]);
      const files = cacheFiles(cacheDir);
      // The states and the finished report.
      expect(files).toHaveLength(2);
      expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
      expect(files.map((file) => statSync(file).mode & 0o777)).toEqual([0o600, 0o600]);
      expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    } finally {
      repo.remove();
    }
  });

  it('writes nothing into the analysed repository, even when told to', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const result = runCli([repo.dir, '--json', '--cache-dir', path.join(repo.dir, '.cache')]);
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as { cache: string; warnings: { code: string; message: string }[] };
      expect(report.cache).toBe('off');
      expect(report.warnings.find((warning) => warning.code === 'cache-unwritable')?.message).toMatch(/inside the analysed repository/);
      expect(existsSync(path.join(repo.dir, '.cache'))).toBe(false);
      expect(repo.git(['status', '--porcelain', '--ignored'])).toBe('');
    } finally {
      repo.remove();
    }
  });

  it('a folder others may write to, or one that cannot be made: a warning and an uncached run', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const parent = tempDir();
      const shared = path.join(parent, 'shared');
      mkdirSync(shared);
      chmodSync(shared, 0o777);
      const open = runCli([repo.dir, '--json', '--cache-dir', shared]);
      expect(open.code).toBe(0);
      expect(cacheOf(open.stdout)).toBe('off');
      expect(open.stderr).toMatch(/warning: the cache is not used: .*writable by other users/);
      expect(readdirSync(shared)).toEqual([]);

      writeFileSync(path.join(parent, 'a-file'), '');
      const impossible = runCli([repo.dir, '--json', '--cache-dir', path.join(parent, 'a-file', 'cache')]);
      expect(impossible.code).toBe(0);
      expect(cacheOf(impossible.stdout)).toBe('off');
      expect(impossible.stderr).toMatch(/warning: the cache is not used: .*cannot be used \(ENOTDIR\)/);
      // The analysis itself is the usual one.
      expect((JSON.parse(impossible.stdout) as { busFactor: number }).busFactor).toBe(2);
    } finally {
      repo.remove();
    }
  });

  it('a store that fails (the folder cannot hold the entry): a warning, the result as usual', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      mkdirSync(cacheDir, { mode: 0o700 });
      // The layout's folder is a file: every store fails (as on a full or read-only disk).
      writeFileSync(path.join(cacheDir, 'v1'), '');
      const result = runCli([repo.dir, '--json', '--cache-dir', cacheDir]);
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as { cache: string; busFactor: number; warnings: { code: string; message: string }[] };
      expect(report.busFactor).toBe(2);
      expect(report.cache).toBe('cold');
      expect(report.warnings.map((warning) => warning.code)).toEqual(['cache-unwritable']);
      expect(report.warnings[0]?.message).toMatch(/^the analysis could not be cached in .*\(ENOTDIR\)$/);
    } finally {
      repo.remove();
    }
  });

  it('an entry of another tool version at the same place: ignored with a warning', async () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      json([repo.dir, '--cache-dir', cacheDir]);
      const { readCacheFile, writeCacheFile } = await import('../../src/cache/cache-file.js');
      for (const file of cacheFiles(cacheDir)) {
        const { meta, value } = await readCacheFile(file);
        await writeCacheFile(file, { ...meta, toolVersion: '0.0.1' }, value);
      }
      const report = JSON.parse(json([repo.dir, '--cache-dir', cacheDir])) as { cache: string; warnings: { code: string; message: string }[] };
      expect(report.cache).toBe('cold');
      expect(report.warnings[0]?.message).toMatch(/ignored and will be rebuilt \(written for another commit or version\)/);
    } finally {
      repo.remove();
    }
  });

  it('evicts the least recently used files beyond --cache-limit', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      // An old 2 MiB entry of some other repository, last used a year ago.
      const old = path.join(cacheDir, 'v1', 'other-repo', 'other-key', `${'0'.repeat(40)}.state`);
      mkdirSync(path.dirname(old), { recursive: true, mode: 0o700 });
      chmodSync(cacheDir, 0o700);
      writeFileSync(old, Buffer.alloc(2 * 1024 * 1024));
      const yearAgo = new Date(Date.now() - 365 * 86_400_000);
      utimesSync(old, yearAgo, yearAgo);
      json([repo.dir, '--cache-dir', cacheDir, '--cache-limit', '1']);
      expect(existsSync(old)).toBe(false);
      expect(cacheFiles(cacheDir).filter((file) => file.endsWith('.state'))).toHaveLength(1);
      expect(cacheOf(json([repo.dir, '--cache-dir', cacheDir, '--cache-limit', '1']))).toBe('hit');
    } finally {
      repo.remove();
    }
  });

  it('two runs at once both succeed and leave one good entry', async () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      const run = () =>
        new Promise<{ code: number | null; stdout: string }>((resolve) => {
          const child = spawn(process.execPath, [CLI, repo.dir, '--json', '--lines', '--cache-dir', cacheDir], { env: isolatedGitEnv() });
          let stdout = '';
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
          child.on('close', (code) => resolve({ code, stdout }));
        });
      const results = await Promise.all([run(), run(), run()]);
      expect(results.map((result) => result.code)).toEqual([0, 0, 0]);
      const texts = new Set(results.map((result) => withoutCacheField(result.stdout)));
      expect(texts.size).toBe(1);
      const files = cacheFiles(cacheDir);
      expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
      expect(files.map((file) => path.extname(file)).sort()).toEqual(['.report', '.state']);
      const hit = json([repo.dir, '--lines', '--cache-dir', cacheDir]);
      expect(cacheOf(hit)).toBe('hit');
      expect(withoutCacheField(hit)).toBe([...texts][0]);
    } finally {
      repo.remove();
    }
  });
});

describe('busfactor cache info|clear', () => {
  it('lists the repositories and their commits, and clears them', () => {
    const repo = buildRepo(CACHE_HISTORY);
    try {
      const cacheDir = path.join(tempDir(), 'cache');
      json([repo.dir, '--rev', 'cached', '--cache-dir', cacheDir]);
      json([repo.dir, '--cache-dir', cacheDir]);
      json([repo.dir, '--lines', '--cache-dir', cacheDir]);
      const info = runJson(['cache', 'info', '--cache-dir', cacheDir]).result.stdout;
      const parsed = JSON.parse(info) as { files: number; repositories: { repository: string; commits: number }[] };
      // Two commits under the default settings, one under --lines: three entries of one
      // repository, each its states and its finished report, but HEAD under the defaults, a few
      // commits on top of `cached`, has its report alone (docs/cache.md, "Extending").
      expect(parsed.files).toBe(5);
      expect(parsed.repositories).toEqual([expect.objectContaining({ repository: repo.dir, commits: 3 })]);
      const text = runCli(['cache', 'info', '--cache-dir', cacheDir]);
      expect(text.stdout).toContain(`cache folder: ${cacheDir}`);
      expect(text.stdout).toMatch(/5 file\(s\), [\d.]+ MiB, 1 repository/);

      const cleared = runCli(['cache', 'clear', '--cache-dir', cacheDir]);
      expect(cleared.code).toBe(0);
      expect(cleared.stdout).toMatch(/removed 5 file\(s\)/);
      expect(cacheFiles(cacheDir)).toEqual([]);
      expect(cacheOf(json([repo.dir, '--cache-dir', cacheDir]))).toBe('cold');
    } finally {
      repo.remove();
    }
  });

  it('an unknown action is bad input', () => {
    const result = runCli(['cache', 'purge']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('busfactor: error: cache purge: expected info or clear\n');
  });
});

function runGit(args: readonly string[]): void {
  const result = spawnSync('git', args, { env: isolatedGitEnv(), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
}
