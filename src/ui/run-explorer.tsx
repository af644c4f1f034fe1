import { render } from 'ink';
import { App, type DescribeError, type Outcome } from './components/App.js';
import type { LoadReport } from './hooks/use-scan.js';
import type { LoadTrend } from './hooks/use-trend.js';
import { ThemeContext } from './theme.js';

export type { Outcome } from './components/App.js';

export interface ExplorerOptions {
  readonly load: LoadReport;
  readonly describeError: DescribeError;
  /** The bus factor over time, started once the explorer shows the report; aborted when it closes. */
  readonly trend?: LoadTrend;
  /** What is analysed, for the loading screen (already sanitized). */
  readonly title: string;
  readonly color: boolean;
  /** Aborted on SIGINT/SIGTERM sent from outside (in raw mode Ctrl-C is a key, not a signal). */
  readonly signal: AbortSignal;
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
 * Opens the explorer on the terminal and resolves when it closes. The terminal is restored on
 * every way out: quit, a render error (rethrown after restoring), a signal, or process exit.
 */
export async function runExplorer(options: ExplorerOptions): Promise<Outcome> {
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

  let outcome: Outcome = { kind: 'quit' };
  const instance = render(
    <ThemeContext.Provider value={{ color: options.color }}>
      <App load={options.load} describeError={options.describeError} trend={options.trend} title={options.title} onOutcome={(next) => (outcome = next)} />
    </ThemeContext.Provider>,
    { stdout, stdin, exitOnCtrlC: false, patchConsole: true },
  );
  const onAbort = () => {
    outcome = { kind: 'interrupted' };
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
  return outcome;
}
