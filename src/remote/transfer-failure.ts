import { summariseGitStderr } from '../git/run-git.js';

/**
 * git's reasons for a failed clone or fetch, in a few words (docs/remote.md#errors). git's own
 * line follows in brackets; its messages are English because every git call runs with LC_ALL=C.
 * The first pattern that matches wins: "could not read Username … terminal prompts disabled" is a
 * question of authentication, not of a missing repository.
 */
const REASONS: readonly { readonly pattern: RegExp; readonly reason: string; readonly hint?: string }[] = [
  { pattern: /no data for \d+ s/, reason: 'the server stopped answering' },
  {
    pattern: /could not read (Username|Password)|Authentication failed|terminal prompts disabled|Permission denied \(|HTTP Basic: Access denied|returned error: 401|Invalid username or password/i,
    reason: 'authentication needed (or refused)',
    hint: 'a private repository needs your credential helper, an ssh key in your agent, or https://user:token@host/… (docs/remote.md#credentials)',
  },
  { pattern: /Host key verification failed/i, reason: 'the server\'s ssh host key is not known', hint: 'connect once with ssh to check and accept it, then run busfactor again' },
  { pattern: /Could not resolve host|unable to look up|Name or service not known|nodename nor servname|Temporary failure in name resolution|No address associated with hostname/i, reason: 'unknown host' },
  { pattern: /Connection refused/i, reason: 'connection refused' },
  { pattern: /timed out/i, reason: 'connection timed out' },
  // curl's words for a refused connection (`Failed to connect to h port 1 after 0 ms: Couldn't connect to server`).
  { pattern: /Couldn't connect to server/i, reason: 'connection refused' },
  { pattern: /Network is unreachable|No route to host/i, reason: 'network unreachable' },
  { pattern: /SSL certificate problem|server certificate verification failed|certificate/i, reason: 'the server\'s TLS certificate is not trusted' },
  { pattern: /returned error: 403|\b403\b/i, reason: 'access denied (HTTP 403)' },
  {
    pattern: /not found|does not appear to be a git repository|repository not exported|not a git repository|No such file or directory|does not exist/i,
    reason: 'repository not found (or no access to it)',
  },
];

export interface TransferFailure {
  readonly reason: string;
  readonly hint: string | undefined;
}

/**
 * The short reason for git's stderr, with git's (or ssh's) own line that gave it away: for ssh that
 * is ssh's line (`ssh: Could not resolve hostname …`), not git's `Could not read from remote repository`.
 */
export function describeTransferFailure(stderr: string): TransferFailure {
  const text = stderr.replace(/\r/g, '\n');
  const known = REASONS.find((entry) => entry.pattern.test(text));
  if (!known) return { reason: summariseGitStderr(text) ?? 'git failed', hint: undefined };
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const matching = lines.filter((line) => known.pattern.test(line));
  const telling = matching.find((line) => /^(fatal|error):/.test(line)) ?? matching.find((line) => /^(ssh|remote):/.test(line)) ?? summariseGitStderr(text);
  const gitLine = telling?.replace(/^(fatal|error):\s*/, '');
  return { reason: gitLine ? `${known.reason} (git: ${gitLine})` : known.reason, hint: known.hint };
}
