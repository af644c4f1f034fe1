import { compareText } from '../../compare-text.js';
import type { ModuleReport, Report } from '../../report/report.js';
import { moduleMembers } from '../../report/what-if.js';

export type ModuleKind = ModuleReport['kind'];

/** A row of the explorer's module list: the repository at the root, or one module of the report. */
export interface ModuleNode {
  /** Unique: `''` for the root, else the module's id. What selection and expansion remember. */
  readonly key: string;
  /** What the row shows: the repository's name for the root, a folder's name(s), a package's name, a rule. */
  readonly name: string;
  /** What the filter matches: the folder path, the package name and path, the rule and its owners. */
  readonly search: string;
  /** The module (undefined for the root). */
  readonly module: ModuleReport | undefined;
  /** 0 for the root. */
  readonly depth: number;
  /** Indices into `report.files`. */
  readonly files: readonly number[];
  readonly children: readonly ModuleNode[];
  readonly parent: string | undefined;
  /** Keys of every node above this one, the root first. */
  readonly ancestors: readonly string[];
}

/** The kinds the explorer can show, in the order `m` goes through them. */
export const KIND_ORDER: readonly ModuleKind[] = ['directory', 'workspace', 'config', 'codeowners'];

/** What the explorer calls each kind. */
export const KIND_LABEL: Readonly<Record<ModuleKind, string>> = { directory: 'Folders', workspace: 'Workspaces', config: 'Configured', codeowners: 'CODEOWNERS' };

/** The kinds of module the report has, in {@link KIND_ORDER}; folders when it has none. */
export function kindsOf(report: Report): ModuleKind[] {
  const present = KIND_ORDER.filter((kind) => report.modules.some((module) => module.kind === kind));
  return present.length > 0 ? present : ['directory'];
}

interface Draft {
  key: string;
  name: string;
  search: string;
  module: ModuleReport | undefined;
  files: number[];
  children: Draft[];
}

/**
 * The report's modules of one kind as the explorer shows them, the repository as root. Folders and
 * workspaces form a tree by their paths (a module's parent is the nearest one whose folder holds
 * it); CODEOWNERS rules and configured modules are a flat list. A folder whose only child holds the
 * same files is folded into it (`src/main/java` as one row, as IntelliJ's "compact middle
 * packages"): same files, same bus factor, one key press less. Nothing is derived from paths but
 * the nesting: every row's files are the module's own (`files[].modules`).
 */
export function buildModuleTree(report: Report, kind: ModuleKind = 'directory', members: ReadonlyMap<string, readonly number[]> = moduleMembers(report)): ModuleNode {
  const scope = report.repository.scope.replace(/\/$/, '');
  const root: Draft = {
    key: '',
    name: report.repository.name + (scope ? `/${scope}` : ''),
    search: '',
    module: undefined,
    files: report.files.map((_, i) => i),
    children: [],
  };
  const modules = report.modules.filter((module) => module.kind === kind);
  const drafts = modules.map((module): Draft => ({
    key: module.id,
    name: module.name,
    search: [module.name, module.path ?? '', ...(module.owners ?? [])].join(' ').toLowerCase(),
    module,
    files: [...(members.get(module.id) ?? [])],
    children: [],
  }));
  const nested = kind === 'directory' || kind === 'workspace';
  if (!nested) root.children.push(...drafts);
  else {
    const byPath = new Map(drafts.map((draft) => [draft.module?.path ?? '', draft]));
    for (const draft of drafts) {
      const path = draft.module?.path ?? '';
      let parent: Draft | undefined;
      for (let slash = path.lastIndexOf('/'); slash > 0 && !parent; slash = path.lastIndexOf('/', slash - 1)) parent = byPath.get(path.slice(0, slash));
      if (kind === 'directory') draft.name = parent ? path.slice((parent.module?.path ?? '').length + 1) : scope && path.startsWith(`${scope}/`) ? path.slice(scope.length + 1) : path;
      (parent ?? root).children.push(draft);
    }
  }
  return freeze(root, 0, undefined, [], kind === 'directory');
}

function freeze(node: Draft, depth: number, parent: string | undefined, ancestors: readonly string[], fold: boolean): ModuleNode {
  let current = node;
  let name = node.name;
  // Fold single-folder chains below the root: same files, so nothing to tell apart.
  while (fold && depth > 0 && current.children.length === 1) {
    const only = current.children[0] as Draft;
    if (only.files.length !== current.files.length) break;
    name = `${name}/${only.name}`;
    current = only;
  }
  const below = [...ancestors, current.key];
  const children = [...current.children].sort((a, b) => compareText(a.name, b.name)).map((child) => freeze(child, depth + 1, current.key, below, fold));
  return { key: current.key, name, search: current.search, module: current.module, depth, files: current.files, children, parent, ancestors };
}

/** Every node by key, root included. */
export function indexTree(root: ModuleNode): Map<string, ModuleNode> {
  const byKey = new Map<string, ModuleNode>();
  const visit = (node: ModuleNode) => {
    byKey.set(node.key, node);
    node.children.forEach(visit);
  };
  visit(root);
  return byKey;
}
