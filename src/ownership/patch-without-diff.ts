import type { BlobDiffer } from './blob-differ.js';
import type { CommitPatch, FilePatch } from './parse-patch.js';
import type { CommitRaw, RawChange } from './parse-raw.js';

const isZero = (oid: string) => /^0+$/.test(oid);

/**
 * A raw change as a patch git could not give (`diff-tree -p` died on a missing object): its lines
 * are unknown — except an exact rename (the same blob under a new name), whose lines are the
 * source's.
 */
export function unknownPatch(change: RawChange): FilePatch {
  const kind = change.status === 'A' ? 'add' : change.status === 'D' ? 'delete' : change.status === 'R' ? 'rename' : change.status === 'C' ? 'copy' : 'modify';
  return {
    kind,
    oldPath: change.oldPath,
    path: change.path,
    oldOid: change.oldOid,
    newOid: change.newOid,
    binary: false,
    unreadable: !(kind === 'rename' && change.oldOid === change.newOid),
    submodule: change.newMode === '160000' || change.oldMode === '160000',
    hunks: [],
  };
}

/** A commit's raw changes as the patch git could not give. */
export function unknownCommitPatch(raw: CommitRaw): CommitPatch {
  return { oid: raw.oid, files: raw.changes.map(unknownPatch) };
}

/**
 * The patch of a commit of a partial clone that needs objects it lacks, as far as the objects it
 * has allow: files whose blobs are all there get their line diffs from the BlobDiffer, one by one;
 * the rest stay unknown. A new file counts as new only when the commit deletes nothing: otherwise it
 * may be an inexact rename that `-M100%` cannot see, and its lines are left unknown rather than
 * given to the commit.
 */
export async function patchFromPresentBlobs(raw: CommitRaw, differ: BlobDiffer, missing: ReadonlySet<string>): Promise<CommitPatch> {
  const deletes = raw.changes.some((change) => change.status === 'D');
  const present = (oid: string) => !isZero(oid) && !missing.has(oid);
  const files = await Promise.all(
    raw.changes.map(async (change): Promise<FilePatch> => {
      const patch = unknownPatch(change);
      if (!patch.unreadable || patch.submodule) return patch;
      let hunks: readonly number[] | null = null;
      if (change.status === 'M' && present(change.oldOid) && present(change.newOid)) hunks = await differ.diff(change.oldOid, change.newOid);
      else if (change.status === 'A' && !deletes && present(change.newOid)) hunks = await differ.diff(differ.emptyBlob, change.newOid);
      return hunks === null ? patch : { ...patch, unreadable: false, hunks };
    }),
  );
  return { oid: raw.oid, files };
}
