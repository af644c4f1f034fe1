import { inflateSync } from 'node:zlib';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { GitObject } from './object-store.js';

const TYPES = ['', 'commit', 'tree', 'blob', 'tag', '', 'ofs_delta', 'ref_delta'] as const;
const OFS_DELTA = 6;
const REF_DELTA = 7;

/** Inflated objects kept for delta chains, bounded like git's core.deltaBaseCacheLimit (pinned 32m for git). */
const BASE_CACHE_BYTES = 64 * 1024 * 1024;

/** One pack: its index (sorted ids, offsets) and the pack's bytes. */
interface Pack {
  readonly file: string;
  readonly count: number;
  readonly fanout: Uint32Array;
  readonly ids: Buffer;
  readonly offsets: Float64Array;
  /** Offsets in ascending order: an entry's compressed data ends where the next entry starts. */
  readonly sortedOffsets: Float64Array;
  data: Promise<Buffer> | undefined;
}

/** git's delta format (patch-delta.c): the result's size, then copy-from-base and insert instructions. */
export function applyDelta(delta: Buffer, base: Buffer): Buffer {
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = delta[at++] as number;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const baseSize = varint();
  if (baseSize !== base.length) throw new Error('delta base size mismatch');
  const out = Buffer.allocUnsafe(varint());
  let written = 0;
  while (at < delta.length) {
    const op = delta[at++] as number;
    if (op & 0x80) {
      let offset = 0;
      let size = 0;
      for (let i = 0; i < 4; i += 1) if (op & (1 << i)) offset += (delta[at++] as number) * 2 ** (8 * i);
      for (let i = 0; i < 3; i += 1) if (op & (0x10 << i)) size += (delta[at++] as number) * 2 ** (8 * i);
      if (size === 0) size = 0x10000;
      if (offset + size > base.length || written + size > out.length) throw new Error('delta copies past its base');
      base.copy(out, written, offset, offset + size);
      written += size;
    } else if (op > 0) {
      if (written + op > out.length || at + op > delta.length) throw new Error('delta inserts past its end');
      delta.copy(out, written, at, at + op);
      written += op;
      at += op;
    } else throw new Error('delta opcode 0');
  }
  if (written !== out.length) throw new Error('delta result size mismatch');
  return out;
}

/**
 * git's pack files read directly (pack-format.txt: index v2, pack v2/v3), with Node's own zlib and a
 * bounded cache of delta bases: isomorphic-git's reader inflates in JavaScript and keeps every
 * object it ever read, which on git/git's history is minutes and gigabytes. Objects are looked up
 * in the index, their delta chains resolved (`ofs` and `ref` deltas), and checked against the size
 * the pack states.
 */
export class PackReader {
  private packs: Promise<Pack[]> | undefined;
  private readonly bases = new Map<string, GitObject>();
  private baseBytes = 0;

  constructor(
    private readonly objects: string,
    private readonly readRegularFile: (file: string) => Promise<Buffer>,
  ) {}

  /** The object, or undefined when no pack has it. */
  async read(oid: string, depth = 0): Promise<GitObject | undefined> {
    const id = Buffer.from(oid, 'hex');
    for (const pack of await this.loadPacks()) {
      const index = this.find(pack, id);
      if (index >= 0) return this.readAt(pack, pack.offsets[index] as number, depth);
    }
    return undefined;
  }

  private loadPacks(): Promise<Pack[]> {
    this.packs ??= (async () => {
      const folder = path.join(this.objects, 'pack');
      const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.idx')).sort();
      const packs: Pack[] = [];
      for (const name of names) packs.push(parseIndex(path.join(folder, name.replace(/\.idx$/, '.pack')), await this.readRegularFile(path.join(folder, name))));
      return packs;
    })();
    return this.packs;
  }

  /** Binary search of the index's sorted ids, narrowed by the fan-out table. */
  private find(pack: Pack, id: Buffer): number {
    const first = id[0] as number;
    let low = first === 0 ? 0 : (pack.fanout[first - 1] as number);
    let high = pack.fanout[first] as number;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = pack.ids.compare(id, 0, 20, middle * 20, middle * 20 + 20);
      if (order === 0) return middle;
      if (order > 0) high = middle;
      else low = middle + 1;
    }
    return -1;
  }

  private async readAt(pack: Pack, offset: number, depth: number): Promise<GitObject> {
    const key = `${pack.file}\0${offset}`;
    const cached = this.bases.get(key);
    if (cached) {
      this.bases.delete(key);
      this.bases.set(key, cached);
      return cached;
    }
    if (depth > 10_000) throw new Error('delta chain too deep');
    pack.data ??= this.readRegularFile(pack.file);
    const data = await pack.data;
    let at = offset;
    let byte = data[at++] as number;
    const type = (byte >> 4) & 7;
    let size = byte & 15;
    let shift = 4;
    while (byte & 0x80) {
      byte = data[at++] as number;
      size += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    }
    let base: GitObject | undefined;
    if (type === OFS_DELTA) {
      byte = data[at++] as number;
      let back = byte & 0x7f;
      while (byte & 0x80) {
        byte = data[at++] as number;
        back = (back + 1) * 128 + (byte & 0x7f);
      }
      base = await this.readAt(pack, offset - back, depth + 1);
    } else if (type === REF_DELTA) {
      const baseId = data.toString('hex', at, at + 20);
      at += 20;
      base = await this.read(baseId, depth + 1);
      if (!base) throw new Error(`delta base ${baseId} is missing`);
    }
    const end = this.nextOffset(pack, offset, data.length - 20);
    const inflated = inflateSync(data.subarray(at, end));
    if (inflated.length !== size) throw new Error(`object at ${offset} of ${path.basename(pack.file)} inflates to ${inflated.length} bytes, not ${size}`);
    const name = TYPES[type];
    const object: GitObject = base ? { type: base.type, content: applyDelta(inflated, base.content) } : { type: name ?? '', content: inflated };
    if (!base && (name === '' || name === undefined)) throw new Error(`unknown object type ${type} at ${offset}`);
    this.remember(key, object);
    return object;
  }

  private nextOffset(pack: Pack, offset: number, packEnd: number): number {
    const sorted = pack.sortedOffsets;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as number) <= offset) low = middle + 1;
      else high = middle;
    }
    return low < sorted.length ? (sorted[low] as number) : packEnd;
  }

  private remember(key: string, object: GitObject): void {
    if (object.content.length > BASE_CACHE_BYTES / 16) return;
    this.bases.set(key, object);
    this.baseBytes += object.content.length;
    while (this.baseBytes > BASE_CACHE_BYTES) {
      const [oldest, value] = this.bases.entries().next().value as [string, GitObject];
      this.bases.delete(oldest);
      this.baseBytes -= value.content.length;
    }
  }
}

/** A version 2 pack index: magic, version, fan-out, ids, CRCs, 31-bit offsets and the large ones. */
function parseIndex(packFile: string, idx: Buffer): Pack {
  if (idx.readUInt32BE(0) !== 0xff744f63 || idx.readUInt32BE(4) !== 2) throw new Error(`${path.basename(packFile)}: not a version 2 pack index`);
  const fanout = new Uint32Array(256);
  for (let i = 0; i < 256; i += 1) fanout[i] = idx.readUInt32BE(8 + i * 4);
  const count = fanout[255] as number;
  const idsAt = 8 + 256 * 4;
  const ids = idx.subarray(idsAt, idsAt + count * 20);
  const smallAt = idsAt + count * 20 + count * 4;
  const largeAt = smallAt + count * 4;
  const offsets = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    const small = idx.readUInt32BE(smallAt + i * 4);
    offsets[i] = small & 0x80000000 ? Number(idx.readBigUInt64BE(largeAt + (small & 0x7fffffff) * 8)) : small;
  }
  const sortedOffsets = Float64Array.from(offsets).sort();
  return { file: packFile, count, fanout, ids, offsets, sortedOffsets, data: undefined };
}
