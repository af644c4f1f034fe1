/**
 * The git calls that talk to a remote repository: `ls-remote`, `fetch`, and the upkeep of the bare
 * copy they fill (`init --bare`, `config`, `symbolic-ref`), through simple-git, whose progress
 * events drive the clone's progress bar (docs/remote.md). The analysis never comes here: it runs on
 * the finished copy through run-git.ts, as on any bare repository. The settings of
 * docs/safety.md#remote-repositories are added here and nowhere else, as safety.ts does for the
 * analysis: the remote, and whatever a URL list says, can choose no program, no transport and no
 * setting.
 */
import type { SimpleGit, SimpleGitProgressEvent } from 'simple-git';
import { CancelledError, GitError, InputError, InternalError } from '../errors.js';
import { REMOTE_PROTOCOLS, type RemoteUrl } from '../remote/parse-url.js';
import { userConfigValue } from './read-config.js';
import { safeGitEnv } from './safety.js';
import { stallMsFromEnv } from './stall-watch.js';

/** git's progress as simple-git reads it from `--progress` lines (`Receiving objects:  45% (9/20)`). */
export interface TransferProgress {
  /** `remote:` (the server counting and compressing), `receiving`, `resolving`, … */
  readonly stage: string;
  readonly percent: number;
  readonly processed: number;
  readonly total: number;
}

export interface TransferContext {
  readonly remote: RemoteUrl;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: TransferProgress) => void) | undefined;
}

/**
 * `-c` settings of every call. Command-line settings outrank every config file; none of these can
 * be undone by the remote (a fetch reads no config from it) or by the copy (written only by us).
 */
function transferConfig(credentialHelper: string | undefined): string[] {
  return [
    // The five transports busfactor clones over, and nothing else: `ext::` and `fd::` (refused
    // before git too, remote/parse-url.ts), a helper named by `<transport>::`, or a submodule's.
    // All five, not the URL's alone: the user's own `url.<base>.insteadOf` may turn an https URL
    // into an ssh one.
    'protocol.allow=never',
    ...REMOTE_PROTOCOLS.map((name) => `protocol.${name}.allow=always`),
    // git follows an http redirect for the first request only (its default, pinned against the user's `true`).
    'http.followRedirects=initial',
    // No hook of the user's template or of the copy runs (reference-transaction runs on every fetch).
    'core.hooksPath=/dev/null',
    // The copy gets no hooks or files from the user's init template.
    'init.templateDir=',
    'core.fsmonitor=false',
    // No prompt program: an empty value also keeps git from trying SSH_ASKPASS (prompt.c).
    'core.askPass=',
    'submodule.recurse=false',
    'fetch.recurseSubmodules=false',
    // No gc or maintenance in the background: an analysis may be reading the copy meanwhile.
    'gc.auto=0',
    'maintenance.auto=false',
    // No reflog: the copy keeps no history of its own refs.
    'core.logAllRefUpdates=false',
    // A URL's user name and password go to git through our own helper only (CREDENTIAL_HELPER):
    // the empty value first clears the user's helpers, which would otherwise store them.
    ...(credentialHelper === undefined ? [] : ['credential.helper=', `credential.helper=${credentialHelper}`]),
  ];
}

/**
 * The credential helper for a URL with a user name or password in it: a shell function of ours (no
 * program of the remote or the repository), answering `get` requests for the URL's own protocol and
 * host only — a redirect to another host, or from https to http, gets nothing — from environment variables of this one git
 * process. So the secret is never on a command line (`ps` shows those), in a file, in the copy's
 * config or in git's messages.
 */
const CREDENTIAL_HELPER =
  '!f() { test "$1" = get || return 0; p=; h=; while IFS= read -r l && test -n "$l"; do case "$l" in protocol=*) p=${l#protocol=} ;; host=*) h=${l#host=} ;; esac; done; ' +
  'test "$p" = "$BUSFACTOR_CREDENTIAL_PROTOCOL" && test "$h" = "$BUSFACTOR_CREDENTIAL_HOST" || return 0; ' +
  "printf 'username=%s\\npassword=%s\\n' \"$BUSFACTOR_CREDENTIAL_USERNAME\" \"$BUSFACTOR_CREDENTIAL_PASSWORD\"; }; f";

/**
 * The user's own variables for transports, kept: they are the user's choices (a proxy's
 * certificate, an ssh wrapper), not the remote's. Every other git variable is dropped as for the
 * analysis (safety.ts: GIT_DIR, GIT_ASKPASS, GIT_TRACE*, GIT_CURL_VERBOSE, which would print headers, …).
 */
const USER_TRANSPORT_ENV = [
  'GIT_SSH_COMMAND',
  'GIT_SSH',
  'GIT_SSH_VARIANT',
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
  'GIT_SSL_NO_VERIFY',
  'GIT_SSL_CERT',
  'GIT_SSL_KEY',
  'GIT_HTTP_USER_AGENT',
  'GIT_HTTP_PROXY_AUTHMETHOD',
  'GIT_PROXY_SSL_CAINFO',
  'GIT_PROXY_SSL_CERT',
  'GIT_PROXY_SSL_KEY',
  'GIT_HTTP_LOW_SPEED_LIMIT',
  'GIT_HTTP_LOW_SPEED_TIME',
];

/**
 * The environment of a transfer: the analysis's (safety.ts), the user's transport variables, no
 * prompt of any kind, and ssh in batch mode unless the user chose their own ssh command (their
 * `GIT_SSH_COMMAND`, `GIT_SSH` or global `core.sshCommand`, which may need no change).
 */
export async function transferEnvironment(cwd: string, remote: RemoteUrl, signal?: AbortSignal): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(safeGitEnv())) if (value !== undefined) env[key] = value;
  for (const key of USER_TRANSPORT_ENV) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_ASKPASS = '';
  env.SSH_ASKPASS_REQUIRE = 'never';
  // Whatever the URL's protocol: the user's insteadOf rules may make it ssh.
  if (env.GIT_SSH_COMMAND === undefined && env.GIT_SSH === undefined) {
    const own = await userConfigValue(cwd, 'core.sshCommand', signal).catch(() => undefined);
    if (own === undefined) env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
  }
  if (remote.credentials) {
    env.BUSFACTOR_CREDENTIAL_PROTOCOL = remote.protocol;
    env.BUSFACTOR_CREDENTIAL_HOST = remote.authority;
    env.BUSFACTOR_CREDENTIAL_USERNAME = remote.credentials.username;
    env.BUSFACTOR_CREDENTIAL_PASSWORD = remote.credentials.password;
  }
  return env;
}

type SimpleGitModule = typeof import('simple-git');
let loaded: Promise<SimpleGitModule> | undefined;

/**
 * simple-git, loaded when a URL is first analysed. Its `debug` logging would print every spawn's
 * environment (with a URL's password in it) when the user's DEBUG names it: `debug` reads DEBUG
 * once, as it loads, so it is hidden from it then.
 */
function loadSimpleGit(): Promise<SimpleGitModule> {
  loaded ??= (async () => {
    const debug = process.env.DEBUG;
    delete process.env.DEBUG;
    try {
      return await import('simple-git');
    } finally {
      if (debug !== undefined) process.env.DEBUG = debug;
    }
  })();
  return loaded;
}

/** A transfer that failed: git's stderr, for remote/transfer-failure.ts to put in words. */
export class TransferError extends GitError {}

export interface Transfer {
  /** Runs one git command (a subcommand of {@link TRANSFER_SUBCOMMANDS}) and returns its stdout. */
  run(args: readonly string[]): Promise<string>;
}

/** The subcommands run here: the transfer itself and the upkeep of our own copy. */
const TRANSFER_SUBCOMMANDS = new Set(['ls-remote', 'fetch', 'init', 'config', 'symbolic-ref']);

/**
 * A simple-git instance for one folder with the transfer's settings. strict mode: simple-git
 * itself refuses any setting or variable not named here (its own check of unsafe options, on top
 * of ours).
 */
export async function openTransfer(cwd: string, context: TransferContext, env: Record<string, string>): Promise<Transfer> {
  const { simpleGit, GitPluginError } = await loadSimpleGit();
  const config = transferConfig(context.remote.credentials ? CREDENTIAL_HELPER : undefined);
  const git: SimpleGit = simpleGit({
    baseDir: cwd,
    config,
    strict: true,
    allowConfig: [...new Set([...config.map((entry) => entry.slice(0, entry.indexOf('='))), 'remote.origin.url', 'remote.origin.fetch'])],
    allowEnvironment: Object.keys(env),
    // Always asked for: git then writes progress while it works, which the idle limit below goes by.
    progress: (event: SimpleGitProgressEvent) => context.onProgress?.({ stage: event.stage, percent: event.progress, processed: event.processed, total: event.total }),
    // A transfer that writes nothing (no progress, no data) for this long is stuck: a server that
    // accepted the connection and never answers, a network gone. Four times the analysis's stall window.
    timeout: { block: 4 * stallMsFromEnv() },
    ...(context.signal ? { abort: context.signal } : {}),
  }).env(env);
  return {
    run: async (args) => {
      const name = args[0];
      if (name === undefined || !TRANSFER_SUBCOMMANDS.has(name)) throw new InternalError(`git ${name ?? ''} is not among the transfer's subcommands`);
      try {
        return await git.raw([...args]);
      } catch (error) {
        if (context.signal?.aborted) throw new CancelledError();
        const message = (error as Error).message ?? String(error);
        if (/spawn git ENOENT/.test(message)) {
          throw new InputError('git is required for remote repositories, and it is not installed or not on PATH', { hint: 'install git (2.28 or later), or analyse a local clone' });
        }
        const stalled = error instanceof GitPluginError && error.plugin === 'timeout';
        const stderr = stalled ? `fatal: no data for ${Math.round((4 * stallMsFromEnv()) / 1000)} s: the server accepted the connection but does not answer` : message;
        throw new TransferError(stderr, { args, stderr, code: null, signal: null });
      }
    },
  };
}
