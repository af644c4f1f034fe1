import type { ModuleContext } from '../module-definition.js';
import { readManifest, type DeclaredWorkspace } from './declared-workspace.js';

/**
 * The project paths a settings.gradle(.kts) `include`s: `include 'app', ':lib:core'` or
 * `include(":app", ":lib")`. Settings scripts are programs (Groovy or Kotlin) and no JavaScript
 * library reads them; the `include` statements are read with a pattern, and a `projectDir`
 * moved elsewhere is not followed (docs/config.md).
 */
export function gradleIncludes(text: string): string[] {
  const projects: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  for (const statement of code.matchAll(/\binclude\s*\(?((?:\s*["'][^"'\n]+["']\s*,?)+)\)?/g)) {
    for (const name of (statement[1] ?? '').matchAll(/["']([^"'\n]+)["']/g)) projects.push(name[1] as string);
  }
  return projects;
}

/** Gradle: every included project, its folder from its path (`:lib:core` → `lib/core`). */
export async function gradleProjects(context: ModuleContext): Promise<DeclaredWorkspace[]> {
  const file = ['settings.gradle.kts', 'settings.gradle'].find((name) => context.blobs.has(name));
  if (!file) return [];
  const text = await readManifest(context, file, (content) => content);
  const found: DeclaredWorkspace[] = [];
  const folders = new Set([...context.blobs.keys()].flatMap((path) => {
    const parts = path.split('/');
    return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
  }));
  for (const project of gradleIncludes(text ?? '')) {
    const folder = project.replace(/^:/, '').replace(/:/g, '/');
    if (folder === '' || folder.split('/').includes('..')) continue;
    if (folders.has(folder)) found.push({ path: folder, name: project.startsWith(':') ? project : `:${project}`, tool: 'gradle' });
    else context.warnings.push({ code: 'workspace-unreadable', message: `${file}: the included project "${project}" has no folder ${folder}/` });
  }
  return found;
}
