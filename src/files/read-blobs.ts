import { CancelledError } from '../errors.js';
import { CatFileBatch, type BatchObject } from '../git/cat-file-batch.js';
import type { Repository } from '../git/repo.js';

/** A blob to read: its id and size (from ls-tree), to bound the bytes in flight. */
export interface BlobRequest {
  readonly oid: string;
  /** Undefined when unknown (a missing object). */
  readonly size: number | undefined;
}

/** Reads answered but not yet handled stay under these bounds (git answers in order). */
const MAX_IN_FLIGHT = 256;
const MAX_BYTES_IN_FLIGHT = 16 * 1024 * 1024;

/**
 * Reads blobs through one `git cat-file --batch` and hands each to `handle` in request order;
 * `undefined` content = the object is missing (a mirror without large blobs, a partial clone).
 * Requests are pipelined a window ahead so that git never waits for us.
 */
export async function readBlobs<T extends BlobRequest>(
  repo: Repository,
  requests: readonly T[],
  handle: (request: T, content: Buffer | undefined) => void,
  signal?: AbortSignal,
): Promise<void> {
  if (requests.length === 0) return;
  const batch = new CatFileBatch(repo.cwd);
  const pending: Promise<BatchObject>[] = [];
  let next = 0;
  let bytes = 0;
  try {
    for (let done = 0; done < requests.length; done += 1) {
      while (next < requests.length && pending.length < MAX_IN_FLIGHT && (pending.length === 0 || bytes < MAX_BYTES_IN_FLIGHT)) {
        const request = requests[next++] as T;
        const read = batch.read(request.oid);
        read.catch(() => {}); // awaited below; a failure after an early exit must not go unhandled
        pending.push(read);
        bytes += request.size ?? 0;
      }
      const object = await (pending.shift() as Promise<BatchObject>);
      if (signal?.aborted) throw new CancelledError();
      const request = requests[done] as T;
      bytes -= request.size ?? 0;
      handle(request, object.content);
    }
  } finally {
    batch.close();
  }
}
