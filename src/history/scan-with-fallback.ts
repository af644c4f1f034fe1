import { availableParallelism } from 'node:os';
import { eitherSignal } from '../abort-signals.js';
import { CancelledError, InternalError } from '../errors.js';
import { count } from '../format.js';
import type { Repository } from '../git/repo.js';
import { isMissingObjectFailure } from '../git/run-git.js';
import type { Warning } from '../warnings.js';
import type { CommitRecord } from './commit-record.js';
import type { HistoryPass } from './history-pass.js';
import { listCommits, scanHistory, type ScanHistoryOptions } from './scan-history.js';
import { scanSplitPolicy, type ScanSplitPolicy } from './scan-split-policy.js';

export interface HistoryResult {
  /** `exact`: the isomorphic-git engine, which pairs only unchanged blobs (docs/engine.md). */
  readonly renames: 'similarity' | 'partly-exact' | 'exact';
  /** The rename-detection fallback, when it was needed. */
  readonly warnings: readonly Warning[];
}

/** After this many commits that need a missing object, the rest is scanned with exact renames. */
const MAX_RENAME_FALLBACKS = 50;

/**
 * Of the commits left when the scan splits, the share of the newer part, scanned by the first
 * process and consumed as it streams; the older part's commits are kept until then. Newer
 * commits cost git more (bigger trees, more renames to look for): on git/git the newer 40 % took
 * about as long as the older 60 %.
 */
const NEWER_SHARE = 0.4;

/** What the passes over lists of commits share: the fallback budget and what fell back. */
interface FallbackState {
  fallbacks: number;
  exactCommits: number;
}

type Base = Pick<ScanHistoryOptions, 'commit' | 'signal'>;

/**
 * The one pass over the history (docs/algorithms.md §1), as fast as git allows, whatever objects
 * are missing.
 *
 * Rename detection reads blob contents; when objects are missing (partial clones, mirrors without
 * large blobs) git dies on the commit that needs one. The scan then redoes just that commit with
 * exact renames only (`-M100%` compares blob ids, reads no content) and resumes full detection on
 * the commits after it, given explicitly so git does not walk the history again: only commits that
 * touch a missing blob lose similarity renames, and nothing is counted twice.
 *
 * On a long history the rest of the pass is split in two once the list of its commits is known
 * (`git rev-list`, run alongside the start of the scan): two `git log` processes each diff their
 * part, the newer part's commits consumed as they come, the older part's kept until then, so the
 * pass sees every commit in git log's order, exactly as from one process (docs/performance.md,
 * "The scan in two processes").
 */
export async function scanWithFallback(
  repo: Repository,
  head: string,
  pass: HistoryPass,
  signal: AbortSignal | undefined,
  onCommits: (commits: number) => void,
  /** Only the commits made since this one (a cached head: cache/history-state.ts). */
  since?: string,
  /** False: one process whatever the history's length (line ownership: repository-reader.ts). */
  mayParallelize = true,
  /** The request's `onTotal`, and how to count the commits when the scan makes no list of them. */
  total?: { readonly onTotal: (commits: number) => void; readonly count: () => Promise<number> },
): Promise<HistoryResult> {
  let lastReport = 0;
  let kept = 0;
  const report = () => {
    if (pass.commits + kept - lastReport < 500) return;
    lastReport = pass.commits + kept;
    onCommits(lastReport);
  };
  const consume = (commit: CommitRecord) => {
    pass.consume(commit);
    report();
  };
  const base: Base = { commit: head, signal };
  const state: FallbackState = { fallbacks: 0, exactCommits: 0 };
  // An incremental pass (since a cached head) is short: never split. The policy is read anyway, so
  // that a bad BUSFACTOR_SCAN_SPLIT is an error wherever it is set.
  const asked = scanSplitPolicy(availableParallelism());
  const policy = since || !mayParallelize ? ({ kind: 'never' } as const) : asked;
  // `auto` lists the commits beside the walk anyway: its list is the total, sooner than a count of
  // its own (a second walk of the history, at low priority beside the scan: on git/git it came
  // after the scan had ended).
  if (total && policy.kind !== 'auto') total.count().then(total.onTotal, () => {});

  const walk = await walkUntilSplit(repo, base, since, policy, consume, pass, total?.onTotal);
  if (walk.kind === 'done') return { renames: 'similarity', warnings: [] };
  const order = await walk.order;
  if (pass.commits > 0 && order[pass.commits - 1] !== walk.lastOid) {
    throw new InternalError('git rev-list and git log walked the history in different orders');
  }
  const rest = order.slice(pass.commits);
  if (walk.kind === 'failed') {
    // git died on the first commit of the rest: it alone gets exact renames first.
    await scanList(repo, base, rest, consume, state, true);
  } else {
    await scanInTwo(repo, base, rest, consume, state, (count) => {
      kept = count;
      report();
    });
  }
  if (state.exactCommits === 0) return { renames: 'similarity', warnings: [] };
  return { renames: 'partly-exact', warnings: [renameFallbackWarning(state.exactCommits, pass.commits)] };
}

type Walk =
  | { readonly kind: 'done' }
  /** git died on the commit after `lastOid` (a missing object): the rest resumes from the list. */
  | { readonly kind: 'failed'; readonly order: Promise<string[]>; readonly lastOid: string }
  /** Stopped after `lastOid` to scan the rest in two. */
  | { readonly kind: 'split'; readonly order: Promise<string[]>; readonly lastOid: string };

/**
 * The history walked by one `git log`, as always; alongside it, when the policy may split, the
 * list of its commits. When that list is long enough and most of the walk is still ahead, the
 * walk is stopped and the rest is left to two processes.
 */
async function walkUntilSplit(
  repo: Repository,
  base: Base,
  since: string | undefined,
  policy: ScanSplitPolicy,
  consume: (commit: CommitRecord) => void,
  pass: HistoryPass,
  onListed: ((commits: number) => void) | undefined,
): Promise<Walk> {
  const stop = new AbortController();
  const listing = new AbortController();
  let lastOid = '';
  let splitting = false;
  const startSplit = () => {
    splitting = true;
    stop.abort();
  };
  let order: Promise<string[]> | undefined;
  const listOrder = () => (order ??= listCommits(repo, base.commit, eitherSignal(listing, base.signal), since));
  if (policy.kind === 'auto') {
    listOrder().then(
      (list) => {
        onListed?.(list.length);
        // Worth it only for a long history with most of the walk still to come.
        if (!splitting && list.length >= policy.minCommits && pass.commits < list.length / 2) startSplit();
      },
      () => {},
    );
  }
  const walked = (commit: CommitRecord) => {
    // Commits git printed after the walk was asked to stop are the split's to scan.
    if (splitting) return;
    consume(commit);
    lastOid = commit.oid;
    if (policy.kind === 'after' && pass.commits >= policy.commits) startSplit();
  };
  if (policy.kind === 'after' && policy.commits === 0) startSplit();
  try {
    if (!splitting) await scanHistory(repo, { ...base, ...(since ? { since } : {}), renames: 'similarity', signal: eitherSignal(stop, base.signal), consume: walked });
    if (!splitting) {
      listing.abort();
      return { kind: 'done' };
    }
  } catch (error) {
    if (splitting && error instanceof CancelledError && !base.signal?.aborted) return { kind: 'split', order: listOrder(), lastOid };
    if (!isMissingObjectFailure(error)) {
      listing.abort();
      throw error;
    }
    return { kind: 'failed', order: listOrder(), lastOid };
  }
  // Asked to split after the last commit: nothing was left for the walk to stop.
  return { kind: 'split', order: listOrder(), lastOid };
}

/**
 * The rest of the pass in two `git log` processes at once, the newer commits in one, the older in
 * the other: the newer are consumed as they come, the older kept (`onKept` says how many) until
 * the newer are done, then consumed in order, and the rest as it comes.
 */
async function scanInTwo(
  repo: Repository,
  base: Base,
  rest: readonly string[],
  consume: (commit: CommitRecord) => void,
  state: FallbackState,
  onKept: (count: number) => void,
): Promise<void> {
  const cut = Math.round(rest.length * NEWER_SHARE);
  const failed = new AbortController();
  const both = { ...base, signal: eitherSignal(failed, base.signal) };
  const older: CommitRecord[] = [];
  let newerDone = false;
  const keepOrConsume = (commit: CommitRecord) => {
    if (newerDone) consume(commit);
    else onKept(older.push(commit));
  };
  const newer = scanList(repo, both, rest.slice(0, cut), consume, state, false).then(() => {
    newerDone = true;
    for (const commit of older) consume(commit);
    older.length = 0;
    onKept(0);
  });
  const second = scanList(repo, both, rest.slice(cut), keepOrConsume, state, false);
  // One failing stops the other's git process; the first failure is the one reported (not the
  // other's cancellation).
  let firstFailure: { readonly error: unknown } | undefined;
  const stopOther = (error: unknown) => {
    firstFailure ??= { error };
    failed.abort();
  };
  await Promise.all([newer.catch(stopOther), second.catch(stopOther)]);
  if (firstFailure) throw firstFailure.error;
}

/**
 * Scans the given commits, in their order, falling back to exact renames commit by commit where
 * git dies on a missing object. `failedFirst`: git already died on the first of them.
 */
async function scanList(
  repo: Repository,
  base: Base,
  commits: readonly string[],
  consume: (commit: CommitRecord) => void,
  state: FallbackState,
  failedFirst: boolean,
): Promise<void> {
  let done = 0;
  const counted = (commit: CommitRecord) => {
    done += 1;
    consume(commit);
  };
  const scan = (renames: ScanHistoryOptions['renames'], list: readonly string[]) => scanHistory(repo, { ...base, renames, commits: list, consume: counted });
  let failed = failedFirst;
  while (done < commits.length) {
    if (failed) {
      state.fallbacks += 1;
      const before = done;
      if (state.fallbacks > MAX_RENAME_FALLBACKS) {
        await scan('exact', commits.slice(done));
        state.exactCommits += done - before;
        return;
      }
      // The commit git died on, alone, with exact renames.
      await scan('exact', commits.slice(done, done + 1));
      state.exactCommits += done - before;
      if (done >= commits.length) return;
    }
    try {
      await scan('similarity', commits.slice(done));
      return;
    } catch (error) {
      if (!isMissingObjectFailure(error)) throw error;
      failed = true;
    }
  }
}

/** The warning of a scan that fell back to exact renames in `exactCommits` of its `commits`. */
export function renameFallbackWarning(exactCommits: number, commits: number): Warning {
  return {
    code: 'rename-detection-fallback',
    message: `objects are missing from this repository (partial clone or incomplete mirror): in ${count(exactCommits)} of ${count(commits)} commits renames were detected only where the content is unchanged (-M100%)`,
    count: exactCommits,
  };
}
