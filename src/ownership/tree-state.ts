/**
 * A commit's files during the replay: path → value, shared cheaply between a commit and its
 * children. A state is a shared, never-mutated base map plus a small private delta (a deleted path
 * is a `null` in the delta). Forking copies only the delta; when the delta grows past a sixteenth
 * of the base, it is flattened into a new base. A linear run of commits therefore costs O(changes),
 * and a branch point O(delta) instead of a copy of every path.
 */
export class TreeState<V> {
  private constructor(
    private base: ReadonlyMap<string, V>,
    private delta: Map<string, V | null>,
  ) {}

  static empty<V>(): TreeState<V> {
    return new TreeState<V>(new Map(), new Map());
  }

  get(path: string): V | undefined {
    const own = this.delta.get(path);
    if (own !== undefined) return own ?? undefined;
    return this.base.get(path);
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  set(path: string, value: V): void {
    this.delta.set(path, value);
    this.maybeFlatten();
  }

  delete(path: string): void {
    if (this.base.has(path)) this.delta.set(path, null);
    else this.delta.delete(path);
  }

  /** A copy for another child: shares the base, copies the delta. */
  fork(): TreeState<V> {
    return new TreeState(this.base, new Map(this.delta));
  }

  /** Every path and value (flattens first). */
  entries(): IterableIterator<[string, V]> {
    this.flatten();
    return (this.base as Map<string, V>).entries();
  }

  get size(): number {
    this.flatten();
    return this.base.size;
  }

  private maybeFlatten(): void {
    if (this.delta.size > 64 && this.delta.size * 16 > this.base.size) this.flatten();
  }

  private flatten(): void {
    if (this.delta.size === 0) return;
    const merged = new Map(this.base);
    for (const [path, value] of this.delta) {
      if (value === null) merged.delete(path);
      else merged.set(path, value);
    }
    this.base = merged;
    this.delta = new Map();
  }
}

/**
 * Hands out parent states to children: the last child takes the state itself, earlier ones get
 * forks; a state is dropped once its last child has taken it.
 */
export class StateLedger<V> {
  private readonly states = new Map<number, TreeState<V>>();
  private readonly remaining: Int32Array;

  constructor(childCount: Int32Array) {
    this.remaining = Int32Array.from(childCount);
  }

  /** Records the state of a commit once replayed (kept only if some child will want it). */
  put(commit: number, state: TreeState<V>): void {
    if ((this.remaining[commit] as number) > 0) this.states.set(commit, state);
  }

  /** Reads a parent's state without taking it (other parents of a merge). */
  peek(commit: number): TreeState<V> | undefined {
    return this.states.get(commit);
  }

  /** Takes a parent's state for a child to build on: itself for the last child, else a fork. */
  take(commit: number): TreeState<V> {
    const state = this.states.get(commit);
    if (!state) return TreeState.empty();
    return this.release(commit) ? state : state.fork();
  }

  /**
   * Marks one child of `commit` as done with it; returns true when that was the last child (the
   * state is dropped from the ledger).
   */
  release(commit: number): boolean {
    const left = (this.remaining[commit] as number) - 1;
    this.remaining[commit] = left;
    if (left > 0) return false;
    this.states.delete(commit);
    return true;
  }

  /** States still held (memory diagnostics). */
  get held(): number {
    return this.states.size;
  }
}
