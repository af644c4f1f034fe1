/** The terminal the command runs in, as far as choosing a view goes. */
export interface Terminal {
  readonly stdin: { readonly isTTY?: boolean };
  readonly stdout: { readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

/** What decides the view: the output options, and whether a format was asked for. */
export interface ViewFlags {
  readonly json: boolean;
  readonly tui: boolean;
  /** `--format` or `--json` was given: the user wants that output, not the explorer. */
  readonly formatGiven?: boolean;
  /** `-o FILE`: the result goes to a file. */
  readonly output?: string;
}

/**
 * The interactive explorer opens only for a person at a terminal: both stdin and stdout are TTYs,
 * no `--json`, `--format`, `-o` or `--no-tui`, a terminal that can draw (`TERM` not `dumb`), and
 * not in CI. The CI test is Ink's own (the `is-in-ci` package): there Ink draws nothing until it
 * exits, so a terminal in CI gets the text summary instead of a blank screen.
 */
export function shouldOpenExplorer(flags: ViewFlags, terminal: Terminal): boolean {
  if (flags.json || flags.formatGiven || (flags.output ?? '') !== '' || !flags.tui) return false;
  if (terminal.stdin.isTTY !== true || terminal.stdout.isTTY !== true) return false;
  return terminal.env.TERM !== 'dumb' && !isInCi(terminal.env);
}

function isInCi(env: NodeJS.ProcessEnv): boolean {
  const set = (name: string) => env[name] !== undefined && env[name] !== '0' && env[name] !== 'false';
  return set('CI') || set('CONTINUOUS_INTEGRATION');
}
