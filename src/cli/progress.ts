import { walkedCommits, type Progress, type TransferStatus } from '../analyze.js';
import { commitProgress, transferAction, transferStage } from '../format.js';
import { sanitizeForTerminal } from '../render/sanitize.js';

const PHASE_LABEL: Readonly<Record<Progress['phase'], string>> = {
  fetching: 'fetching',
  opening: 'opening repository',
  history: 'scanning history',
  authorship: 'computing authorship',
  ownership: 'line ownership',
  done: 'done',
};

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
  return `busfactor: ${describeProgress(progress, phaseElapsedMs)}`;
}

/** The phase and commits of {@link formatProgress} without the program's name (org's display has a line per repository). */
export function describeProgress(progress: Progress, phaseElapsedMs = 0): string {
  if (progress.phase === 'fetching' && progress.transfer) return describeTransfer(progress.transfer);
  const label = PHASE_LABEL[progress.phase];
  const walked = walkedCommits(progress);
  if (!walked) return `${label}…`;
  // Only the replay is long enough for an estimate to help (the scan's pace varies too much).
  const eta = progress.phase === 'ownership' && walked.total ? formatEta(walked.done, walked.total, phaseElapsedMs) : '';
  return `${label} · ${commitProgress(walked.done, walked.total)}${eta}`;
}

/** Width of the clone's progress bar, in cells. */
const TRANSFER_BAR = 20;

/**
 * A remote repository's clone or fetch, driven by git's own progress (docs/remote.md):
 * `busfactor: cloning https://host/x.git · receiving objects ████████░░░░ 45% (1,234 / 2,740)`.
 */
export function formatTransfer(transfer: TransferStatus): string {
  return `busfactor: ${describeTransfer(transfer)}`;
}

/** {@link formatTransfer} without the program's name. */
function describeTransfer(transfer: TransferStatus): string {
  const head = `${transferAction(transfer.action)} ${sanitizeForTerminal(transfer.url)}`;
  const progress = transfer.progress;
  if (!progress) return `${head}…`;
  const full = Math.round((Math.min(100, Math.max(0, progress.percent)) / 100) * TRANSFER_BAR);
  const [stage, figures] = splitStage(transferStage(progress));
  return `${head} · ${stage} ${'█'.repeat(full)}${'░'.repeat(TRANSFER_BAR - full)} ${figures}`;
}

/** `receiving objects 45% (9 / 20)` → the words, and the figures after them (the bar goes between). */
function splitStage(text: string): [string, string] {
  const at = text.search(/ \d+% \(/);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

/**
 * A status line redrawn in place on a terminal's stderr, at most ten times a second, erased when
 * done so results start on a clean line. Only used when stderr is a TTY. Once erased it stays so:
 * the commit count runs beside the analysis and may answer after it (git/git: a `busfactor: done…`
 * was left below the report in one run of four).
 */
export function createProgressLine(stream: NodeJS.WriteStream): { update: (progress: Progress) => void; clear: () => void } {
  let last = 0;
  let shown = false;
  let cleared = false;
  let phase: Progress['phase'] | undefined;
  let phaseStart = Date.now();
  return {
    update(progress) {
      if (cleared) return;
      const now = Date.now();
      if (progress.phase !== phase) {
        phase = progress.phase;
        phaseStart = now;
      }
      if (progress.phase !== 'done' && now - last < 100 && shown) return;
      last = now;
      // A terminal that reports 0 columns (some CI pseudo-terminals) is taken as 80 wide.
      const width = Math.max(10, (stream.columns || 80) - 1);
      stream.write(`\r\x1b[2K${formatProgress(progress, now - phaseStart).slice(0, width)}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
      cleared = true;
    },
  };
}
