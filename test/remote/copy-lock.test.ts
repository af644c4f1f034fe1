import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError, InputError } from '../../src/errors.js';
import { acquireCopyLock } from '../../src/remote/copy-lock.js';
import { useTempDirs } from '../helpers/temp-dirs.js';

const tempDir = useTempDirs('busfactor-lock-');

describe('the copy lock (docs/remote.md#locking)', () => {
  it('is exclusive: a second taker waits until the first releases it', async () => {
    const file = path.join(tempDir(), 'x.git.lock');
    const first = await acquireCopyLock(file);
    expect(first.waited).toBe(false);
    expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`^${process.pid} ${os.hostname()} `));
    let waitedFor = false;
    let secondHeld = false;
    const second = acquireCopyLock(file, { onWait: () => (waitedFor = true) }).then((lock) => {
      secondHeld = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(waitedFor).toBe(true);
    expect(secondHeld).toBe(false);
    await first.release();
    const lock = await second;
    expect(lock.waited).toBe(true);
    await lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a lock whose process on this machine is gone, or nobody touched for the stale time', async () => {
    const dir = tempDir();
    const dead = path.join(dir, 'dead.lock');
    writeFileSync(dead, `4194999 ${os.hostname()} gone\n`);
    const taken = await acquireCopyLock(dead, { waitLimitMs: 1000 });
    expect(taken.waited).toBe(false);
    await taken.release();

    // Another machine's lock (an NFS cache folder): its pid says nothing here; only its age does.
    const old = path.join(dir, 'old.lock');
    writeFileSync(old, '1 another-machine token\n');
    const past = new Date(Date.now() - 10_000);
    utimesSync(old, past, past);
    const lock = await acquireCopyLock(old, { staleMs: 5_000, waitLimitMs: 1000 });
    expect(lock.waited).toBe(false);
    await lock.release();
  });

  it('gives up after the wait limit with one line, and an abort ends the wait at once', async () => {
    const file = path.join(tempDir(), 'held.lock');
    const held = await acquireCopyLock(file);
    await expect(acquireCopyLock(file, { waitLimitMs: 300 })).rejects.toThrow(InputError);
    await expect(acquireCopyLock(file, { waitLimitMs: 300 })).rejects.toThrow(/another busfactor run has held .*held\.lock/);
    const controller = new AbortController();
    const waiting = acquireCopyLock(file, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(waiting).rejects.toThrow(CancelledError);
    await held.release();
  });

  it('release never removes a lock another run took over meanwhile', async () => {
    const file = path.join(tempDir(), 'x.lock');
    const lock = await acquireCopyLock(file);
    writeFileSync(file, `${process.pid} ${os.hostname()} someone-else\n`);
    await lock.release();
    expect(readFileSync(file, 'utf8')).toContain('someone-else');
  });
});
