import type { CommitRecord } from '../../history/commit-record.js';
import { parseEpochSeconds, parseTrailers } from '../../history/parse-log.js';
import type { HistoryResult } from '../../history/scan-with-fallback.js';
import type { HistoryScanRequest } from '../repository-reader.js';
import { ancestorsOf, walkCommits, type CommitReader, type WalkedCommit } from './commit-walk.js';
import { splitIdent } from './ident.js';
import type { Mailmap } from './mailmap.js';
import { commitChanges, type TreeSource } from './tree-diff.js';
import { trailersField } from './trailers.js';

export interface IsomorphicScanInput {
  readonly commits: CommitReader;
  readonly trees: TreeSource;
  /** The mailmap for this head (the work tree's, or the commit's own in a bare repository, then the user's file). */
  readonly mailmap: (head: string) => Promise<Mailmap>;
  /** The reader's count of the commits to scan (the request's `onTotal`). */
  readonly count: (head: string, since: string | undefined, signal: AbortSignal | undefined) => Promise<number>;
}

const UTF8 = /^utf-?8$/i;

/** A header's or the message's bytes as text, re-encoded from the commit's `encoding` as `git log --encoding=UTF-8` does. */
function decoder(encoding: string | undefined): (bytes: Buffer) => string {
  if (encoding === undefined || UTF8.test(encoding)) return (bytes) => bytes.toString('utf8');
  try {
    const decode = new TextDecoder(encoding);
    return (bytes) => decode.decode(bytes);
  } catch {
    // An encoding git could not convert from either: the bytes as they are.
    return (bytes) => bytes.toString('utf8');
  }
}

/** The (name, email, digits of the date) `%aN %aE %at` print for an ident line. */
function person(line: Buffer | undefined, decode: (bytes: Buffer) => string, mailmap: Mailmap): { name: string; email: string; time: number | undefined } {
  const ident = line === undefined ? undefined : splitIdent(decode(line));
  if (!ident) return { name: '', email: '', time: undefined };
  const mapped = mailmap.map(ident.name, ident.email);
  return { ...mapped, time: parseEpochSeconds(ident.date) };
}

/** One walked commit as the git engine's log parser would have given it (history/commit-record.ts). */
async function toRecord(commit: WalkedCommit, input: IsomorphicScanInput, mailmap: Mailmap): Promise<CommitRecord> {
  const decode = decoder(commit.encoding);
  const author = person(commit.author, decode, mailmap);
  const committer = person(commit.committer, decode, mailmap);
  const { coAuthors, reviewers } = parseTrailers(trailersField(decode(commit.message)));
  const parents = commit.walkParents;
  // Merges carry no changes (--diff-merges=off); a root (or shallow boundary) commit is diffed against the empty tree.
  let changes: CommitRecord['changes'] = [];
  if (parents.length <= 1) {
    const parentTree = parents.length === 1 ? (await input.commits.read(parents[0] as string)).tree : undefined;
    changes = await commitChanges(parentTree, commit.tree, input.trees);
  }
  return {
    oid: commit.oid,
    authorName: author.name,
    authorEmail: author.email,
    authorTime: author.time,
    committerName: committer.name,
    committerEmail: committer.email,
    committerTime: committer.time,
    parents,
    coAuthors,
    reviewers,
    changes,
  };
}

/**
 * The history pass without git (docs/engine.md): the same commits in the same order as `git log`,
 * the same fields, changes against the first parent with exact renames only.
 */
export async function scanHistoryWithoutGit(input: IsomorphicScanInput, request: HistoryScanRequest): Promise<HistoryResult> {
  const { head, pass, signal, onCommits, since } = request;
  if (request.onTotal) input.count(head, since, signal).then(request.onTotal, () => {});
  const mailmap = await input.mailmap(head);
  const exclude = since ? await ancestorsOf(input.commits, since, signal) : undefined;
  let lastReport = 0;
  for await (const commit of walkCommits(input.commits, head, { signal, ...(exclude ? { exclude } : {}) })) {
    pass.consume(await toRecord(commit, input, mailmap));
    if (pass.commits - lastReport >= 500) {
      lastReport = pass.commits;
      onCommits(pass.commits);
    }
  }
  return { renames: 'exact', warnings: [] };
}
