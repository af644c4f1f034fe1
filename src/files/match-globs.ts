import picomatch from 'picomatch';

/** Tests a path (from the top of the repository, `/`-separated) against a list of globs. */
export type PathMatcher = (path: string) => boolean;

/**
 * Compiles `--include` / `--exclude` globs (picomatch, `dot: true`). Globs are matched against
 * the path from the top of the repository, like the paths the report shows.
 * - A glob without `/` matches a name at any depth, gitignore-style: the file's base name or
 *   any folder above it (`*.gen.ts`, `vendor`, `__snapshots__`). picomatch's own `basename`
 *   option is not used: with a list of globs it also applies to globs that have a slash.
 * - A glob ending in `/` means everything below that folder (`docs/` = `docs/**`).
 * - A leading `/` or `./` anchors at the top, which every glob with a slash already is.
 */
export function compileGlobs(globs: readonly string[]): PathMatcher | undefined {
  if (globs.length === 0) return undefined;
  const nameGlobs: string[] = [];
  const pathGlobs: string[] = [];
  for (const raw of globs) {
    let glob = raw.replace(/^\.?\//, '');
    if (glob.endsWith('/')) glob += '**';
    (glob.includes('/') ? pathGlobs : nameGlobs).push(glob);
  }
  const matchPath = pathGlobs.length > 0 ? picomatch(pathGlobs, { dot: true }) : undefined;
  const matchName = nameGlobs.length > 0 ? picomatch(nameGlobs, { dot: true }) : undefined;
  return (path) => {
    if (matchPath?.(path)) return true;
    if (!matchName) return false;
    return path.split('/').some((segment) => matchName(segment));
  };
}
