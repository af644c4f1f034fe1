import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';

/**
 * One cache file (docs/cache.md, "File format"):
 *
 *     "BUSFACTOR-CACHE\n"  magic, 16 bytes
 *     u32 format version   (FILE_FORMAT)
 *     u32 metadata length, metadata as UTF-8 JSON
 *     u32 payload length (compressed), payload: deflate-raw of v8.serialize(value)
 *     32 bytes SHA-256 of everything before it
 *
 * The checksum catches truncation and bit rot; the metadata says what the file is without
 * inflating the payload (`busfactor cache info`). Files are written to a temporary name in the
 * same folder and renamed over the target, so a reader sees the old file or the new one, never
 * half of one, and two runs storing the same entry cannot corrupt it.
 */
const MAGIC = Buffer.from('BUSFACTOR-CACHE\n', 'latin1');
export const FILE_FORMAT = 1;
const DIGEST = 32;
/** Magic, format version, metadata length. */
const HEADER = MAGIC.length + 8;

export interface CacheMeta {
  /** `state` (analysis states), `facts` (the commits a trend replays) or `report` (a finished report). */
  readonly kind: 'state' | 'facts' | 'report';
  readonly head: string;
  readonly stateKey: string;
  readonly repoKey: string;
  readonly toolVersion: string;
  /** ISO 8601, when the entry was written. */
  readonly createdAt: string;
  /** The analysed repository's folder when it was written: shown by `cache info`, never a key. */
  readonly repository: string;
  readonly commits: number;
}

/** Why a file could not be used; the caller warns and treats it as absent. */
export class CacheFileError extends Error {}

/** Writes `value` atomically, readable by this user only. */
export async function writeCacheFile(file: string, meta: CacheMeta, value: unknown): Promise<number> {
  return writeEncoded(file, await encodeCacheFile(meta, value));
}

const deflate = promisify(deflateRaw);
// Off the main thread (libuv's pool): an explorer already on screen stays responsive while a
// trend's facts file, the largest, is read.
const inflate = promisify(inflateRaw);
/**
 * zlib's output chunk: node goes back to the main thread after each one, and with its default of
 * 16 KiB git/git's 7.6 MB of states took 137 ms to inflate instead of 33 ms.
 */
const CHUNK = 1 << 20;

/**
 * The file's bytes, in parts. The value is serialised before this returns (the caller may go on
 * changing it); the compression runs on libuv's thread pool, beside whatever the caller does next.
 */
export async function encodeCacheFile(meta: CacheMeta, value: unknown): Promise<Buffer[]> {
  const body = serialize(value);
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const payload = await deflate(body, { level: 1, chunkSize: CHUNK });
  const head = Buffer.alloc(HEADER);
  MAGIC.copy(head, 0);
  head.writeUInt32LE(FILE_FORMAT, MAGIC.length);
  head.writeUInt32LE(metaBytes.length, MAGIC.length + 4);
  const payloadLength = Buffer.alloc(4);
  payloadLength.writeUInt32LE(payload.length, 0);
  const digest = createHash('sha256').update(head).update(metaBytes).update(payloadLength).update(payload).digest();
  return [head, metaBytes, payloadLength, payload, digest];
}

/** {@link encodeCacheFile}'s parts to `file`: a temporary file in the same folder, renamed over it. */
export async function writeEncoded(file: string, parts: readonly Buffer[]): Promise<number> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writev([...parts]);
    await handle.close();
    await rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
  return parts.reduce((sum, part) => sum + part.length, 0);
}

/** The whole file, checked: magic, version, lengths and checksum. */
async function readChecked(file: string): Promise<{ meta: CacheMeta; payload: Buffer }> {
  const handle = await open(file, 'r');
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  if (bytes.length < HEADER + 4 + DIGEST || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new CacheFileError('not a busfactor cache file');
  const version = bytes.readUInt32LE(MAGIC.length);
  if (version !== FILE_FORMAT) throw new CacheFileError(`cache file format ${version}, this version reads ${FILE_FORMAT}`);
  const metaLength = bytes.readUInt32LE(MAGIC.length + 4);
  const metaStart = HEADER;
  const payloadLengthAt = metaStart + metaLength;
  if (payloadLengthAt + 4 > bytes.length - DIGEST) throw new CacheFileError('truncated');
  const payloadLength = bytes.readUInt32LE(payloadLengthAt);
  const end = payloadLengthAt + 4 + payloadLength;
  if (end + DIGEST !== bytes.length) throw new CacheFileError('truncated');
  const digest = createHash('sha256').update(bytes.subarray(0, end)).digest();
  if (!digest.equals(bytes.subarray(end))) throw new CacheFileError('checksum mismatch');
  let meta: CacheMeta;
  try {
    meta = JSON.parse(bytes.subarray(metaStart, payloadLengthAt).toString('utf8')) as CacheMeta;
  } catch {
    throw new CacheFileError('unreadable metadata');
  }
  return { meta, payload: bytes.subarray(payloadLengthAt + 4, end) };
}

/** The metadata only (still checksummed: a damaged file is reported as such). */
export async function readCacheMeta(file: string): Promise<CacheMeta> {
  return (await readChecked(file)).meta;
}

/** The metadata and the stored value. */
export async function readCacheFile(file: string): Promise<{ meta: CacheMeta; value: unknown }> {
  const { meta, payload } = await readChecked(file);
  try {
    return { meta, value: deserialize(await inflate(payload, { chunkSize: CHUNK })) };
  } catch {
    throw new CacheFileError('payload does not decode');
  }
}
