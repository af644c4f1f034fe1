import type { CheckResult } from '../../check/check-result.js';
import { appendStepSummary, commandFence, underGithubActions } from '../../check/github-actions.js';
import { runCheck } from '../../check/run-check.js';
import { EXIT, InputError } from '../../errors.js';
import { CHECK_FORMATS, type CheckFormat } from '../../render/check/check-formats.js';
import { CHECK_RENDERERS } from '../../render/check/check-renderers.js';
import { createStyle, shouldColor } from '../../render/style.js';
import type { CheckOutputValues, CheckPolicyValues } from '../../settings/check-options.js';
import { logSafe } from '../log-line.js';
import { createProgressLine } from '../progress.js';
import { writeOutput } from '../write-output.js';
import { cacheRequest } from '../cache-request.js';
import { remoteRequest } from '../remote-request.js';
import type { CommandInput } from './command.js';

/** Where each format goes: stdout (at most one format) and files. */
interface Targets {
  readonly stdout: CheckFormat | undefined;
  readonly files: readonly { readonly format: CheckFormat; readonly file: string }[];
}

/**
 * `-o FILE` takes `--format`; `-o sarif=FILE` writes that format as well (repeatable). stdout gets
 * `--format` unless a plain `-o FILE` took it. A name before `=` that is no format is part of the file name.
 */
export function outputTargets(outputs: readonly string[], format: CheckFormat): Targets {
  const files: { format: CheckFormat; file: string }[] = [];
  let plain: string | undefined;
  for (const output of outputs) {
    const equals = output.indexOf('=');
    const prefix = equals > 0 ? output.slice(0, equals) : '';
    if ((CHECK_FORMATS as readonly string[]).includes(prefix)) {
      const file = output.slice(equals + 1);
      if (file === '') throw new InputError(`-o ${output}: no file after ${prefix}=`);
      files.push({ format: prefix as CheckFormat, file });
      continue;
    }
    if (plain !== undefined) throw new InputError(`-o ${output}: only one -o FILE without a format (-o ${plain} takes --format); name the others' formats: -o sarif=FILE`);
    plain = output;
    files.push({ format, file: output });
  }
  const seen = new Set<string>();
  for (const { file } of files) {
    if (seen.has(file)) throw new InputError(`-o: ${file} is named twice`);
    seen.add(file);
  }
  return { stdout: plain === undefined ? format : undefined, files };
}

/**
 * `busfactor check [path]` (docs/check.md): the CI gate. Exit 0 when no finding is at level error,
 * 1 when one is, 2 on bad input (cli/report-error.ts). Never opens the explorer.
 */
export async function run(input: CommandInput): Promise<number> {
  const typed = input.typedOutput as Partial<CheckOutputValues & CheckPolicyValues>;
  const format: CheckFormat = typed.json ? 'json' : (typed.format ?? 'text');
  const targets = outputTargets(typed.outputs ?? [], format);
  const quiet = typed.quiet === true;
  const stderr = process.stderr;
  const progress = !quiet && stderr.isTTY ? createProgressLine(stderr) : undefined;

  let result: CheckResult;
  try {
    result = await runCheck({
      analysis: { path: input.path, ...input.typed, ...(typed.config ? { configFile: typed.config } : {}), ...cacheRequest(input.typedOutput), ...remoteRequest(input.typedOutput), signal: input.signal, ...(progress ? { onProgress: progress.update } : {}) },
      flags: typed,
      writeFile: async (file, text) =>
        writeOutput(file, text).catch((error: NodeJS.ErrnoException) => {
          throw new InputError(`cannot write the baseline ${file}: ${error.code ?? error.message}`);
        }),
    });
  } finally {
    progress?.clear();
  }

  const plainStyle = createStyle(false);
  for (const { format: fileFormat, file } of targets.files) {
    await writeOutput(file, CHECK_RENDERERS[fileFormat](result, { style: plainStyle, width: undefined })).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`cannot write ${file}: ${error.code ?? error.message}`);
    });
  }

  const github = underGithubActions();
  // Text on stdout lists the result's warnings itself; otherwise they go to stderr. The job
  // summary's own problem is never in the result: always stderr.
  const warnings = targets.stdout === 'text' ? [] : result.warnings.map((warning) => warning.message);
  if (github) {
    const summaryProblem = await appendStepSummary(CHECK_RENDERERS.markdown(result, { style: plainStyle, width: undefined }));
    if (summaryProblem) warnings.push(summaryProblem);
  }
  // Under Actions: the annotations first, then — where stdout carries text that repeats repository
  // data — a stop-commands fence around it, on the same stream. Machine formats on stdout are not
  // fenced (it would corrupt them): their renderers write `##[` escaped, and the annotations and
  // warnings then go to stderr, which the runner reads too.
  const textOnStdout = targets.stdout === 'text' || targets.stdout === undefined;
  const annotations = github && targets.stdout !== 'github' ? CHECK_RENDERERS.github(result, { style: plainStyle, width: undefined }) : '';
  (textOnStdout ? process.stdout : stderr).write(annotations);
  const fence = github && targets.stdout === 'text' ? commandFence() : undefined;
  if (fence) process.stdout.write(fence.stop);
  if (targets.stdout !== undefined) {
    const color = targets.stdout === 'text' && shouldColor(process.stdout, typed.color ?? true);
    process.stdout.write(CHECK_RENDERERS[targets.stdout](result, { style: createStyle(color), width: process.stdout.isTTY ? process.stdout.columns : undefined }));
  }
  if (fence) process.stdout.write(fence.resume);
  if (!quiet) for (const message of warnings) stderr.write(`busfactor: warning: ${logSafe(message, github)}\n`);
  return result.passed ? EXIT.ok : EXIT.breach;
}
