import type { ModuleContext } from '../module-definition.js';
import { expandFolderGlobs, foldersWith, readManifest, stringArray, stringField, type DeclaredWorkspace } from './declared-workspace.js';

/** The packages' own names, from their package.json (the folder when it has none). */
async function named(context: ModuleContext, folders: readonly string[], tool: string): Promise<DeclaredWorkspace[]> {
  const workspaces: DeclaredWorkspace[] = [];
  for (const folder of folders) {
    const manifest = await readManifest(context, `${folder}/package.json`, (text) => JSON.parse(text) as unknown);
    workspaces.push({ path: folder, name: stringField(manifest, 'name') ?? folder, tool });
  }
  return workspaces;
}

/**
 * npm and yarn: the root package.json's `workspaces`, an array of globs or `{ "packages": [...] }`
 * (yarn 1). Lerna: lerna.json `packages`. pnpm: pnpm-workspace.yaml `packages`. Each glob names
 * folders that hold a package.json.
 */
export async function npmWorkspaces(context: ModuleContext): Promise<DeclaredWorkspace[]> {
  const candidates = foldersWith(context, 'package.json');
  const found: DeclaredWorkspace[] = [];
  if (context.blobs.has('package.json')) {
    const root = await readManifest(context, 'package.json', (text) => JSON.parse(text) as unknown);
    const field = typeof root === 'object' && root !== null ? (root as Record<string, unknown>).workspaces : undefined;
    const globs = Array.isArray(field) ? stringArray(field) : stringArray(typeof field === 'object' && field !== null ? (field as Record<string, unknown>).packages : undefined);
    if (globs.length > 0) found.push(...(await named(context, expandFolderGlobs(context, 'package.json', globs, candidates), 'npm')));
  }
  if (context.blobs.has('lerna.json')) {
    const lerna = await readManifest(context, 'lerna.json', (text) => JSON.parse(text) as unknown);
    const globs = lerna === undefined ? [] : stringArray((lerna as Record<string, unknown>).packages);
    if (globs.length > 0) found.push(...(await named(context, expandFolderGlobs(context, 'lerna.json', globs, candidates), 'lerna')));
  }
  for (const file of ['pnpm-workspace.yaml', 'pnpm-workspace.yml']) {
    if (!context.blobs.has(file)) continue;
    // js-yaml 4's default schema builds plain data only (no functions, no custom tags). Loaded
    // only for a repository that has the file.
    const { load } = await import('js-yaml');
    const pnpm = await readManifest(context, file, (text) => load(text));
    const globs = typeof pnpm === 'object' && pnpm !== null ? stringArray((pnpm as Record<string, unknown>).packages) : [];
    if (globs.length > 0) found.push(...(await named(context, expandFolderGlobs(context, file, globs, candidates), 'pnpm')));
  }
  return found;
}
