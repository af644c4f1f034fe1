import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { compareText } from '../compare-text.js';
import { readLocalFile } from '../settings/read-local-file.js';
import { parseListFile } from './parse-list-file.js';
import { repositoryKind, type RepositoryKind } from './repository-kind.js';
import { isRepositoryUrl, type Discovery, type DiscoveryProblem, type RepositoryTarget } from './repository-target.js';

export interface DiscoverOptions {
  /**
   * Search every depth, work trees included (nested repositories and submodules are entries of
   * their own). Without it: the folder itself when it is a repository, else its direct subfolders.
   */
  readonly recursive: boolean;
}

/** A list file larger than this is refused: forty repositories take a few KiB. */
const MAX_LIST_BYTES = 4 * 1024 * 1024;

/**
 * The repositories named by `busfactor org`'s arguments (docs/org.md, "Finding repositories"): URLs
 * as given; folders that are repositories; folders searched for repositories; list files of paths
 * and URLs. Symbolic links met while searching are not followed (the search never leaves the folder
 * named); a link given as an argument or a list line is, since the user named it. The same repository
 * named twice (by resolved path, or the same URL) is kept once, where it first appears.
 */
export async function discoverRepositories(args: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const targets: RepositoryTarget[] = [];
  const problems: DiscoveryProblem[] = [];
  const seen = new Set<string>();
  const problem = (source: string, message: string) => problems.push({ source, message });

  const addUrl = (source: string) => {
    const location = source.replace(/\/+$/, '');
    if (seen.has(`url:${location}`)) return;
    seen.add(`url:${location}`);
    targets.push({ kind: 'url', source, location });
  };

  const addRepository = async (source: string, folder: string, kind: RepositoryKind) => {
    // `repo/.git` named directly is the work tree `repo`.
    const location = kind === 'git-dir' && path.basename(folder) === '.git' && (await repositoryKind(path.dirname(folder))) === 'work-tree' ? path.dirname(folder) : folder;
    if (seen.has(location)) return;
    seen.add(location);
    targets.push({ kind: 'path', source, location });
  };

  /** Subfolders of `folder` that are repositories, down to `depth` levels; the number found. */
  const search = async (source: string, folder: string, depth: number): Promise<number> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      problem(source, `cannot read the folder ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return 0;
    }
    let found = 0;
    // A Dirent of a symbolic link is not a directory: links are never followed here.
    for (const entry of entries.filter((item) => item.isDirectory() && item.name !== '.git').sort((a, b) => compareText(a.name, b.name))) {
      const child = path.join(folder, entry.name);
      const childSource = path.join(source, entry.name);
      const kind = await repositoryKind(child);
      if (kind) {
        found += 1;
        await addRepository(childSource, child, kind);
        if (options.recursive && kind === 'work-tree') found += await search(childSource, child, Number.POSITIVE_INFINITY);
      } else if (depth > 1) found += await search(childSource, child, depth - 1);
    }
    return found;
  };

  const addFolder = async (source: string, folder: string) => {
    const real = await realpath(folder);
    const kind = await repositoryKind(real);
    if (kind) {
      await addRepository(source, real, kind);
      if (options.recursive && kind === 'work-tree') await search(source, real, Number.POSITIVE_INFINITY);
      return;
    }
    const found = await search(source, real, options.recursive ? Number.POSITIVE_INFINITY : 1);
    if (found === 0) {
      problem(source, `no git repository in ${source} (${options.recursive ? 'searched at every depth' : 'it is none, nor are its subfolders; --recursive searches deeper'})`);
    }
  };

  const addListFile = async (file: string) => {
    const read = await readLocalFile(file, { maxBytes: MAX_LIST_BYTES, followSymlinks: true });
    if (read.kind !== 'file') {
      problem(file, `cannot read the list file ${file}: ${read.kind === 'absent' ? 'it does not exist' : read.reason}`);
      return;
    }
    if (read.content.includes(0)) {
      problem(file, `${file} is neither a folder nor a list file (a list file is text: one repository path or URL a line)`);
      return;
    }
    const base = path.dirname(path.resolve(file));
    for (const { line, entry } of parseListFile(read.content.toString('utf8'))) {
      if (isRepositoryUrl(entry)) {
        addUrl(entry);
        continue;
      }
      const where = `${file}, line ${line}`;
      const resolved = path.resolve(base, expandHome(entry));
      const info = await stat(resolved).catch(() => undefined);
      if (!info) problem(entry, `path does not exist: ${entry} (${where})`);
      else if (info.isDirectory()) await addFolder(entry, resolved);
      else problem(entry, `not a folder: ${entry} (${where}; a list file names repositories, not other list files)`);
    }
  };

  for (const arg of args) {
    if (isRepositoryUrl(arg)) {
      addUrl(arg);
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (!info) problem(arg, `path does not exist: ${arg}`);
    else if (info.isDirectory()) await addFolder(arg, path.resolve(arg));
    else if (info.isFile()) await addListFile(arg);
    else problem(arg, `${arg} is neither a folder nor a list file`);
  }
  return { targets, problems };
}

/** `~/src/api` in a list file: the shell expands `~` on the command line, not inside a file. */
function expandHome(entry: string): string {
  return entry === '~' || entry.startsWith('~/') ? path.join(homedir(), entry.slice(1)) : entry;
}
