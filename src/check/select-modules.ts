import leven from 'leven';
import picomatch from 'picomatch';
import type { ModuleReport } from '../report/report.js';

/**
 * Module selectors (docs/check.md, "Choosing modules"): a policy key or `ignore` entry names
 * modules by id (`directory:lib/router`, `codeowners:12`), by name (`billing`, `@acme/api`), or by a
 * glob over module folders (`packages/*`; `**` is every module, including those without a folder,
 * whose name is matched instead).
 */
export interface Selector {
  readonly text: string;
  readonly matches: (module: ModuleReport) => boolean;
}

export function moduleSelector(text: string): Selector {
  let glob: (value: string) => boolean;
  try {
    glob = picomatch(text, { dot: true });
  } catch {
    glob = () => false;
  }
  const everything = text === '**';
  return {
    text,
    matches: (module) => {
      if (module.id === text || module.name === text) return true;
      return everything || glob(module.path ?? module.name);
    },
  };
}

/** Whether the selector names a module exactly (its id or name), rather than by a glob. */
export function namesExactly(selector: string, module: ModuleReport): boolean {
  return module.id === selector || module.name === selector;
}

/** Ids, names and folders close to a selector that matched nothing, for the warning (at most 3). */
export function closeMatches(selector: string, modules: readonly ModuleReport[]): string[] {
  const limit = Math.max(2, Math.floor(selector.length / 3));
  const scored = new Map<string, number>();
  for (const module of modules) {
    for (const candidate of [module.id, module.name, module.path]) {
      if (candidate === undefined || candidate === selector) continue;
      const distance = leven(selector.toLowerCase(), candidate.toLowerCase(), { maxDistance: limit + 1 });
      const near = distance <= limit || candidate.toLowerCase().endsWith(`/${selector.toLowerCase()}`) || candidate.toLowerCase().endsWith(`:${selector.toLowerCase()}`);
      if (!near) continue;
      const previous = scored.get(candidate);
      if (previous === undefined || distance < previous) scored.set(candidate, distance);
    }
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([candidate]) => candidate);
}
