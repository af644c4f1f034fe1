/** Flags of `busfactor [scan]`, as commander parses them. */
export interface ScanFlags {
  readonly rev: string;
  readonly algorithm: 'avl';
  readonly depth: number;
  readonly minFiles: number;
  readonly include: string[];
  readonly exclude: string[];
  readonly includeBots: boolean;
  readonly allText: boolean;
  /** Line ownership: true with --lines, false with --no-lines, undefined when neither was given. */
  readonly lines: boolean | undefined;
  readonly firstParent: boolean;
  /** False with --no-ignore-revs. */
  readonly ignoreRevs: boolean;
  readonly json: boolean;
  /** False with --no-color. */
  readonly color: boolean;
  /** False with --no-tui: print the text summary even on a terminal. */
  readonly tui: boolean;
  readonly quiet: boolean;
}

/** The terminal the command runs in, as far as choosing a view goes. */
export interface Terminal {
  readonly stdin: { readonly isTTY?: boolean };
  readonly stdout: { readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The interactive explorer opens only for a person at a terminal: both stdin and stdout are TTYs,
 * no `--json` or `--no-tui`, a terminal that can draw (`TERM` not `dumb`), and not in CI. The CI
 * test is Ink's own (the `is-in-ci` package): there Ink draws nothing until it exits, so a
 * terminal in CI gets the text summary instead of a blank screen.
 */
export function shouldOpenExplorer(flags: Pick<ScanFlags, 'json' | 'tui'>, terminal: Terminal): boolean {
  if (flags.json || !flags.tui) return false;
  if (terminal.stdin.isTTY !== true || terminal.stdout.isTTY !== true) return false;
  return terminal.env.TERM !== 'dumb' && !isInCi(terminal.env);
}

function isInCi(env: NodeJS.ProcessEnv): boolean {
  const set = (name: string) => env[name] !== undefined && env[name] !== '0' && env[name] !== 'false';
  return set('CI') || set('CONTINUOUS_INTEGRATION');
}
