import type { Progress } from '../analyze.js';

const PHASE_LABEL: Readonly<Record<Progress['phase'], string>> = {
  opening: 'opening repository',
  history: 'scanning history',
  authorship: 'computing authorship',
  ownership: 'line ownership',
  done: 'done',
};

const count = (n: number): string => n.toLocaleString('en-US');

/** `about 2 min left`, from the pace so far; nothing until there is a pace to go by. */
export function formatEta(done: number, total: number, elapsedMs: number): string {
  if (done <= 0 || done >= total || elapsedMs < 2000) return '';
  const seconds = Math.round(((total - done) * elapsedMs) / done / 1000);
  if (seconds < 60) return ` · about ${Math.max(1, seconds)} s left`;
  return ` · about ${Math.round(seconds / 60)} min left`;
}

/**
 * One status line, e.g. `scanning history · 12,000 / 81,966 commits (15%)` or, while line
 * ownership replays the history, `line ownership · 40,000 / 81,966 commits (48%) · about 1 min left`.
 */
export function formatProgress(progress: Progress, phaseElapsedMs = 0): string {
  const label = PHASE_LABEL[progress.phase];
  const ratio = (done: number, total: number) => `${count(done)} / ${count(total)} commits (${Math.min(100, Math.floor((done / total) * 100))}%)`;
  if (progress.phase === 'ownership' && progress.replayTotal) {
    const done = progress.replayed ?? 0;
    return `busfactor: ${label} · ${ratio(done, progress.replayTotal)}${formatEta(done, progress.replayTotal, phaseElapsedMs)}`;
  }
  if (progress.phase !== 'history' || progress.commits === 0) return `busfactor: ${label}…`;
  if (!progress.totalCommits) return `busfactor: ${label} · ${count(progress.commits)} commits`;
  return `busfactor: ${label} · ${ratio(progress.commits, progress.totalCommits)}`;
}

/**
 * A status line redrawn in place on a terminal's stderr, at most ten times a second, erased when
 * done so results start on a clean line. Only used when stderr is a TTY.
 */
export function createProgressLine(stream: NodeJS.WriteStream): { update: (progress: Progress) => void; clear: () => void } {
  let last = 0;
  let shown = false;
  let phase: Progress['phase'] | undefined;
  let phaseStart = Date.now();
  return {
    update(progress) {
      const now = Date.now();
      if (progress.phase !== phase) {
        phase = progress.phase;
        phaseStart = now;
      }
      if (progress.phase !== 'done' && now - last < 100 && shown) return;
      last = now;
      const width = Math.max(10, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[2K${formatProgress(progress, now - phaseStart).slice(0, width)}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
