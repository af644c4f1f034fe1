import type { ModuleContext } from '../module-definition.js';
import { expandFolderGlobs, foldersWith, readManifest, stringArray, stringField, type DeclaredWorkspace } from './declared-workspace.js';

const table = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);

/** Cargo: the root Cargo.toml's `[workspace] members` (globs) less `exclude`; names from `[package] name`. */
export async function cargoWorkspaces(context: ModuleContext): Promise<DeclaredWorkspace[]> {
  if (!context.blobs.has('Cargo.toml')) return [];
  // The TOML parser loads only for a repository that has a Cargo.toml.
  const { parse } = await import('smol-toml');
  const root = await readManifest(context, 'Cargo.toml', (text) => parse(text));
  const workspace = table(root, 'workspace');
  const members = stringArray(table(workspace, 'members'));
  if (members.length === 0) return [];
  const globs = [...members, ...stringArray(table(workspace, 'exclude')).map((glob) => `!${glob}`)];
  const found: DeclaredWorkspace[] = [];
  for (const folder of expandFolderGlobs(context, 'Cargo.toml', globs, foldersWith(context, 'Cargo.toml'))) {
    const manifest = await readManifest(context, `${folder}/Cargo.toml`, (text) => parse(text));
    found.push({ path: folder, name: stringField(table(manifest, 'package'), 'name') ?? folder, tool: 'cargo' });
  }
  return found;
}
