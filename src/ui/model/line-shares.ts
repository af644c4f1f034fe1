import type { LineShare, Report } from '../../report/report.js';
import type { ModuleNode } from './module-tree.js';

/** Who wrote a folder's surviving lines, when line ownership ran (`--lines`). */
export interface LineSummary {
  readonly lines: number;
  /** Most lines first. */
  readonly owners: readonly LineShare[];
}

/**
 * A node's line ownership from the report: the repository's for the root, the module's own, else
 * summed over its files' owners. Undefined when the report has none.
 */
export function lineShares(report: Report, node: ModuleNode): LineSummary | undefined {
  if (node.depth === 0 && report.lineOwnership) return { lines: report.lineOwnership.lines, owners: report.lineOwnership.owners };
  const listed = node.module;
  if (listed?.lineOwners) return { lines: listed.lines ?? sum(listed.lineOwners), owners: listed.lineOwners };
  const byPerson = new Map<string, { id: string; name: string; email: string; lines: number }>();
  let lines = 0;
  let seen = false;
  for (const index of node.files) {
    const file = report.files[index];
    if (!file?.owners) continue;
    seen = true;
    // The file's total, as the report's shares take it: lines of commits without an author count too.
    lines += file.lines ?? sum(file.owners);
    for (const owner of file.owners) {
      const entry = byPerson.get(owner.id) ?? { id: owner.id, name: owner.name, email: owner.email, lines: 0 };
      entry.lines += owner.lines;
      byPerson.set(owner.id, entry);
    }
  }
  // With line ownership on, a folder without owners has no surviving text lines (binary files).
  if (!seen) return report.lineOwnership ? { lines: 0, owners: [] } : undefined;
  // Ties in the report's order of people, as the listed modules' owners have them.
  const rank = new Map(report.people.map((person, i) => [person.id, i]));
  const owners = [...byPerson.values()]
    .map((owner) => ({ ...owner, share: lines === 0 ? 0 : owner.lines / lines }))
    .sort((a, b) => b.lines - a.lines || (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  return { lines, owners };
}

function sum(owners: readonly { readonly lines: number }[]): number {
  return owners.reduce((total, owner) => total + owner.lines, 0);
}
