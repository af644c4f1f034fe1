import { describe, expect, it } from 'vitest';
import { describeTransferFailure } from '../../src/remote/transfer-failure.js';

/** git's own messages (LC_ALL=C, git 2.39) for each way a clone fails, and what busfactor says. */
const CASES: readonly [string, string][] = [
  ["fatal: unable to access 'https://nohost.invalid/x/': Could not resolve host: nohost.invalid\n", "unknown host (git: unable to access 'https://nohost.invalid/x/': Could not resolve host: nohost.invalid)"],
  ['fatal: unable to look up nohost.invalid (port 9418) (Name or service not known)\n', 'unknown host (git: unable to look up nohost.invalid (port 9418) (Name or service not known))'],
  ['ssh: Could not resolve hostname nohost.invalid: Name or service not known\r\nfatal: Could not read from remote repository.\n', 'unknown host (git: ssh: Could not resolve hostname nohost.invalid: Name or service not known)'],
  ['fatal: unable to connect to 127.0.0.1:\n127.0.0.1[0: 127.0.0.1]: errno=Connection refused\n', 'connection refused (git: unable to connect to 127.0.0.1:)'],
  ["fatal: unable to access 'https://127.0.0.1:1/x.git/': Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server\n", "connection refused (git: unable to access 'https://127.0.0.1:1/x.git/': Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server)"],
  ["fatal: repository 'https://example.com/x.git/' not found\n", "repository not found (or no access to it) (git: repository 'https://example.com/x.git/' not found)"],
  ['fatal: remote error: access denied or repository not exported: /x.git\n', 'repository not found (or no access to it) (git: remote error: access denied or repository not exported: /x.git)'],
  ["fatal: '/srv/x' does not appear to be a git repository\nfatal: Could not read from remote repository.\n", "repository not found (or no access to it) (git: '/srv/x' does not appear to be a git repository)"],
  ["fatal: could not read Username for 'https://example.com': terminal prompts disabled\n", "authentication needed (or refused) (git: could not read Username for 'https://example.com': terminal prompts disabled)"],
  ["remote: Invalid username or password.\nfatal: Authentication failed for 'https://example.com/x.git/'\n", "authentication needed (or refused) (git: Authentication failed for 'https://example.com/x.git/')"],
  ['git@example.com: Permission denied (publickey).\r\nfatal: Could not read from remote repository.\n', 'authentication needed (or refused) (git: Could not read from remote repository.)'],
  ['Host key verification failed.\r\nfatal: Could not read from remote repository.\n', "the server's ssh host key is not known (git: Could not read from remote repository.)"],
  ["fatal: unable to access 'https://example.com/x/': SSL certificate problem: self-signed certificate\n", "the server's TLS certificate is not trusted (git: unable to access 'https://example.com/x/': SSL certificate problem: self-signed certificate)"],
  ["fatal: unable to access 'https://example.com/x/': The requested URL returned error: 403\n", "access denied (HTTP 403) (git: unable to access 'https://example.com/x/': The requested URL returned error: 403)"],
  ['fatal: something new\n', 'something new'],
];

describe('describeTransferFailure', () => {
  for (const [stderr, expected] of CASES) {
    it(expected.split(' (git')[0] as string, () => expect(describeTransferFailure(stderr).reason).toBe(expected));
  }
  it('authentication failures carry a hint on how to give credentials', () => {
    expect(describeTransferFailure("fatal: could not read Username for 'https://x': terminal prompts disabled\n").hint).toMatch(/credential helper.*docs\/remote\.md#credentials/);
  });
});
