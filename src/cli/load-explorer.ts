/**
 * The explorers, loaded only for a person at a terminal: Ink and React stay out of `--help`, pipes
 * and CI. The CLI runs from its bundle (scripts/bundle.mjs), where each explorer is an entry beside
 * this code: Ink is about 950 small modules, which took 0.75–0.9 s to load one by one and 0.2 s
 * bundled, and the bundle has React's production build.
 */
function bundleEntry(name: string): string {
  return new URL(`./${name}.js`, import.meta.url).href;
}

/** The repository explorer (ui/run-explorer.tsx). */
export async function loadExplorer(): Promise<typeof import('../ui/run-explorer.js')> {
  return (await import(bundleEntry('explorer'))) as typeof import('../ui/run-explorer.js');
}

/** The org explorer (ui/org/run-org-explorer.tsx, docs/org.md "Explorer"). */
export async function loadOrgExplorer(): Promise<typeof import('../ui/org/run-org-explorer.js')> {
  return (await import(bundleEntry('org-explorer'))) as typeof import('../ui/org/run-org-explorer.js');
}
