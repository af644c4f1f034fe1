import type { KnowledgeIsland, Report } from '../../report/report.js';
import type { ModuleNode } from './module-tree.js';

/**
 * A folder's knowledge islands. With line ownership, the report's islands (one person owns at
 * least 90 % of the lines); without it, the files that exactly one person authors (DOA), which
 * is what the history alone can say, and is labelled as such.
 */
export type IslandSummary =
  | { readonly kind: 'lines'; readonly islands: readonly KnowledgeIsland[] }
  | { readonly kind: 'single-author'; readonly files: number; readonly of: number; readonly byPerson: readonly { readonly id: string; readonly files: number }[] };

export function knowledgeIslands(report: Report, node: ModuleNode): IslandSummary {
  if (report.lineOwnership) {
    // Its files' islands, and the islands of the modules at or below it in the tree.
    const files = new Set(node.files.map((index) => report.files[index]?.path));
    const modules = new Set<string>();
    const visit = (at: ModuleNode) => {
      if (at.module) modules.add(at.module.id);
      at.children.forEach(visit);
    };
    visit(node);
    const mine = (island: KnowledgeIsland) => (island.kind === 'file' ? files.has(island.path) : node.depth === 0 || modules.has(island.module ?? ''));
    return { kind: 'lines', islands: report.lineOwnership.islands.filter(mine) };
  }
  const counts = new Map<string, number>();
  let files = 0;
  for (const index of node.files) {
    const authors = report.files[index]?.authors ?? [];
    if (authors.length !== 1) continue;
    files += 1;
    const id = authors[0] as string;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const byPerson = [...counts].map(([id, count]) => ({ id, files: count })).sort((a, b) => b.files - a.files || (a.id < b.id ? -1 : 1));
  return { kind: 'single-author', files, of: node.files.length, byPerson };
}
