import { CatFileBatch } from '../git/cat-file-batch.js';
import { readTreeFile } from '../git/read-tree-file.js';
import { commitMailmapBlob, resolveCommit, type Repository, type RepositoryFacts } from '../git/repo.js';
import { runGit } from '../git/run-git.js';
import { listTree } from '../files/list-tree.js';
import { readAttributes } from '../files/read-attributes.js';
import { readBlobs } from '../files/read-blobs.js';
import { scanWithFallback } from '../history/scan-with-fallback.js';
import { readTagRefs, readTags } from '../stewardship/read-tags.js';
import type { RepositoryReader } from './repository-reader.js';

let gitVersion: Promise<string> | undefined;

/**
 * The reader of a machine with git: every question goes to git's plumbing through the one wrapper
 * of git/run-git.ts (docs/safety.md). This is the engine every result of the README is measured with.
 */
export function withGitReader(facts: RepositoryFacts): Repository {
  const repo = { ...facts } as { -readonly [K in keyof Repository]: Repository[K] };
  const { cwd } = facts;
  const reader: RepositoryReader = {
    engine: 'git',
    // `git version` once per process: another git can detect renames or parse dates differently.
    version: (signal) => (gitVersion ??= runGit({ cwd, args: ['version'], signal }).then(({ stdout }) => stdout.toString('utf8').trim())),
    resolveCommit: (revision, signal) => resolveCommit(repo, revision, signal),
    countCommits: async (head, since, signal) => {
      // At low priority, beside the scan: only the progress line's estimate waits for it.
      const { stdout } = await runGit({ cwd, args: ['rev-list', '--count', head, ...(since ? [`^${since}`] : []), '--'], signal, background: true });
      return Number(stdout.toString('utf8').trim());
    },
    isAncestor: async (ancestor, head, signal) => {
      const { code } = await runGit({ cwd, args: ['merge-base', '--is-ancestor', ancestor, head], okCodes: [0, 1, 128], signal });
      return code === 0;
    },
    commitsPresent: async (oids, signal) => {
      const { stdout } = await runGit({ cwd, args: ['cat-file', '--batch-check=%(objectname) %(objecttype)'], input: `${oids.join('\n')}\n`, signal });
      const present = new Set<string>();
      for (const line of stdout.toString('latin1').split('\n')) {
        const [oid, type] = line.split(' ');
        if (oid && type === 'commit') present.add(oid);
      }
      return present;
    },
    scanHistory: ({ head, pass, signal, onCommits, onTotal, since, mayParallelize }) =>
      scanWithFallback(repo, head, pass, signal, onCommits, since, mayParallelize ?? true, onTotal && { onTotal, count: () => reader.countCommits(head, since, signal) }),
    listTree: (commit, signal) => listTree(repo, commit, signal),
    readAttributes: (commit, paths, signal) => readAttributes(repo, commit, paths, signal),
    readBlobs: (requests, handle, signal) => readBlobs(repo, requests, handle, signal),
    openBlobReader: () => {
      let batch: CatFileBatch | undefined;
      return {
        read: async (oid) => {
          batch ??= new CatFileBatch(cwd);
          return (await batch.read(oid)).content;
        },
        close: () => batch?.close(),
      };
    },
    readTreeFile: (commit, path, options) => readTreeFile(repo, commit, path, options),
    mailmapBlob: (commit, signal) => commitMailmapBlob(repo, commit, signal),
    readTags: (signal) => readTags(repo, signal),
    readTagRefs: (signal) => readTagRefs(repo, signal),
    readReplaceRefs: async (signal) => (await runGit({ cwd, args: ['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/replace/'], signal })).stdout.toString('utf8'),
  };
  repo.reader = reader;
  return repo;
}
