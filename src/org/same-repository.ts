import type { Warning } from '../warnings.js';

/**
 * Two analyses of one history at one commit (the same `head` and scope: two clones of a repository,
 * a CI artefact collected twice) would count its people and files twice. The first, in the order
 * they were named, is kept; each other one is left out with a warning naming both (docs/org.md,
 * "The same repository twice"). Different commits of one repository cannot be told from two
 * repositories (the report has no root commit), so they are both kept.
 */
export function withoutRepeats<T extends { readonly head: string; readonly scope: string; readonly source: string }>(analyses: readonly T[]): { kept: T[]; repeats: T[]; warnings: Warning[] } {
  const first = new Map<string, T>();
  const kept: T[] = [];
  const repeats: T[] = [];
  const warnings: Warning[] = [];
  for (const analysis of analyses) {
    const key = `${analysis.head}\0${analysis.scope}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, analysis);
      kept.push(analysis);
      continue;
    }
    repeats.push(analysis);
    warnings.push({ code: 'same-repository', message: `${analysis.source} is the same history at the same commit (${analysis.head.slice(0, 12)}) as ${earlier.source}: counted once` });
  }
  return { kept, repeats, warnings };
}
