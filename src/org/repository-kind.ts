import { lstat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Whether a folder is a repository, from the file system alone (no git process per folder searched):
 * a work tree has a `.git` entry (a folder, or a file pointing to its git dir: linked worktrees and
 * submodules); a git dir — a bare repository, a mirror, or a `.git` folder itself — has `HEAD`,
 * `objects/` and `refs/`, the test git itself makes (setup.c, is_git_directory). A `config` file is
 * not required: mirrors may lack one. A folder that looks like a repository but is damaged (a corrupt
 * `HEAD`) is still one: its analysis then fails, and says why.
 */
export type RepositoryKind = 'work-tree' | 'git-dir';

const exists = async (file: string, test: (info: import('node:fs').Stats) => boolean): Promise<boolean> =>
  lstat(file).then(test, () => false);

export async function repositoryKind(folder: string): Promise<RepositoryKind | undefined> {
  if (await exists(path.join(folder, '.git'), (info) => info.isDirectory() || info.isFile())) return 'work-tree';
  const [head, objects, refs] = await Promise.all([
    exists(path.join(folder, 'HEAD'), (info) => info.isFile() || info.isSymbolicLink()),
    exists(path.join(folder, 'objects'), (info) => info.isDirectory()),
    exists(path.join(folder, 'refs'), (info) => info.isDirectory()),
  ]);
  return head && objects && refs ? 'git-dir' : undefined;
}
