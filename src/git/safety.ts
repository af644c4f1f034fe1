/**
 * The settings every git call gets (DESIGN.md, Safety). A scanned repository is untrusted input:
 * its config may name programs to run (fsmonitor, hooks, diff drivers, a signature checker,
 * a pager, a lazy-fetch transport). None of them may ever start, and nothing is written into it.
 */

/** `-c` overrides placed before the subcommand on every call. */
export const SAFE_CONFIG: readonly string[] = [
  // core.fsmonitor names a program git would start to watch the work tree.
  '-c', 'core.fsmonitor=false',
  // No hook runs; none of our commands should trigger one, this makes sure.
  '-c', 'core.hooksPath=/dev/null',
  // log.showSignature=true in a repository's config would start gpg on every commit.
  '-c', 'log.showSignature=false',
  // Partial clones lazily fetch missing objects from their promisor remote, which may run
  // core.sshCommand or a credential helper and would hang without a network: forbid transports.
  '-c', 'protocol.allow=never',
  // Never write: no background maintenance or auto-gc can be triggered by a read.
  '-c', 'gc.auto=0',
  '-c', 'maintenance.auto=false',
  // Paths as raw UTF-8, not octal escapes (control characters stay C-quoted: handled by parsers).
  '-c', 'core.quotePath=false',
  // Attributes come from the analysed tree only, not from the user's global attributes file.
  '-c', 'core.attributesFile=/dev/null',
  '-c', 'core.pager=cat',
  '-c', 'color.ui=false',
];

/** Flags for every command that can produce a diff: no external diff program, no textconv filter. */
export const SAFE_DIFF_FLAGS: readonly string[] = ['--no-ext-diff', '--no-textconv', '--no-color'];

/**
 * Environment variables that would point git somewhere other than the repository we resolved,
 * or name a program to run. They are removed from the inherited environment.
 */
const DROPPED_ENV = [
  'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_PREFIX', 'GIT_EXTERNAL_DIFF', 'GIT_DIFF_OPTS', 'GIT_PAGER', 'PAGER',
  'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_ASKPASS', 'SSH_ASKPASS',
  'GIT_PROXY_COMMAND', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT', 'GIT_REPLACE_REF_BASE',
  'GIT_TRACE', 'GIT_TRACE2', 'GIT_TRACE2_EVENT', 'GIT_TRACE2_PERF', 'GIT_TRACE_PACKET',
];

/** The environment for a git child process: inherited, minus redirections, plus safety switches. */
export function safeGitEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of DROPPED_ENV) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('GIT_CONFIG_KEY_') || name.startsWith('GIT_CONFIG_VALUE_')) delete env[name];
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    // git >= 2.45: never fetch missing objects of a partial clone (older git: protocol.allow above).
    GIT_NO_LAZY_FETCH: '1',
    // Error messages we summarise are git's English ones.
    LC_ALL: 'C',
    LANGUAGE: '',
    ...extra,
  };
}
