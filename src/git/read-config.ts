import { runGit } from './run-git.js';

/** Config files the user (or the machine's administrator) wrote, as opposed to the repository's. */
const USER_SCOPES = new Set(['global', 'system']);

/**
 * The value of `key` from the user's own config (global or system), ignoring what the analysed
 * repository's config (and the files it includes) says; undefined when unset there. For the few
 * settings that are the user's to choose but must not be chosen by a repository (docs/safety.md).
 */
export async function userConfigValue(cwd: string, key: string, signal?: AbortSignal): Promise<string | undefined> {
  // Exit code 1: the key is set nowhere.
  const { stdout } = await runGit({ cwd, signal, okCodes: [0, 1], args: ['config', '-z', '--show-scope', '--get-all', key] });
  // `-z --show-scope`: scope NUL value NUL, for every value in the order git reads them.
  const fields = stdout.toString('utf8').split('\0');
  let value: string | undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (USER_SCOPES.has(fields[i] as string)) value = fields[i + 1];
  }
  return value === '' ? undefined : value;
}

/**
 * A partial clone (`git clone --filter=…`): objects may be missing on purpose, and git would try to
 * fetch each from its promisor remote — which fails (no transport is allowed) and, in git before
 * 2.45, ends the command at the first missing object (`fatal: could not fetch …`). Such a
 * repository is asked which objects it lacks before anything reads one (git/missing-objects.ts).
 * This is git's own test (promisor-remote.c): a remote marked `promisor`, or
 * `extensions.partialClone`.
 */
export async function isPartialClone(cwd: string, signal?: AbortSignal): Promise<boolean> {
  const { stdout } = await runGit({ cwd, signal, okCodes: [0, 1], args: ['config', '-z', '--get-regexp', '^(remote\\..*\\.promisor|extensions\\.partialclone)$'] });
  return stdout
    .toString('utf8')
    .split('\0')
    .some((entry) => {
      if (entry === '') return false;
      // `key\nvalue`; a key alone is a boolean set to true.
      const newline = entry.indexOf('\n');
      const key = newline === -1 ? entry : entry.slice(0, newline);
      const value = newline === -1 ? 'true' : entry.slice(newline + 1);
      return key.endsWith('.promisor') ? /^(true|yes|on|1)$/i.test(value) : value !== '';
    });
}
