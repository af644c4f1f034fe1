import path from 'node:path';
import type { ModuleContext } from '../module-definition.js';
import { readManifest, type DeclaredWorkspace } from './declared-workspace.js';

const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Maven: the `<modules>` of the root pom.xml, and of theirs, recursively; named by `<artifactId>`. */
export async function mavenModules(context: ModuleContext): Promise<DeclaredWorkspace[]> {
  if (!context.blobs.has('pom.xml')) return [];
  // Loaded only for a repository with a pom.xml. No entity expansion: the file is untrusted input.
  const { XMLParser } = await import('fast-xml-parser');
  const parser = new XMLParser({ ignoreAttributes: true, processEntities: false, parseTagValue: false });
  const found: DeclaredWorkspace[] = [];
  const seen = new Set<string>();
  const visit = async (folder: string) => {
    const file = folder === '' ? 'pom.xml' : `${folder}/pom.xml`;
    const pom = (await readManifest(context, file, (text) => parser.parse(text) as { project?: { artifactId?: unknown; modules?: { module?: unknown } } }))?.project;
    if (!pom) return;
    if (folder !== '') found.push({ path: folder, name: typeof pom.artifactId === 'string' ? pom.artifactId : folder, tool: 'maven' });
    for (const module of asList(pom.modules?.module)) {
      if (typeof module !== 'string') continue;
      const child = path.posix.normalize(path.posix.join(folder, module.trim())).replace(/\/$/, '');
      // A module is a folder below (a `../` module lies outside the repository's tree).
      if (child.startsWith('..') || child === '.' || seen.has(child) || !context.blobs.has(`${child}/pom.xml`)) continue;
      seen.add(child);
      await visit(child);
    }
  };
  await visit('');
  return found;
}
