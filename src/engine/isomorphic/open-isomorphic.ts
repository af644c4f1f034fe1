import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { InputError } from '../../errors.js';
import type { Repository, RepositoryFacts } from '../../git/repo.js';
import { isomorphicReader } from './isomorphic-reader.js';
import { readOnlyFs } from './read-only-fs.js';
import { commonDir, readSmallFile } from './safe-read.js';
import { userConfigValue } from './user-config.js';

/**
 * A folder git would take for a git dir (setup.c is_git_directory): HEAD, and objects/ and refs/
 * there or in its `commondir` (a linked worktree's git dir keeps them in the main one).
 */
async function isGitDir(folder: string): Promise<boolean> {
  const common = await commonDir(folder);
  const [head, objects, refs] = await Promise.all([path.join(folder, 'HEAD'), path.join(common, 'objects'), path.join(common, 'refs')].map((file) => stat(file).catch(() => undefined)));
  return Boolean(head?.isFile() && objects?.isDirectory() && refs?.isDirectory());
}

/** `.git` as a file (`gitdir: <path>`: linked worktrees, submodules): the git dir it names. */
async function gitFileTarget(file: string): Promise<string | undefined> {
  const text = (await readSmallFile(file, { noFollow: false, maxBytes: 64 * 1024 }))?.toString('utf8');
  const target = text === undefined ? undefined : /^gitdir: (.+?)\r?\n?$/.exec(text)?.[1];
  return target === undefined ? undefined : path.resolve(path.dirname(file), target);
}

interface Found {
  /** The worktree's own git dir (HEAD, shallow). */
  readonly gitDir: string;
  /** Where objects and refs are: the same, or a linked worktree's `commondir`. */
  readonly commonDir: string;
  /** The work tree's top level; undefined for a bare repository (or a git dir given directly). */
  readonly workTree: string | undefined;
}

/** setup.c's discovery, from `start` up to the file system's root: a `.git` folder or file, or a git dir itself. */
async function discover(start: string): Promise<Found | undefined> {
  for (let folder = start; ; folder = path.dirname(folder)) {
    const dotGit = path.join(folder, '.git');
    const info = await stat(dotGit).catch(() => undefined);
    let gitDir: string | undefined;
    if (info?.isDirectory() && (await isGitDir(dotGit))) gitDir = dotGit;
    else if (info?.isFile()) {
      const target = await gitFileTarget(dotGit);
      if (target && (await isGitDir(target))) gitDir = target;
    }
    if (gitDir) return { gitDir, commonDir: await commonDir(gitDir), workTree: folder };
    if (await isGitDir(folder)) return { gitDir: folder, commonDir: await commonDir(folder), workTree: undefined };
    if (path.dirname(folder) === folder) return undefined;
  }
}

async function configValue(gitdir: string, key: string): Promise<string | undefined> {
  try {
    const value: unknown = await git.getConfig({ fs: readOnlyFs, gitdir, path: key });
    return value === undefined || value === null ? undefined : String(value);
  } catch {
    return undefined;
  }
}

/** git's test for a partial clone (promisor-remote.c): a remote marked `promisor`, or `extensions.partialClone`. */
async function isPartialClone(gitdir: string): Promise<boolean> {
  if ((await configValue(gitdir, 'extensions.partialclone')) !== undefined) return true;
  const remotes = await git.listRemotes({ fs: readOnlyFs, gitdir }).catch(() => []);
  for (const { remote } of remotes) if (/^(true|yes|on|1)$/i.test((await configValue(gitdir, `remote.${remote}.promisor`)) ?? '')) return true;
  return false;
}

/**
 * Opens a repository without git (docs/engine.md): the same facts git's `rev-parse` gives
 * (git/repo.ts), found the way git finds them, and the isomorphic-git reader.
 */
export async function openIsomorphicRepository(target: string, _signal?: AbortSignal): Promise<Repository> {
  const info = await stat(path.resolve(target)).catch(() => undefined);
  if (!info) throw new InputError(`path does not exist: ${target}`);
  if (!info.isDirectory()) throw new InputError(`not a directory: ${target}`);
  // git works from the real path (its --show-toplevel and --show-prefix are of it).
  const absolute = await realpath(path.resolve(target));
  const found = await discover(absolute);
  if (!found) throw new InputError(`not a git repository: ${target}`);
  const objectFormat = ((await configValue(found.commonDir, 'extensions.objectformat')) ?? 'sha1').toLowerCase();
  if (objectFormat !== 'sha1') {
    throw new InputError(`the repository uses ${objectFormat} object ids, which the isomorphic-git engine cannot read`, { hint: 'install git to analyse it' });
  }
  // isomorphic-git reads this repository's own object folder only.
  const alternates = (await readSmallFile(path.join(found.commonDir, 'objects', 'info', 'alternates'), { noFollow: false }))?.toString('utf8').trim();
  if (alternates) {
    throw new InputError('the repository borrows objects from another one (objects/info/alternates: a --shared or --reference clone), which the isomorphic-git engine cannot read', { hint: 'install git to analyse it, or clone it without --shared' });
  }
  const bareSetting = await configValue(found.commonDir, 'core.bare');
  // A git dir given directly is bare unless its config says otherwise (git guesses the same).
  const isBare = found.workTree === undefined && bareSetting !== 'false';
  const shallowText = (await readSmallFile(path.join(found.commonDir, 'shallow'), { noFollow: false }))?.toString('latin1') ?? '';
  const shallow = new Set(shallowText.split('\n').map((line) => line.trim()).filter((line) => /^[0-9a-f]{40}$/.test(line)));
  const cwd = found.workTree ?? found.gitDir;
  const relative = found.workTree === undefined ? '' : path.relative(found.workTree, absolute);
  const scope = relative === '' ? '' : `${relative.split(path.sep).join('/')}/`;
  const nameSource = found.workTree ?? found.gitDir.replace(/\/\.git$/, '');
  const userMailmapFile = await userConfigValue('mailmap', 'file');
  const facts: RepositoryFacts = {
    cwd,
    gitDir: found.gitDir,
    isBare,
    isShallow: shallow.size > 0,
    objectFormat,
    scope,
    name: path.basename(nameSource).replace(/\.git$/, '') || nameSource,
    userMailmapFile,
    isPartialClone: await isPartialClone(found.commonDir),
  };
  return { ...facts, reader: isomorphicReader(facts, { gitdir: found.commonDir, privateGitdir: found.gitDir, userMailmapFile, shallow }) };
}
