import { App, type DescribeError, type Outcome } from './components/App.js';
import type { LoadReport } from './hooks/use-scan.js';
import type { LoadTrend } from './hooks/use-trend.js';
import { runOnScreen } from './run-on-screen.js';

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

/**
 * Opens the explorer on the terminal and resolves when it closes, the terminal restored
 * (run-on-screen.tsx).
 */
export async function runExplorer(options: ExplorerOptions): Promise<Outcome> {
  let outcome: Outcome = { kind: 'quit' };
  await runOnScreen(<App load={options.load} describeError={options.describeError} trend={options.trend} title={options.title} onOutcome={(next) => (outcome = next)} />, {
    color: options.color,
    signal: options.signal,
    onInterrupt: () => (outcome = { kind: 'interrupted' }),
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.stdout ? { stdout: options.stdout } : {}),
  });
  return outcome;
}
