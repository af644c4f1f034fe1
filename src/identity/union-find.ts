/**
 * Disjoint sets over small integers (path compression; the smaller root wins, so a set's root is
 * its smallest member): the AVL identity merge and the merge suggestions both group with it.
 */
export class UnionFind {
  private readonly parent: number[];

  constructor(size = 0) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }

  /** A new member in a set of its own. */
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }

  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[x] !== root) {
      const next = this.parent[x] as number;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  /** The sets of the given members with at least two of them, each sorted, smallest member first. */
  groups(members: Iterable<number>): number[][] {
    const byRoot = new Map<number, number[]>();
    for (const member of members) {
      const root = this.find(member);
      const group = byRoot.get(root);
      if (group) group.push(member);
      else byRoot.set(root, [member]);
    }
    return [...byRoot.values()]
      .map((group) => [...new Set(group)].sort((a, b) => a - b))
      .filter((group) => group.length > 1)
      .sort((a, b) => (a[0] as number) - (b[0] as number));
  }
}
