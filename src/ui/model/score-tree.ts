import { scoreFiles, type AuthorshipIndex, type ScopeScore } from '../../report/what-if.js';
import type { ModuleNode } from './module-tree.js';

/** Bus factor of every node of the tree, by key, with the people `leaving` (indices) gone. */
export function scoreTree(root: ModuleNode, index: AuthorshipIndex, leaving: ReadonlySet<number>): Map<string, ScopeScore> {
  const scores = new Map<string, ScopeScore>();
  const visit = (node: ModuleNode) => {
    scores.set(node.key, scoreFiles(index, node.files, leaving));
    node.children.forEach(visit);
  };
  visit(root);
  return scores;
}
