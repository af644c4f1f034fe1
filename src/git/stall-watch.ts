import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/**
 * How long a long-lived git process may owe an answer while writing nothing and using no CPU.
 * A git that computes a big diff keeps using CPU and is left alone however long it takes; one that
 * sits idle while we wait for it is deadlocked with us (it waits for input we think we sent), and
 * waiting longer cannot help.
 */
export const DEFAULT_STALL_MS = 30_000;

/**
 * The stall window: `BUSFACTOR_STALL_SECONDS` when set to a positive number (a slow network file
 * system may want more; tests want less), else {@link DEFAULT_STALL_MS}.
 */
export function stallMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.BUSFACTOR_STALL_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_STALL_MS;
}

/** Where /proc cannot tell CPU time (not Linux), silence alone decides, over a longer window. */
const SILENCE_ONLY_FACTOR = 10;

export interface StallWatch {
  /** Output arrived, or a new wait began. */
  progressed(): void;
  stop(): void;
}

/** CPU ticks (user + system) a process has used, from /proc; undefined where that is unavailable. */
async function cpuTicks(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'latin1');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/**
 * Calls `onStall` once when, while `isWaiting()`, the child has produced no output and used no CPU
 * for `stallMs`. The timer never keeps Node alive on its own.
 */
export function watchForStall(
  child: ChildProcess,
  options: { readonly stallMs?: number; readonly isWaiting: () => boolean; readonly onStall: (idleMs: number) => void },
): StallWatch {
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  let last = Date.now();
  let lastTicks: number | undefined;
  let checking = false;
  let stopped = false;
  const check = async () => {
    if (stopped || checking || child.pid === undefined) return;
    if (!options.isWaiting()) {
      // Nothing owed (or our side is busy): idleness counts only from when an answer is due.
      last = Date.now();
      return;
    }
    const idle = Date.now() - last;
    if (idle < stallMs) return;
    checking = true;
    try {
      const ticks = await cpuTicks(child.pid);
      if (stopped) return;
      if (ticks !== undefined && ticks !== lastTicks) {
        // Busy: it is computing, not waiting on us.
        lastTicks = ticks;
        last = Date.now();
        return;
      }
      if (ticks === undefined && idle < stallMs * SILENCE_ONLY_FACTOR) return;
      stopped = true;
      clearInterval(timer);
      options.onStall(idle);
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), Math.max(50, Math.min(5000, Math.floor(stallMs / 4))));
  timer.unref();
  void cpuTicks(child.pid ?? -1).then((ticks) => {
    lastTicks ??= ticks;
  });
  return {
    progressed: () => {
      last = Date.now();
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
