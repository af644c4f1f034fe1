import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, type BuiltRepo } from '../../fixtures/build-repo.js';
import { ENGINE_HISTORY } from '../../fixtures/engine-histories.js';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import { runWithoutGit } from './without-git.js';

/**
 * Under the isomorphic-git engine the cache works as with git (docs/cache.md), keyed on the engine
 * and its version: a run with git never serves one without it (their rename detection differs),
 * and the other way round. Cold, extended and cached runs give the same report apart from `cache`.
 */
const tempDir = useTempDirs('busfactor-engine-cache-');
const built: BuiltRepo[] = [];
afterAll(() => built.forEach((repo) => repo.remove()));

function run(runner: typeof runCli, args: readonly string[]): { cache: string; text: string } {
  const result = runner([...args, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return { cache: (JSON.parse(result.stdout) as Report).cache, text: result.stdout.replace(/"cache": "[a-z]+"/, '"cache": "-"') };
}

describe('the cache under the isomorphic-git engine', () => {
  it('cold, extended and hit give the same report, and no entry crosses engines', () => {
    const repo = buildRepo(ENGINE_HISTORY);
    built.push(repo);
    const cacheDir = path.join(tempDir(), 'cache');
    const args = [repo.dir, '--cache-dir', cacheDir];
    const uncached = run(runWithoutGit, [repo.dir, '--no-cache']);
    expect(uncached.cache).toBe('off');
    // With git first: an entry the engine without git must not take for its own.
    expect(run(runCli, [...args, '--rev', 'HEAD~2']).cache).toBe('cold');
    expect(run(runCli, args).cache).toBe('extended');
    expect(run(runWithoutGit, [...args, '--rev', 'HEAD~2']).cache).toBe('cold');
    const extended = run(runWithoutGit, args);
    expect(extended.cache).toBe('extended');
    const hit = run(runWithoutGit, args);
    expect(hit.cache).toBe('hit');
    expect(extended.text).toBe(uncached.text);
    expect(hit.text).toBe(uncached.text);
    // The git engine's entry is still its own.
    expect(run(runCli, args).cache).toBe('hit');
  });
});
