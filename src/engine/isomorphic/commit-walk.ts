import { CancelledError } from '../../errors.js';
import { damaged, type ObjectStore } from './object-store.js';
import { parseCommit, type RawCommit } from './parse-objects.js';

/** A commit of the walk: its parsed header, parents after shallow grafts. */
export interface WalkedCommit extends RawCommit {
  readonly oid: string;
  /** The parents git walks and `%P` prints: none for a shallow clone's boundary commits. */
  readonly walkParents: readonly string[];
}

/** Reads commits as the walk needs them; `shallow` lists a shallow clone's boundary commits. */
export class CommitReader {
  constructor(
    private readonly store: ObjectStore,
    private readonly shallow: ReadonlySet<string>,
  ) {}

  /** Memoised with the trees: a commit is read when queued and again as its child's parent. */
  read(oid: string): Promise<WalkedCommit> {
    return this.store.memo(`commit ${oid}`, () => this.load(oid));
  }

  private async load(oid: string): Promise<WalkedCommit> {
    const content = await this.store.require(oid, 'commit', 'commit');
    let raw: RawCommit;
    try {
      raw = parseCommit(content);
    } catch (error) {
      throw damaged(`commit ${oid} cannot be parsed`, error);
    }
    return { ...raw, oid, walkParents: this.shallow.has(oid) ? [] : raw.parents };
  }
}

/**
 * `git log`'s default order (revision.c, no --topo-order): a list kept newest first by committer
 * date, each new commit placed after those of the same date (commit_list_insert_by_date); the
 * newest is shown, then its unseen parents are inserted, first parent first. `exclude` holds
 * commits not to walk into (`^since`: the ancestors of a cached head).
 */
export async function* walkCommits(
  reader: CommitReader,
  head: string,
  options: { readonly exclude?: ReadonlySet<string>; readonly signal?: AbortSignal } = {},
): AsyncGenerator<WalkedCommit> {
  const seen = new Set<string>([head]);
  const queue: WalkedCommit[] = [];
  if (!options.exclude?.has(head)) queue.push(await reader.read(head));
  while (queue.length > 0) {
    if (options.signal?.aborted) throw new CancelledError();
    const commit = queue.shift() as WalkedCommit;
    for (const parent of commit.walkParents) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      if (options.exclude?.has(parent)) continue;
      insertByDate(queue, await reader.read(parent));
    }
    yield commit;
  }
}

function insertByDate(queue: WalkedCommit[], commit: WalkedCommit): void {
  // After every commit dated the same or later: the first strictly older one is where it goes.
  let low = 0;
  let high = queue.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((queue[middle] as WalkedCommit).date < commit.date) high = middle;
    else low = middle + 1;
  }
  queue.splice(low, 0, commit);
}

/** Every commit reachable from `head` (its ancestors and itself), reading commits only. */
export async function ancestorsOf(reader: CommitReader, head: string, signal?: AbortSignal): Promise<Set<string>> {
  const seen = new Set<string>([head]);
  const stack = [head];
  while (stack.length > 0) {
    if (signal?.aborted) throw new CancelledError();
    const commit = await reader.read(stack.pop() as string);
    for (const parent of commit.walkParents) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      stack.push(parent);
    }
  }
  return seen;
}
