import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import { trailersField } from '../../src/engine/isomorphic/trailers.js';
import { LOG_FIELDS } from '../../src/history/log-format.js';

/**
 * The engine's trailer parsing against `git log --format=%(trailers:…)` itself (the placeholder of
 * history/log-format.ts), on messages that probe trailer.c's rules: the last paragraph only, the
 * 25 % rule with a git-generated trailer, continuation lines, comments, a `---` line, the title.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'busfactor-trailers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = isolatedGitEnv({ GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x', GIT_AUTHOR_DATE: '2020-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2020-01-01T00:00:00Z' });
const git = (args: readonly string[], input?: string) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', input }).replace(/\n$/, '');
git(['init', '-q']);
const tree = git(['mktree'], '');
const placeholder = (LOG_FIELDS.find(([field]) => field === 'trailers') as readonly [string, string])[1];

/** What git prints for a commit with this exact message (commit-tree keeps it as given). */
function gitTrailers(message: string): string {
  const commit = git(['commit-tree', tree], message);
  return git(['log', '-1', `--format=${placeholder}`, commit]);
}

const MESSAGES = [
  'title only\n',
  'title\n\nCo-authored-by: A B <a@b>\n',
  'Co-authored-by: In Title <t@x>\n',
  'title\n\nbody line\nCo-authored-by: Mixed In <m@x>\n',
  'title\n\nbody\n\nnot a trailer line\nline two\nline three\nSigned-off-by: S <s@x>\nReviewed-by: R <r@x>\n',
  'title\n\nbody\n\na\nb\nc\nd\ne\nf\nSigned-off-by: S <s@x>\n',
  'title\n\nReviewed-by: Folded\n  Name <f@x>\nAcked-by: Ack <k@x>\n',
  'title\n\nReviewed-by: R <r@x>\n# a comment\nTested-by: T <t@x>\n\n',
  'title\n\n---\nsome patch text\n\nReviewed-by: After Divider <d@x>\n',
  'title\n\nco-authored-by: lower <l@x>\nCO-AUTHORED-BY: upper <u@x>\nReviewed-By : Spaced <s@x>\n',
  'title\n\nReviewed-by: R <r@x>\n\n# ------------------------ >8 ------------------------\nCo-authored-by: Cut <c@x>\n',
  'title\n\nBug: 123\nCo-authored-by: Other <o@x>\n(cherry picked from commit 0123456789abcdef)\n',
  'title\n\nbody\n\n Co-authored-by: Indented <i@x>\n',
  'title\n\nSigned-off-by: One <1@x>\nSigned-off-by: Two <2@x>\nnot a trailer\n',
  'title\r\n\r\nCo-authored-by: Crlf <c@x>\r\n',
  'title\n\nCo-authored-by: No Email\nReviewed-by:\n',
  'title\n\nConflicts:\n\tfile.c\nReviewed-by: After Conflicts <a@x>\n',
];

describe('trailers without git', () => {
  it.each(MESSAGES.map((message, index) => [index + 1, message]))('match git log\'s %(trailers) (message %i)', (_index, message) => {
    expect(trailersField(message as string)).toBe(gitTrailers(message as string));
  });
});
