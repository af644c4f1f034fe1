import type { BuiltRepo } from '../../fixtures/build-repo.js';
import { buildFileUniverse } from '../../src/files/build-file-universe.js';
import type { FileUniverse, FileUniverseOptions } from '../../src/files/types.js';
import { openRepository } from '../../src/engine/open-repository.js';
import { resolveCommit } from '../../src/git/repo.js';

/** Fixed identity for commits a test makes with plain git (gitlinks, later edits). */
export const COMMIT_ENV = {
  GIT_AUTHOR_NAME: 'Alice Archer',
  GIT_AUTHOR_EMAIL: 'alice@example.com',
  GIT_AUTHOR_DATE: '2020-02-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'Alice Archer',
  GIT_COMMITTER_EMAIL: 'alice@example.com',
  GIT_COMMITTER_DATE: '2020-02-01T00:00:00Z',
};

/** The file universe of a fixture (or of a folder inside it) at a revision. */
export async function universeOf(target: BuiltRepo | string, rev = 'HEAD', options: Partial<FileUniverseOptions> = {}): Promise<FileUniverse> {
  const repo = await openRepository(typeof target === 'string' ? target : target.dir);
  const commit = await resolveCommit(repo, rev);
  return buildFileUniverse(repo, commit, { include: [], exclude: [], allText: false, ...options });
}

/** `path -> language` of the counted files, in the universe's order. */
export function counted(universe: FileUniverse): [string, string | undefined][] {
  return universe.files.map((file) => [file.path, file.language]);
}
