import { render } from 'ink';
import type { ReactElement } from 'react';
import { ThemeContext } from './theme.js';

export interface ScreenOptions {
  readonly color: boolean;
  /** Aborted on SIGINT/SIGTERM sent from outside (in raw mode Ctrl-C is a key, not a signal). */
  readonly signal: AbortSignal;
  /** Called when a signal or `signal` ends the screen (the caller's outcome becomes "interrupted"). */
  readonly onInterrupt: () => void;
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
}

// The alternate screen (as less, vim, htop): the explorer gets a blank screen, and on exit the
// shell's screen comes back as it was, with nothing of the explorer left in the scrollback.
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Draws an Ink element on the alternate screen and resolves when it exits. The terminal is restored
 * on every way out: quit, a render error (rethrown after restoring), a signal, or process exit. The
 * repository explorer and the org explorer both run through here.
 */
export async function runOnScreen(element: ReactElement, options: ScreenOptions): Promise<void> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
      stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
    } catch {
      // The terminal is gone (hang-up): nothing left to restore.
    }
  };
  process.on('exit', restore);
  stdout.write(ENTER_ALTERNATE_SCREEN);

  // At most 30 frames a second (Ink's default, named because hooks/use-trend.ts waits for a frame
  // to be out by it): a frame asked for sooner waits for the next slot.
  const instance = render(<ThemeContext.Provider value={{ color: options.color }}>{element}</ThemeContext.Provider>, { stdout, stdin, exitOnCtrlC: false, patchConsole: true, maxFps: 30 });
  const onAbort = () => {
    options.onInterrupt();
    instance.unmount();
  };
  options.signal.addEventListener('abort', onAbort, { once: true });
  // Signals end the explorer like q does, so the terminal is restored. A listener of our own must
  // stay registered meanwhile: Ink's signal-exit re-raises a signal (killing the process before
  // anything is restored) when it finds itself the only listener left.
  for (const name of SIGNALS) process.on(name, onAbort);
  try {
    await instance.waitUntilExit();
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    for (const name of SIGNALS) process.off(name, onAbort);
    restore();
    process.off('exit', restore);
  }
}
