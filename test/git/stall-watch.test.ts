import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { watchForStall } from '../../src/git/stall-watch.js';

/** A real child process: busy for `busyMs` (a spin loop), or idle (a timer), then it exits. */
function child(kind: 'busy' | 'idle', ms: number) {
  const script = kind === 'busy' ? `const end = Date.now() + ${ms}; while (Date.now() < end) {}` : `setTimeout(() => {}, ${ms})`;
  return spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
}

/** Resolves with the idle time reported by a stall, or undefined when the child exits first. */
function watch(process: ReturnType<typeof child>, stallMs: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const stall = watchForStall(process, { stallMs, isWaiting: () => true, onStall: (idle) => resolve(idle) });
    process.once('close', () => {
      stall.stop();
      resolve(undefined);
    });
  });
}

describe.runIf(process.platform === 'linux')('watchForStall (CPU time from /proc)', () => {
  it('a process that writes nothing but uses CPU is computing, not stuck: left alone', async () => {
    const busy = child('busy', 1500);
    expect(await watch(busy, 200)).toBeUndefined();
  });

  it('a process that writes nothing and uses no CPU while an answer is due is stuck', async () => {
    const idle = child('idle', 10_000);
    const idleMs = await watch(idle, 200);
    idle.kill();
    expect(idleMs).toBeGreaterThanOrEqual(200);
    expect(idleMs).toBeLessThan(3000);
  });

  it('no answer due, no stall, however long it is idle', async () => {
    const idle = child('idle', 1200);
    const result = await new Promise<string>((resolve) => {
      const stall = watchForStall(idle, { stallMs: 100, isWaiting: () => false, onStall: () => resolve('stalled') });
      idle.once('close', () => {
        stall.stop();
        resolve('exited');
      });
    });
    expect(result).toBe('exited');
  });
});
