import type { Report } from '../../report/report.js';
import type { ModuleNode } from './module-tree.js';

/** A node's files whose every author has departed, and of how many (docs/algorithms.md §6). */
export interface LostCount {
  readonly lost: number;
  readonly of: number;
}

/**
 * From the report, not recomputed: the repository's `lost` for the root, the module's `lostFiles`
 * otherwise. What is lost is what has already happened; the what-if marks change bus factors,
 * not history.
 */
export function lostCount(report: Report, node: ModuleNode): LostCount {
  if (!node.module) return { lost: report.lost.files, of: report.totals.files };
  return { lost: node.module.lostFiles, of: node.module.files };
}

/** Every counted file is lost: nobody still here authors any of it (orphans would not count as lost). */
export function allLost(count: LostCount): boolean {
  return count.of > 0 && count.lost === count.of;
}
