import type { Progress } from '../analyze.js';
import { plural } from '../format.js';
import { sanitizeForTerminal } from '../render/sanitize.js';
import { truncate } from '../render/table.js';
import { describeProgress } from './progress.js';

/** What `busfactor org` tells the terminal while it runs (docs/org.md, "Progress"). */
export interface OrgProgress {
  start(index: number, name: string): void;
  update(index: number, progress: Progress): void;
  finish(index: number, failed: boolean): void;
  /** A line that stays (a failure, a warning), written above the live lines. */
  note(line: string): void;
  /** Erases the live lines: the output starts on a clean screen. */
  clear(): void;
}

/** At most this many redraws a second. */
const REDRAW_MS = 100;

/**
 * On a terminal's stderr: one line per running repository (its phase and commits so far), under
 * them one line counting the finished ones; lines that stay (failures) are written above. Redrawn in
 * place, at most ten times a second, each line cut to the terminal's width so nothing wraps.
 */
export function createOrgProgress(stream: NodeJS.WriteStream, total: number): OrgProgress {
  const running = new Map<number, { name: string; progress: Progress | undefined; phaseStart: number }>();
  let done = 0;
  let failed = 0;
  let drawn = 0;
  let timer: NodeJS.Timeout | undefined;

  const erase = () => {
    if (drawn === 0) return '';
    const text = `\r${drawn > 1 ? `\x1b[${drawn - 1}A` : ''}\x1b[J`;
    drawn = 0;
    return text;
  };
  const draw = () => {
    clearTimeout(timer);
    timer = undefined;
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    const now = Date.now();
    const lines = [...running.values()].map(({ name, progress, phaseStart }) => `  ${sanitizeForTerminal(name)} · ${progress ? describeProgress(progress, now - phaseStart) : 'starting…'}`);
    const summary = `busfactor: ${done} of ${plural(total, 'repository', 'repositories')} analysed${failed > 0 ? ` · ${failed} failed` : ''} · ${running.size} running`;
    lines.push(summary);
    stream.write(erase() + lines.map((line) => truncate(line, width)).join('\n'));
    drawn = lines.length;
  };
  const soon = () => {
    timer ??= setTimeout(draw, REDRAW_MS);
    timer.unref();
  };
  return {
    start(index, name) {
      running.set(index, { name, progress: undefined, phaseStart: Date.now() });
      soon();
    },
    update(index, progress) {
      const entry = running.get(index);
      if (!entry) return;
      if (entry.progress?.phase !== progress.phase) entry.phaseStart = Date.now();
      entry.progress = progress;
      soon();
    },
    finish(index, didFail) {
      running.delete(index);
      done += 1;
      if (didFail) failed += 1;
      draw();
    },
    note(line) {
      stream.write(`${erase()}${line}\n`);
      draw();
    },
    clear() {
      clearTimeout(timer);
      timer = undefined;
      stream.write(erase());
    },
  };
}
