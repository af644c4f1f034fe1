import type { Report } from '../../report/report.js';
import { compareText } from '../../compare-text.js';

/** A folder of the analysed scope, with every file below it (recursively). */
export interface ModuleNode {
  /** Folder path from the repository root, without trailing slash; the scope's root is `''` or the scope. */
  readonly path: string;
  /** What the row shows: the repository's name for the root, else the folder name(s). */
  readonly name: string;
  /** 0 for the root. */
  readonly depth: number;
  /** Indices into `report.files` of every file below this folder. */
  readonly files: readonly number[];
  readonly children: readonly ModuleNode[];
  readonly parent: string | undefined;
}

interface Draft {
  path: string;
  name: string;
  files: number[];
  children: Map<string, Draft>;
}

const draft = (path: string, name: string): Draft => ({ path, name, files: [], children: new Map() });

/**
 * The folder tree of `report.files`, every level, the scope's folder as root. A folder holding
 * only one folder and no files of its own is folded into it (`src/main/java` as one row, as
 * IntelliJ's "compact middle packages"): both have the same files, so the same bus factor, and a
 * row per level would only add key presses.
 */
export function buildModuleTree(report: Report): ModuleNode {
  const scope = report.repository.scope;
  const rootPath = scope.replace(/\/$/, '');
  const root = draft(rootPath, report.repository.name + (scope ? `/${rootPath}` : ''));
  report.files.forEach((file, index) => {
    const relative = file.path.startsWith(scope) ? file.path.slice(scope.length) : file.path;
    const parts = relative.split('/');
    root.files.push(index);
    let node = root;
    for (let depth = 0; depth < parts.length - 1; depth += 1) {
      const name = parts[depth] as string;
      let child = node.children.get(name);
      if (!child) node.children.set(name, (child = draft(node.path === '' ? name : `${node.path}/${name}`, name)));
      child.files.push(index);
      node = child;
    }
  });
  return freeze(root, 0, undefined);
}

function freeze(node: Draft, depth: number, parent: string | undefined): ModuleNode {
  let current = node;
  let name = node.name;
  // Fold single-folder chains below the root: same files, so nothing to tell apart.
  while (depth > 0 && current.children.size === 1) {
    const only = [...current.children.values()][0] as Draft;
    if (only.files.length !== current.files.length) break;
    name = `${name}/${only.name}`;
    current = only;
  }
  const children = [...current.children.values()]
    .sort((a, b) => compareText(a.name, b.name))
    .map((child) => freeze(child, depth + 1, current.path));
  return { path: current.path, name, depth, files: current.files, children, parent };
}

/** Every node by path, root included. */
export function indexTree(root: ModuleNode): Map<string, ModuleNode> {
  const byPath = new Map<string, ModuleNode>();
  const visit = (node: ModuleNode) => {
    byPath.set(node.path, node);
    node.children.forEach(visit);
  };
  visit(root);
  return byPath;
}
