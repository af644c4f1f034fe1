import { compareText } from '../compare-text.js';
import type { ModuleContext, ModuleDefinition } from './module-definition.js';

/**
 * Directory modules: every folder down to `--depth` below the analysed scope that holds at least
 * `--min-files` counted files, sorted by path. A folder's files include its subfolders' (JetBrains'
 * explorer computes every tree node so).
 */
export async function directoryModules(context: ModuleContext): Promise<ModuleDefinition[]> {
  const { depth: maxDepth, minFiles } = context.settings;
  const { scope } = context;
  const members = new Map<string, number[]>();
  context.files.forEach((path, index) => {
    const relative = path.startsWith(scope) ? path.slice(scope.length) : path;
    const parts = relative.split('/');
    // The last part is the file name; each proper prefix is a folder.
    for (let depth = 1; depth < parts.length && depth <= maxDepth; depth += 1) {
      const folder = scope + parts.slice(0, depth).join('/');
      let list = members.get(folder);
      if (!list) members.set(folder, (list = []));
      list.push(index);
    }
  });
  const baseDepth = scope === '' ? 0 : scope.split('/').length - 1;
  return [...members]
    .filter(([, files]) => files.length >= minFiles)
    .map(([path, files]): ModuleDefinition => ({ id: `directory:${path}`, kind: 'directory', name: path, path, depth: path.split('/').length - baseDepth, files }))
    .sort((a, b) => compareText(a.name, b.name));
}
