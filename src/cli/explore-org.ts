import { loadOrgExplorer } from './load-explorer.js';
import type { OrgView } from '../org/org-view.js';

/** The org explorer (docs/org.md, "Explorer"), loaded only now: Ink and React stay out of pipes and CI. */
export async function exploreOrg(view: OrgView, options: { readonly color: boolean; readonly signal: AbortSignal }): Promise<'quit' | 'interrupted'> {
  const { runOrgExplorer } = await loadOrgExplorer();
  return runOrgExplorer({ view, color: options.color, signal: options.signal });
}
