import { InputError } from '../errors.js';
import type { Repository } from '../git/repo.js';

/**
 * Refuses a feature the isomorphic-git engine cannot run (docs/engine.md, "What needs git"): one
 * line, exit 2, before any work is done. `feature` completes "… needs git".
 */
export function requireGit(repo: Repository, feature: string): void {
  if (repo.reader.engine === 'git') return;
  throw new InputError(`${feature} needs git, and this run uses the isomorphic-git engine (no git executable on PATH, or --engine isomorphic-git)`, {
    hint: 'install git to use it (Debian, Ubuntu: apt-get install git)',
  });
}
