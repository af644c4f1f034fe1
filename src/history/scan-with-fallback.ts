import { InternalError } from '../errors.js';
import { count } from '../format.js';
import type { Repository } from '../git/repo.js';
import { isMissingObjectFailure } from '../git/run-git.js';
import type { Warning } from '../warnings.js';
import type { CommitRecord } from './commit-record.js';
import type { HistoryPass } from './history-pass.js';
import { listCommits, scanHistory } from './scan-history.js';

export interface HistoryResult {
  /** `exact`: the isomorphic-git engine, which pairs only unchanged blobs (docs/engine.md). */
  readonly renames: 'similarity' | 'partly-exact' | 'exact';
  /** The rename-detection fallback, when it was needed. */
  readonly warnings: readonly Warning[];
}

/** After this many commits that need a missing object, the rest is scanned with exact renames. */
const MAX_RENAME_FALLBACKS = 50;

/**
 * Rename detection reads blob contents; when objects are missing (partial clones, mirrors without
 * large blobs) git dies on the commit that needs one. The scan then redoes just that commit with
 * exact renames only (`-M100%` compares blob ids, reads no content) and resumes full detection on
 * the commits after it, given explicitly so git does not walk the history again: only commits that
 * touch a missing blob lose similarity renames, and nothing is counted twice.
 */
export async function scanWithFallback(
  repo: Repository,
  head: string,
  pass: HistoryPass,
  signal: AbortSignal | undefined,
  onCommits: (commits: number) => void,
  /** Only the commits made since this one (a cached head: cache/history-state.ts). */
  since?: string,
): Promise<HistoryResult> {
  let lastReport = 0;
  let lastOid = '';
  const consume = (commit: CommitRecord) => {
    pass.consume(commit);
    lastOid = commit.oid;
    if (pass.commits - lastReport >= 500) {
      lastReport = pass.commits;
      onCommits(pass.commits);
    }
  };
  const base = { commit: head, signal, consume, ...(since ? { since } : {}) };
  try {
    await scanHistory(repo, { ...base, renames: 'similarity' });
    return { renames: 'similarity', warnings: [] };
  } catch (error) {
    if (!isMissingObjectFailure(error)) throw error;
  }

  const order = await listCommits(repo, head, signal, since);
  if (pass.commits > 0 && order[pass.commits - 1] !== lastOid) {
    throw new InternalError('git rev-list and git log walked the history in different orders');
  }
  let exactCommits = 0;
  for (let fallbacks = 1; pass.commits < order.length; fallbacks += 1) {
    const before = pass.commits;
    if (fallbacks > MAX_RENAME_FALLBACKS) {
      await scanHistory(repo, { ...base, renames: 'exact', commits: order.slice(before) });
      exactCommits += pass.commits - before;
      break;
    }
    // The commit git died on, alone, with exact renames.
    await scanHistory(repo, { ...base, renames: 'exact', commits: order.slice(before, before + 1) });
    exactCommits += pass.commits - before;
    try {
      await scanHistory(repo, { ...base, renames: 'similarity', commits: order.slice(pass.commits) });
      break;
    } catch (error) {
      if (!isMissingObjectFailure(error)) throw error;
    }
  }
  return { renames: 'partly-exact', warnings: [renameFallbackWarning(exactCommits, pass.commits)] };
}

/** The warning of a scan that fell back to exact renames in `exactCommits` of its `commits`. */
export function renameFallbackWarning(exactCommits: number, commits: number): Warning {
  return {
    code: 'rename-detection-fallback',
    message: `objects are missing from this repository (partial clone or incomplete mirror): in ${count(exactCommits)} of ${count(commits)} commits renames were detected only where the content is unchanged (-M100%)`,
    count: exactCommits,
  };
}
