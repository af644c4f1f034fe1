import path from 'node:path';
import type { ModuleContext } from '../module-definition.js';
import { foldersWith, readManifest, type DeclaredWorkspace } from './declared-workspace.js';

/** The `module` path of a go.mod (`module github.com/acme/api`). */
export function goModulePath(text: string): string | undefined {
  return /^\s*module\s+("?)([^\s"]+)\1\s*(?:\/\/.*)?$/m.exec(text)?.[2];
}

/** The folders a go.work `use`s: `use ./api` or a `use ( … )` block. */
export function goWorkUses(text: string): string[] {
  const uses: string[] = [];
  const body = text.replace(/\/\/.*$/gm, '');
  for (const match of body.matchAll(/^\s*use\s*\(([^)]*)\)/gm)) uses.push(...(match[1] ?? '').split(/\s+/).filter(Boolean));
  for (const match of body.matchAll(/^\s*use\s+([^\s(][^\s]*)\s*$/gm)) uses.push(match[1] as string);
  return uses.map((use) => use.replace(/^"|"$/g, ''));
}

/**
 * Go: every folder below the top with its own go.mod is a module (named by its `module` path), and
 * those a root go.work `use`s. The grammar needed is two directives, read with two patterns; the
 * go.mod at the top is the repository itself, not a part of it.
 */
export async function goWorkspaces(context: ModuleContext): Promise<DeclaredWorkspace[]> {
  const folders = new Set(foldersWith(context, 'go.mod'));
  if (context.blobs.has('go.work')) {
    const work = await readManifest(context, 'go.work', (text) => text);
    for (const use of goWorkUses(work ?? '')) {
      const folder = path.posix.normalize(use).replace(/^\.\/?/, '').replace(/\/$/, '');
      if (folder !== '' && folder !== '.' && !folder.startsWith('..') && context.blobs.has(`${folder}/go.mod`)) folders.add(folder);
    }
  }
  const found: DeclaredWorkspace[] = [];
  for (const folder of folders) {
    const text = await readManifest(context, `${folder}/go.mod`, (content) => content);
    found.push({ path: folder, name: (text && goModulePath(text)) ?? folder, tool: 'go' });
  }
  return found;
}
