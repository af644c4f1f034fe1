/**
 * The settings every git call gets (docs/safety.md). A scanned repository is untrusted input: its
 * config (and files it includes), its attributes and its hooks may name programs to run, or
 * settings that silently change what git prints. None of those programs may ever start, every
 * setting that shapes the output we parse is pinned, and nothing is written into the repository.
 * `spawnGit` is the only caller: the protection is one mechanism, not flags at call sites.
 */
import { InternalError } from '../errors.js';

/**
 * `-c` overrides placed before the subcommand on every call. Command-line settings win over every
 * config file, the repository's own and the user's alike: results do not depend on either.
 */
export const SAFE_CONFIG: readonly string[] = [
  // ── Programs git could start ──
  // core.fsmonitor names a program git would start to watch the work tree.
  '-c', 'core.fsmonitor=false',
  // No hook runs (read-tree alone could run post-index-change).
  '-c', 'core.hooksPath=/dev/null',
  // log.showSignature=true would start gpg on every commit.
  '-c', 'log.showSignature=false',
  // Partial clones lazily fetch missing objects from their promisor remote; a fetch may run
  // core.sshCommand, core.gitProxy, an ext:: transport, a credential helper or an askpass program,
  // and would hang without a network. No transport at all: every lazy fetch fails at once.
  '-c', 'protocol.allow=never',
  // An empty value resets the list of helpers (git-credential(1)).
  '-c', 'credential.helper=',
  '-c', 'core.pager=cat',
  // ── Nothing written into the repository ──
  '-c', 'gc.auto=0',
  '-c', 'maintenance.auto=false',
  // A split index writes its shared part into $GIT_DIR even when GIT_INDEX_FILE points elsewhere.
  '-c', 'core.splitIndex=false',
  '-c', 'core.untrackedCache=false',
  '-c', 'core.sparseCheckout=false',
  '-c', 'submodule.recurse=false',
  // ── Output we parse, whatever the repository's or the user's config says ──
  // Paths as raw UTF-8, not octal escapes (control characters stay C-quoted: handled by parsers).
  '-c', 'core.quotePath=false',
  // core.abbrev is not pinned: every id we read is full by construction (%H, --full-index,
  // --no-abbrev, ls-tree, rev-list, blame --incremental), and `no` is unknown to git before 2.31.
  // Names and messages in UTF-8 (i18n.logOutputEncoding=latin1 would re-encode them).
  '-c', 'i18n.logOutputEncoding=UTF-8',
  // Attribute patterns and pathspecs match case-sensitively, as on the servers Linguist runs on.
  '-c', 'core.ignoreCase=false',
  '-c', 'core.precomposeUnicode=false',
  // Past core.bigFileThreshold git diffs a file as binary: a small value would hide every line.
  '-c', 'core.bigFileThreshold=512m',
  '-c', 'color.ui=false',
  // color.diff outranks color.ui.
  '-c', 'color.diff=false',
  // The user's global attributes file: results do not depend on who runs the tool.
  '-c', 'core.attributesFile=/dev/null',
  '-c', 'diff.noprefix=false',
  '-c', 'diff.mnemonicPrefix=false',
  '-c', 'diff.relative=false',
  '-c', 'diff.algorithm=myers',
  '-c', 'diff.indentHeuristic=true',
  '-c', 'diff.interHunkContext=0',
  '-c', 'diff.suppressBlankEmpty=false',
  '-c', 'diff.ignoreSubmodules=none',
  '-c', 'diff.orderFile=/dev/null',
  // git's default rename limit (1000) silently gives up on large commits; the reference sets this.
  '-c', 'diff.renameLimit=999999',
  '-c', 'log.showRoot=true',
  '-c', 'log.follow=false',
  '-c', 'log.decorate=false',
  '-c', 'log.mailmap=true',
  // A mailmap file named by config is a path outside the repository (a FIFO would hang git). The
  // user's own setting is passed back explicitly by the history scan (git/trusted-config.ts).
  '-c', 'mailmap.file=',
  '-c', 'mailmap.blob=',
  // An empty value clears the list (blame.c); the replay passes its own copy when it wants one.
  '-c', 'blame.ignoreRevsFile=',
  '-c', 'blame.markUnblamableLines=false',
  '-c', 'blame.markIgnoredLines=false',
  // Pack access stays bounded whatever the repository asks for (a tiny window would crawl, a huge
  // delta cache would blow memory): git/git's `git log -M` maps ~400 MB of pack by default.
  '-c', 'core.deltaBaseCacheLimit=32m',
  '-c', 'core.packedGitWindowSize=64m',
  '-c', 'core.packedGitLimit=256m',
];

/** Every diff-producing command: no external diff, no textconv, no colour, fixed prefixes and hunks. */
const DIFF_FLAGS = ['--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '--src-prefix=a/', '--dst-prefix=b/', '--diff-algorithm=myers', '--inter-hunk-context=0'];

/**
 * The subcommands the tool runs, each with the flags it always gets right after its name. A new
 * subcommand must be added here, after checking what it can read, run or write; anything else is
 * refused. `cat-file` never gets `--textconv` or `--filters` (see {@link FORBIDDEN_FLAGS}).
 */
const SUBCOMMAND_FLAGS: Readonly<Record<string, readonly string[]>> = {
  'rev-parse': [],
  // The cache key names the git that produced the results (cache/cache-keys.ts); prints one line.
  version: [],
  // Pull-request mode (check --changed-since): ancestry and the branch point; reads commits only.
  'merge-base': [],
  'rev-list': [],
  'ls-tree': [],
  'cat-file': [],
  'read-tree': [],
  'check-attr': [],
  config: [],
  // Tags for the stewardship lens: reads refs and tag headers only (no signature checking atom is used).
  'for-each-ref': [],
  // log.showRoot=false would drop the root commit's changes; --encoding pins names to UTF-8.
  log: [...DIFF_FLAGS, '--root', '--no-notes', '--encoding=UTF-8', '--no-decorate'],
  'diff-tree': DIFF_FLAGS,
  // blame runs textconv by default (blame.c sets allow_textconv): off.
  blame: ['--no-textconv'],
};

/** Flags that would run a filter or textconv program, or write a file. */
const FORBIDDEN_FLAGS = /^--(textconv|filters|output|ext-diff|output-directory)(=|$)/;

/** The subcommand of an argument list: the first argument that is not a `-c name=value` pair. */
export function subcommandOf(args: readonly string[]): { index: number; name: string | undefined } {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '-c') {
      i += 1;
      continue;
    }
    if (!arg.startsWith('-')) return { index: i, name: arg };
  }
  return { index: -1, name: undefined };
}

/**
 * The full argument list for one git call: `--no-pager`, {@link SAFE_CONFIG}, the caller's own
 * `-c` settings (they may only add to it), the subcommand and its safety flags, then its arguments.
 * Throws InternalError for a subcommand or flag not audited here.
 */
export function safeGitArgs(args: readonly string[]): string[] {
  const { index, name } = subcommandOf(args);
  const flags = name === undefined ? undefined : SUBCOMMAND_FLAGS[name];
  if (name === undefined || flags === undefined || !Object.hasOwn(SUBCOMMAND_FLAGS, name)) {
    throw new InternalError(`git ${name ?? '(no subcommand)'} is not among the subcommands the tool may run`);
  }
  const rest = args.slice(index + 1);
  // Options end at `--` or `--end-of-options` (what follows is a revision or a path).
  const end = rest.findIndex((arg) => arg === '--' || arg === '--end-of-options');
  const options = end === -1 ? rest : rest.slice(0, end);
  const forbidden = options.find((arg) => FORBIDDEN_FLAGS.test(arg));
  if (forbidden) throw new InternalError(`git ${name} ${forbidden} is never run`);
  return ['--no-pager', ...SAFE_CONFIG, ...args.slice(0, index), name, ...flags, ...rest];
}

/**
 * git variables of the user's environment that stay: where the user's own configuration lives and
 * how far repository discovery may go. Every other `GIT_*` variable is dropped: they redirect git
 * to other repositories or object stores (GIT_DIR, GIT_OBJECT_DIRECTORY, …), name programs
 * (GIT_EXTERNAL_DIFF, GIT_SSH_COMMAND, GIT_ASKPASS, …), inject config (GIT_CONFIG_PARAMETERS,
 * GIT_CONFIG_COUNT), re-allow transports (GIT_ALLOW_PROTOCOL), change pathspec magic
 * (GIT_LITERAL_PATHSPECS would make our `:(exclude)` pathspecs literal), or write trace files.
 */
const KEPT_GIT_ENV = new Set(['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM']);

/** Other variables that name programs git (or ssh) would run. */
const DROPPED_ENV = ['PAGER', 'EDITOR', 'VISUAL', 'SSH_ASKPASS'];

/** The environment for a git child process: inherited, minus redirections, plus safety switches. */
export function safeGitEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('GIT_') && !KEPT_GIT_ENV.has(name)) delete env[name];
  for (const name of DROPPED_ENV) delete env[name];
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    // git >= 2.45: never fetch missing objects of a partial clone (older git: protocol.allow above).
    GIT_NO_LAZY_FETCH: '1',
    // The system-wide attributes file: results do not depend on the machine.
    GIT_ATTR_NOSYSTEM: '1',
    // Error messages we summarise are git's English ones.
    LC_ALL: 'C',
    LANGUAGE: '',
    ...extra,
  };
}
