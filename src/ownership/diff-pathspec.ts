/** One candidate for exclusion: a path that no counted file's history goes through. */
export interface PathWeight {
  readonly path: string;
  /** Changes recorded on it (adds + modifications + renames): what diffing it would cost. */
  readonly changes: number;
  readonly excludable: boolean;
}

interface Node {
  changes: number;
  excludable: boolean;
  children: Map<string, Node>;
}

/** A group of excludable paths: a folder or a file extension, and what diffing it costs. */
interface Group {
  readonly pathspec: string;
  readonly changes: number;
}

/** `*.po` groups: every path with that extension, anywhere, must be excludable. */
function extensionGroups(paths: readonly PathWeight[]): Group[] {
  const byExtension = new Map<string, { changes: number; excludable: boolean }>();
  for (const { path, changes, excludable } of paths) {
    const match = /\.([A-Za-z0-9_+-]{1,16})$/.exec(path.slice(path.lastIndexOf('/') + 1));
    if (!match) continue;
    const extension = match[1] as string;
    const group = byExtension.get(extension) ?? { changes: 0, excludable: true };
    group.changes += changes;
    group.excludable &&= excludable;
    byExtension.set(extension, group);
  }
  return [...byExtension]
    .filter(([, group]) => group.excludable)
    .map(([extension, group]) => ({ pathspec: `:(exclude,glob)**/*.${extension}`, changes: group.changes }));
}

/**
 * Pathspecs that keep git from diffing paths that cannot matter (ALGORITHMS.md §5's hint: the
 * name-status pass already knows which lineages reach the analysed tree). Excludable paths are
 * grouped into the highest folders whose every path is excludable, and into file extensions none
 * of whose paths matter (`**\/*.po`); the `limit` costliest groups become exclude pathspecs. git
 * matches every pathspec against every tree entry it visits, so each one costs time on every
 * commit: measured on git/git, 48 of them made the diff slower than none, 4–8 well-chosen ones
 * (Documentation/, *.po) cut its output by two thirds.
 */
export function excludePathspec(input: Iterable<PathWeight>, limit: number): string[] {
  const paths = [...input];
  const root: Node = { changes: 0, excludable: true, children: new Map() };
  for (const { path, changes, excludable } of paths) {
    let node = root;
    node.changes += changes;
    node.excludable &&= excludable;
    for (const part of path.split('/')) {
      let child = node.children.get(part);
      if (!child) node.children.set(part, (child = { changes: 0, excludable: true, children: new Map() }));
      child.changes += changes;
      child.excludable &&= excludable;
      node = child;
    }
  }
  const groups: Group[] = extensionGroups(paths);
  const collect = (node: Node, prefix: string) => {
    for (const [name, child] of node.children) {
      const path = prefix === '' ? name : `${prefix}/${name}`;
      if (child.excludable) groups.push({ pathspec: `:(exclude,literal)${path}`, changes: child.changes });
      else collect(child, path);
    }
  };
  collect(root, '');
  const chosen: Group[] = [];
  for (const group of groups.filter((g) => g.changes > 0).sort((a, b) => b.changes - a.changes || (a.pathspec < b.pathspec ? -1 : 1))) {
    if (chosen.length >= limit) break;
    if (!chosen.some((taken) => covers(taken.pathspec, group.pathspec))) chosen.push(group);
  }
  return chosen.map((group) => group.pathspec);
}

/** Whether an exclude pathspec already leaves out everything another one would (`*.json` ⊇ `a/package.json`). */
function covers(taken: string, other: string): boolean {
  const literal = (spec: string) => spec.replace(/^:\(exclude,literal\)/, '');
  if (taken.startsWith(':(exclude,glob)**/*.')) {
    const suffix = taken.slice(':(exclude,glob)**/*'.length);
    return other.startsWith(':(exclude,literal)') && literal(other).endsWith(suffix);
  }
  return other.startsWith(':(exclude,literal)') && literal(other).startsWith(`${literal(taken)}/`);
}
