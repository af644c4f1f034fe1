import type { TransferProgress } from './git/transfer-git.js';
import type { CopyAction } from './remote/clone-or-fetch.js';

// What an analysis reports while it runs (analyze.ts): its own module, so that the explorer's
// entry in the bundle (scripts/bundle.mjs) takes these few lines and not the whole pipeline.

export type Phase = 'fetching' | 'opening' | 'history' | 'authorship' | 'ownership' | 'done';

/** A remote repository's clone or fetch (phase `fetching`): which, of what, and git's own progress. */
export interface TransferStatus {
  /** `waiting`: another run is cloning or fetching the same copy. */
  readonly action: CopyAction;
  /** The URL, without any secret. */
  readonly url: string;
  readonly progress: TransferProgress | undefined;
}

export interface Progress {
  readonly phase: Phase;
  readonly commits: number;
  /** Commits to scan, when known (counted alongside the scan only when progress is wanted). */
  readonly totalCommits: number | undefined;
  /** Line ownership: commits replayed so far, and of how many. */
  readonly replayed?: number;
  readonly replayTotal?: number;
  /** Phase `fetching`: the clone or fetch of a remote repository. */
  readonly transfer?: TransferStatus;
}

/** Commits done and to do in the phases that walk the history (the scan, the line replay). */
export function walkedCommits(progress: Progress): { done: number; total: number | undefined } | undefined {
  if (progress.phase === 'history' && progress.commits > 0) return { done: progress.commits, total: progress.totalCommits };
  if (progress.phase === 'ownership' && progress.replayTotal) return { done: progress.replayed ?? 0, total: progress.replayTotal };
  return undefined;
}
