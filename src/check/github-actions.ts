import { randomBytes } from 'node:crypto';
import { appendFile } from 'node:fs/promises';

/**
 * GitHub Actions (docs/check.md, "GitHub Actions"): when `GITHUB_ACTIONS=true`, findings become
 * `::error`/`::warning` workflow commands (annotations) and a Markdown job summary is appended to
 * `$GITHUB_STEP_SUMMARY`. Everything else the run prints comes from the repository (names, paths),
 * so it is fenced with `::stop-commands::<token>` … `::<token>::`: a name such as `::error::x` or
 * `##[error]x` in the output cannot raise an annotation or stop our own.
 */
export function underGithubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** The lines that pause and resume workflow-command processing around untrusted output. */
export function commandFence(): { readonly stop: string; readonly resume: string } {
  const token = randomBytes(16).toString('hex');
  return { stop: `::stop-commands::${token}\n`, resume: `::${token}::\n` };
}

/** Appends the job summary; a problem is returned as a warning's text, never thrown. */
export async function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return undefined;
  try {
    await appendFile(file, markdown.endsWith('\n') ? `${markdown}\n` : `${markdown}\n\n`);
    return undefined;
  } catch (error) {
    return `cannot append the job summary to $GITHUB_STEP_SUMMARY (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): the annotations and exit code are unaffected`;
  }
}
