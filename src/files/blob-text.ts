/** How much of a blob Linguist loads: LazyBlob::MAX_SIZE (lazy_blob.rb). */
export const LOADED_BYTES = 128 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/**
 * A blob's content as Linguist's strategies and generated.rb see it: the first 128 KiB, one
 * character per byte (Ruby reads blobs as binary strings, so its regexes match bytes; latin1
 * decoding gives JavaScript the same view). Pieces are decoded on demand: most files only need
 * a few lines from each end, and decoding every blob whole cost more than classifying it.
 */
export class BlobText {
  /** The loaded bytes. */
  readonly bytes: Buffer;
  private decoded: string | undefined;
  private newlineCount: number | undefined;

  constructor(content: Buffer) {
    this.bytes = content.subarray(0, LOADED_BYTES);
  }

  /** All loaded bytes as text. */
  get data(): string {
    this.decoded ??= this.bytes.toString('latin1');
    return this.decoded;
  }

  /** The first `length` bytes as text. */
  head(length: number): string {
    return this.decoded?.slice(0, length) ?? this.bytes.toString('latin1', 0, Math.min(length, this.bytes.length));
  }

  /** Length of generated.rb's `lines` (`data.split("\n", -1)`): 0 for no data. */
  get lineCount(): number {
    if (this.bytes.length === 0) return 0;
    if (this.newlineCount === undefined) {
      let count = 0;
      for (let at = this.bytes.indexOf(LF); at !== -1; at = this.bytes.indexOf(LF, at + 1)) count += 1;
      this.newlineCount = count;
    }
    return this.newlineCount + 1;
  }

  /** `lines[i]` of generated.rb's `lines`; negative from the end; '' when out of range (Ruby: nil). */
  line(index: number): string {
    const bytes = this.bytes;
    if (index >= 0) {
      let start = 0;
      for (let n = 0; n < index; n += 1) {
        const next = bytes.indexOf(LF, start);
        if (next === -1) return '';
        start = next + 1;
      }
      const end = bytes.indexOf(LF, start);
      return bytes.length === 0 ? '' : bytes.toString('latin1', start, end === -1 ? bytes.length : end);
    }
    if (-index > this.lineCount) return '';
    let end = bytes.length;
    for (let n = -1; n > index; n -= 1) end = bytes.lastIndexOf(LF, end - 1);
    const start = end === 0 ? 0 : bytes.lastIndexOf(LF, end - 1) + 1;
    return bytes.toString('latin1', start, end);
  }

  /** `lines.first(n)` of generated.rb's `lines`. */
  headLines(n: number): string[] {
    const lines: string[] = [];
    let start = 0;
    while (lines.length < n && start <= this.bytes.length && this.bytes.length > 0) {
      const end = this.bytes.indexOf(LF, start);
      lines.push(this.bytes.toString('latin1', start, end === -1 ? this.bytes.length : end));
      if (end === -1) break;
      start = end + 1;
    }
    return lines;
  }

  /** generated.rb's `lines`, whole. */
  get lines(): string[] {
    return this.lineCount === 0 ? [] : this.data.split('\n');
  }

  /**
   * BlobHelper#first_lines (breaks: "\r\n", "\r", "\n"): the text up to the n-th line break,
   * split. Quirk kept: a last line without a line break is left out.
   */
  firstLines(n: number): string[] {
    const bytes = this.bytes;
    let end = 0;
    for (let count = 0; count < n; count += 1) {
      let at = end;
      while (at < bytes.length && bytes[at] !== LF && bytes[at] !== CR) at += 1;
      if (at === bytes.length) break;
      end = at + (bytes[at] === CR && bytes[at + 1] === LF ? 2 : 1);
    }
    return end === 0 ? [] : bytes.toString('latin1', 0, end).split(/\r\n|\r|\n/);
  }

  /**
   * BlobHelper#last_lines, step by step: a final line break does not count, and (quirk kept)
   * the first line of the file is never among them.
   */
  lastLines(n: number): string[] {
    const bytes = this.bytes;
    let limit = n;
    let noEol = true;
    let i = bytes.length;
    let k = i;
    for (let count = 0; count < limit && i > 0; count += 1) {
      // data.rindex(encoded_newlines_re, i - 1): the last break starting at or before i - 1.
      let j = i - 1;
      while (j >= 0 && bytes[j] !== LF && bytes[j] !== CR) j -= 1;
      if (j < 0) break;
      const length = bytes[j] === CR && bytes[j + 1] === LF ? 2 : 1;
      if (count === 0 && j + length === i) {
        noEol = false;
        limit += 1;
      }
      i = j;
      k = j + length;
    }
    const lines = k === bytes.length ? [] : bytes.toString('latin1', k).split(/\r\n|\r|\n/);
    if (!noEol) lines.pop();
    return lines;
  }
}
