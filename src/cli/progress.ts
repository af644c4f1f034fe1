import type { Progress } from '../analyze.js';

const PHASE_LABEL: Readonly<Record<Progress['phase'], string>> = {
  opening: 'opening repository',
  history: 'scanning history',
  authorship: 'computing authorship',
  done: 'done',
};

/** One status line for a phase, e.g. `scanning history · 12,000 / 81,966 commits (15%)`. */
export function formatProgress(progress: Progress): string {
  const label = PHASE_LABEL[progress.phase];
  if (progress.phase !== 'history' || progress.commits === 0) return `busfactor: ${label}…`;
  const done = progress.commits.toLocaleString('en-US');
  if (!progress.totalCommits) return `busfactor: ${label} · ${done} commits`;
  const share = Math.min(100, Math.floor((progress.commits / progress.totalCommits) * 100));
  return `busfactor: ${label} · ${done} / ${progress.totalCommits.toLocaleString('en-US')} commits (${share}%)`;
}

/**
 * A status line redrawn in place on a terminal's stderr, at most ten times a second, erased when
 * done so results start on a clean line. Only used when stderr is a TTY.
 */
export function createProgressLine(stream: NodeJS.WriteStream): { update: (progress: Progress) => void; clear: () => void } {
  let last = 0;
  let shown = false;
  return {
    update(progress) {
      const now = Date.now();
      if (progress.phase !== 'done' && now - last < 100 && shown) return;
      last = now;
      const width = Math.max(10, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[2K${formatProgress(progress).slice(0, width)}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
