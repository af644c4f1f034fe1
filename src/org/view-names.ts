/**
 * The names repositories go by in the organisation view (docs/org.md, "Names"): each report's own
 * repository name where no other repository of the view has it; where several do (ten mirrors all
 * called `repo`), their stems, which are unique. Org and aggregate name alike — org's stems are its
 * `--out` file names, aggregate's the report files' names — so aggregating org's `--out` folder shows
 * the same names.
 */
export function viewNames(entries: readonly { readonly reportName: string; readonly stem: string }[]): string[] {
  const useStem = new Set<number>();
  for (;;) {
    const names = entries.map((entry, i) => (useStem.has(i) ? entry.stem : entry.reportName));
    const holders = new Map<string, number[]>();
    names.forEach((name, i) => holders.set(name, [...(holders.get(name) ?? []), i]));
    const clashes = [...holders.values()].filter((list) => list.length > 1).flat().filter((i) => !useStem.has(i));
    if (clashes.length === 0) return names;
    for (const i of clashes) useStem.add(i);
  }
}
