import { compareText } from '../compare-text.js';

/** A directory module: a folder and the indices of the files below it (recursively). */
export interface DirectoryModule {
  /** Folder path without a trailing slash, e.g. `lib/router`. */
  readonly path: string;
  /** Folder depth below the analysed scope (a top-level folder is 1). */
  readonly depth: number;
  /** Indices into the file list given to {@link directoryModules}. */
  readonly files: readonly number[];
}

export interface ModuleOptions {
  /** Deepest folder level listed (1 = top-level folders only). */
  readonly depth: number;
  /** Folders with fewer files are not listed (their files still count for their parents). */
  readonly minFiles: number;
  /** Scope prefix (`packages/api/`) the depth is counted from; '' for the whole repository. */
  readonly scope: string;
}

/**
 * Every folder down to `depth` that holds at least `minFiles` counted files, sorted by path.
 * A folder's files include its subfolders' (JetBrains' explorer computes every tree node so).
 */
export function directoryModules(paths: readonly string[], options: ModuleOptions): DirectoryModule[] {
  const members = new Map<string, number[]>();
  paths.forEach((path, index) => {
    const relative = path.startsWith(options.scope) ? path.slice(options.scope.length) : path;
    const parts = relative.split('/');
    // The last part is the file name; each proper prefix is a folder.
    for (let depth = 1; depth < parts.length && depth <= options.depth; depth += 1) {
      const folder = options.scope + parts.slice(0, depth).join('/');
      let list = members.get(folder);
      if (!list) members.set(folder, (list = []));
      list.push(index);
    }
  });
  const baseDepth = options.scope === '' ? 0 : options.scope.split('/').length - 1;
  return [...members]
    .filter(([, files]) => files.length >= options.minFiles)
    .map(([path, files]) => ({ path, depth: path.split('/').length - baseDepth, files }))
    .sort((a, b) => compareText(a.path, b.path));
}
