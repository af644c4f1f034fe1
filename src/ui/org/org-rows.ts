import { compareText } from '../../compare-text.js';
import type { OrgFailure, OrgModule, OrgRepository, OrgView } from '../../org/org-view.js';

/** A row of the org explorer's tree: a repository, one of its modules (when it is open), or a repository that failed. */
export type OrgTreeRow =
  | { readonly kind: 'repository'; readonly key: string; readonly repository: OrgRepository; readonly open: boolean }
  | { readonly kind: 'module'; readonly key: string; readonly repository: OrgRepository; readonly module: OrgModule }
  | { readonly kind: 'failure'; readonly key: string; readonly failure: OrgFailure };

/** Modules riskiest first within their repository, as the scan explorer orders siblings (then by name). */
export function modulesByRisk(modules: readonly OrgModule[]): OrgModule[] {
  return [...modules].sort((a, b) => a.activeBusFactor - b.activeBusFactor || a.busFactor - b.busFactor || b.files - a.files || compareText(a.path ?? a.name, b.path ?? b.name));
}

/**
 * The tree as shown (docs/org.md, "Explorer"): the repositories riskiest first, each open one
 * followed by its modules, then the repositories that failed (their error in the detail pane).
 */
export function orgTreeRows(view: OrgView, expanded: ReadonlySet<string>): OrgTreeRow[] {
  const rows: OrgTreeRow[] = [];
  for (const repository of view.repositories) {
    const open = expanded.has(repository.name);
    rows.push({ kind: 'repository', key: `r:${repository.name}`, repository, open });
    if (open) for (const module of modulesByRisk(repository.modules)) rows.push({ kind: 'module', key: `m:${repository.name}\0${module.id}`, repository, module });
  }
  view.failures.forEach((failure, i) => rows.push({ kind: 'failure', key: `f:${i}`, failure }));
  return rows;
}
