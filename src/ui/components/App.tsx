import { useApp } from 'ink';
import { useCallback } from 'react';
import { useScan, type LoadReport } from '../hooks/use-scan.js';
import { useScreenKeys } from '../hooks/use-screen-keys.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useTrend, type LoadTrend } from '../hooks/use-trend.js';
import { ErrorScreen } from './ErrorScreen.js';
import { Explorer } from './Explorer.js';
import { LoadingScreen } from './LoadingScreen.js';

/** How the explorer ended, for the command's exit code. */
export type Outcome =
  | { readonly kind: 'quit' }
  /** q or Ctrl-C while the scan ran. */
  | { readonly kind: 'interrupted' }
  | { readonly kind: 'error'; readonly message: string; readonly exitCode: number };

/** The text CLI's line and exit code for an error (cli/report-error.ts), so both say the same. */
export type DescribeError = (error: unknown) => { readonly message: string; readonly exitCode: number };

export interface Props {
  readonly load: LoadReport;
  readonly describeError: DescribeError;
  /** The repository's bus factor over time, computed once the explorer is on screen; none: no sparkline. */
  readonly trend?: LoadTrend;
  /** What is analysed, for the loading screen (already sanitized). */
  readonly title: string;
  /**
   * Told how the app ends, just before it exits.
   * @default () => {}
   */
  readonly onOutcome?: (outcome: Outcome) => void;
}

/** Loading screen while the scan runs, then the explorer, or the error screen. */
export function App({ load, describeError, trend: loadTrend, title, onOutcome = () => {} }: Props) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const scan = useScan(load);
  const trend = useTrend(loadTrend, scan.status === 'ready');
  const finish = useCallback(
    (outcome: Outcome) => {
      onOutcome(outcome);
      exit();
    },
    [onOutcome, exit],
  );
  const failure = scan.status === 'error' ? describeError(scan.error) : undefined;
  useScreenKeys(scan.status !== 'ready', (input, ctrl) => {
    if (failure) finish({ kind: 'error', ...failure });
    else if (input === 'q' || (ctrl && input === 'c')) finish({ kind: 'interrupted' });
  });
  if (scan.status === 'ready') return <Explorer report={scan.report} columns={columns} rows={rows} trend={trend} onQuit={() => finish({ kind: 'quit' })} />;
  if (failure) return <ErrorScreen message={failure.message} width={columns} />;
  return <LoadingScreen title={title} progress={scan.status === 'loading' ? scan.progress : undefined} width={columns} />;
}
