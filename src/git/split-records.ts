/**
 * Splits a byte stream into records on a one-byte delimiter (NUL or LF), across chunk borders.
 * Works on Buffers, never on one big string: git outputs can pass V8's ~512 MiB string limit.
 */
export class RecordSplitter {
  private carry: Buffer | undefined;

  constructor(private readonly delimiter: number) {}

  /** Feeds a chunk; returns the records it completes (views into the chunk where possible). */
  push(chunk: Buffer): Buffer[] {
    const records: Buffer[] = [];
    let start = 0;
    let end = chunk.indexOf(this.delimiter, start);
    if (end === -1) {
      this.carry = this.carry === undefined ? chunk : Buffer.concat([this.carry, chunk]);
      return records;
    }
    if (this.carry !== undefined) {
      records.push(Buffer.concat([this.carry, chunk.subarray(0, end)]));
      this.carry = undefined;
      start = end + 1;
      end = chunk.indexOf(this.delimiter, start);
    }
    while (end !== -1) {
      records.push(chunk.subarray(start, end));
      start = end + 1;
      end = chunk.indexOf(this.delimiter, start);
    }
    if (start < chunk.length) this.carry = Buffer.from(chunk.subarray(start));
    return records;
  }

  /** The unterminated tail, if the stream did not end with a delimiter. */
  end(): Buffer | undefined {
    const rest = this.carry;
    this.carry = undefined;
    return rest !== undefined && rest.length > 0 ? rest : undefined;
  }
}
