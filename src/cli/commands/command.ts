import type { AnalysisOptionValues, OutputOptionValues } from '../../settings/option-schema.js';

/** What a command gets: its argument, the values typed, and the run's abort signal. */
export interface CommandInput {
  /** The positional argument (the repository path for scan); a variadic command's first value. */
  readonly path: string;
  /** Every value of the positional argument: `[path]` for most commands, all of them for a variadic one (org). */
  readonly paths: readonly string[];
  /** Analysis settings the user typed, and only those: the config file fills the rest. */
  readonly typed: Partial<AnalysisOptionValues>;
  /** How to show the result: typed values over the output defaults. */
  readonly output: OutputOptionValues;
  /** Output settings the user typed (to tell `--format text` from the default). */
  readonly typedOutput: Partial<OutputOptionValues>;
  readonly signal: AbortSignal;
}

/** A command module: does its work and returns the exit code (cli/ is the only place that exits). */
export interface CommandModule {
  run(input: CommandInput): Promise<number>;
}
