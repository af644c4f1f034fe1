import { InputError } from '../errors.js';
import { openGitRepository, type Repository } from '../git/repo.js';
import { withGitReader } from './git-reader.js';
import { gitOnPath } from './git-on-path.js';
import type { EngineChoice, EngineName } from './repository-reader.js';

export interface OpenOptions {
  readonly signal?: AbortSignal;
  /** `--engine`: `auto` (the default) is git when an executable is on PATH, else isomorphic-git. */
  readonly engine?: EngineChoice;
}

/**
 * Opens the repository at `target` with the engine chosen once for the whole run (docs/engine.md):
 * every stage then asks `repo.reader`, never a particular engine. isomorphic-git is loaded only
 * when it runs.
 */
export async function openRepository(target: string, options: OpenOptions = {}): Promise<Repository> {
  const engine = await chooseEngine(options.engine ?? 'auto');
  if (engine === 'git') return withGitReader(await openGitRepository(target, options.signal));
  const { openIsomorphicRepository } = await import('./isomorphic/open-isomorphic.js');
  return openIsomorphicRepository(target, options.signal);
}

async function chooseEngine(choice: EngineChoice): Promise<EngineName> {
  if (choice === 'isomorphic-git') return choice;
  const present = await gitOnPath();
  if (choice === 'git' && !present) {
    throw new InputError('--engine git: no git executable on PATH', { hint: 'install git, or leave --engine out (or give --engine isomorphic-git) to read the repository without it' });
  }
  return present ? 'git' : 'isomorphic-git';
}
