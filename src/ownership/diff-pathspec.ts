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

/**
 * `po/*.po` groups: files with one extension below one top-level folder, every one excludable. A
 * wildcard anchored in a folder is cheap for git to match; an unanchored `**\/*.po` glob is not
 * (measured on git/git: +5 s of tree diffing each).
 */
function extensionGroups(paths: readonly PathWeight[]): Group[] {
  const groups = new Map<string, { changes: number; excludable: boolean; files: number }>();
  for (const { path, changes, excludable } of paths) {
    const slash = path.indexOf('/');
    const match = /\.([A-Za-z0-9_+-]{1,16})$/.exec(path.slice(path.lastIndexOf('/') + 1));
    if (slash === -1 || !match) continue;
    const key = `${path.slice(0, slash)}/*.${match[1] as string}`;
    const group = groups.get(key) ?? { changes: 0, excludable: true, files: 0 };
    group.changes += changes;
    group.excludable &&= excludable;
    group.files += 1;
    groups.set(key, group);
  }
  return [...groups]
    .filter(([key, group]) => group.excludable && group.files > 1 && !/[*?[\]\\]/.test(key.slice(0, key.indexOf('/'))))
    .map(([key, group]) => ({ pathspec: `:(exclude)${key}`, changes: group.changes }));
}

/**
 * Pathspecs that keep git from diffing paths that cannot matter (docs/line-ownership.md's hint: the
 * name-status pass already knows which lineages reach the analysed tree). Excludable paths are
 * grouped into the highest folders whose every path is excludable (literal, nearly free for git)
 * and into per-folder extensions (`po/*.po`); the `limit` costliest groups become exclude
 * pathspecs. git matches every pathspec against every tree entry it visits: measured on git/git,
 * 48 literal ones or a few `**` globs made the diff slower than none, while Documentation/ and
 * po/*.po alone cut git's time by a quarter and its output by 60 %.
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

/** Whether an exclude pathspec already leaves out everything another one would (`po/*.po` ⊇ `po/de.po`). */
function covers(taken: string, other: string): boolean {
  const literal = (spec: string) => spec.replace(/^:\(exclude,literal\)/, '');
  if (taken.startsWith(':(exclude)')) {
    const [folder = '', suffix = ''] = taken.slice(':(exclude)'.length).split('/*');
    return other.startsWith(':(exclude,literal)') && literal(other).startsWith(`${folder}/`) && literal(other).endsWith(suffix);
  }
  const inside = (spec: string) => (spec.startsWith(':(exclude,literal)') ? literal(spec) : spec.slice(':(exclude)'.length));
  return inside(other).startsWith(`${literal(taken)}/`);
}
