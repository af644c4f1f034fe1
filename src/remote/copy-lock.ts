import { randomUUID } from 'node:crypto';
import { open, readFile, stat, unlink, utimes } from 'node:fs/promises';
import os from 'node:os';
import { CancelledError, InputError } from '../errors.js';

/**
 * One clone or fetch of a copy at a time (docs/remote.md#locking): two runs sharing a cache
 * folder (two `busfactor org` runs, a CI matrix) would otherwise write the same refs and packs at
 * once. The lock is a file beside the copy, created with O_EXCL, holding who took it. Its holder
 * touches it while it works; a lock nobody touched for {@link STALE_MS}, or whose process on this
 * machine is gone (killed with SIGKILL, a power cut), is taken over.
 */

/** A lock older than this was left by a run that died (the holder touches it every {@link HEARTBEAT_MS}). */
export const STALE_MS = 2 * 60 * 1000;
const HEARTBEAT_MS = 15 * 1000;
/** The longest another run's clone is waited for before giving up with one line. */
export const WAIT_LIMIT_MS = 30 * 60 * 1000;
const POLL_MS = 150;

export interface CopyLock {
  /** When the wait for the lock began: a copy fetched after it is as fresh as a fetch now would make it. */
  readonly waitedSince: number;
  /** Whether another run held the lock when this one asked. */
  readonly waited: boolean;
  release(): Promise<void>;
}

export interface LockOptions {
  readonly signal?: AbortSignal | undefined;
  /** Said once when the lock is held by another run, before waiting. */
  readonly onWait?: () => void;
  /** For tests: shorter times. */
  readonly staleMs?: number;
  readonly waitLimitMs?: number;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `pid host token`, as written by {@link acquireCopyLock}. */
function holderOf(content: string): { pid: number; host: string } | undefined {
  const [pid, host] = content.split(' ');
  return pid && /^\d+$/.test(pid) && host ? { pid: Number(pid), host } : undefined;
}

/** Whether the lock file as read now was left by a run that is gone. */
async function isStale(file: string, content: string, staleMs: number): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return false;
  if (Date.now() - info.mtimeMs > staleMs) return true;
  const holder = holderOf(content);
  return holder !== undefined && holder.host === os.hostname() && !processAlive(holder.pid);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Takes the lock file (waiting while another live run holds it); `release()` gives it back. */
export async function acquireCopyLock(file: string, options: LockOptions = {}): Promise<CopyLock> {
  const staleMs = options.staleMs ?? STALE_MS;
  const waitLimitMs = options.waitLimitMs ?? WAIT_LIMIT_MS;
  const token = `${process.pid} ${os.hostname()} ${randomUUID()}\n`;
  const waitedSince = Date.now();
  let waited = false;
  for (;;) {
    if (options.signal?.aborted) throw new CancelledError();
    try {
      const handle = await open(file, 'wx', 0o600);
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new InputError(`cannot lock ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }
    const content = await readFile(file, 'utf8').catch(() => '');
    if (await isStale(file, content, staleMs)) {
      // Removed only if it is still the lock judged stale: a run that took it over meanwhile keeps it.
      if ((await readFile(file, 'utf8').catch(() => undefined)) === content) await unlink(file).catch(() => {});
      continue;
    }
    if (!waited) {
      waited = true;
      options.onWait?.();
    }
    if (Date.now() - waitedSince > waitLimitMs) {
      const limit = waitLimitMs >= 60_000 ? `${Math.round(waitLimitMs / 60_000)} min` : `${Math.round(waitLimitMs / 1000)} s`;
      throw new InputError(`another busfactor run has held ${file} for over ${limit}`, { hint: 'if no other run is going on, remove that file' });
    }
    await sleep(POLL_MS, options.signal);
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(file, now, now).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    waitedSince,
    waited,
    release: async () => {
      clearInterval(heartbeat);
      // Never another run's lock: only the one this run wrote.
      if ((await readFile(file, 'utf8').catch(() => undefined)) === token) await unlink(file).catch(() => {});
    },
  };
}
