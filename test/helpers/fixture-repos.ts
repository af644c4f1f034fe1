import { afterEach } from 'vitest';
import { buildRepo, type BuildOptions, type BuiltRepo, type Step } from '../../fixtures/build-repo.js';

/**
 * Builds fixture repositories for one test file and removes them after each test, so a test file
 * only says which history it wants.
 */
export function useFixtureRepos(): (steps: readonly Step[], options?: BuildOptions) => BuiltRepo {
  const built: BuiltRepo[] = [];
  afterEach(() => {
    for (const repo of built.splice(0)) repo.remove();
  });
  return (steps, options) => {
    const repo = buildRepo(steps, options);
    built.push(repo);
    return repo;
  };
}
