import { RecordSplitter } from '../git/split-records.js';

/** One entry of `git diff-tree --raw -z --no-abbrev`: paths and blob ids, no content. */
export interface RawChange {
  /** A, M, D, R, C, T (and U/X, never seen here). */
  readonly status: string;
  readonly oldMode: string;
  readonly newMode: string;
  readonly oldOid: string;
  readonly newOid: string;
  /** Source path (renames, copies), else the path. */
  readonly oldPath: string;
  readonly path: string;
}

export interface CommitRaw {
  readonly oid: string;
  readonly changes: readonly RawChange[];
}

/**
 * Folds NUL-separated tokens of `git diff-tree --stdin --always -z --raw` into per-input-line
 * change lists: a header token (the echoed id), then per change a `:mode mode oid oid STATUS`
 * token and one path (two for R and C). Paths are taken by position, so any byte in them is fine.
 */
export class RawParser {
  /** @param terminator the echo of an input line that only marks the end of a batch (see PatchParser). */
  constructor(private readonly terminator?: string) {}

  private current: { oid: string; changes: RawChange[] } | undefined;
  private meta: string[] | undefined;
  private paths: string[] = [];
  private pathsWanted = 0;

  push(tokens: readonly Buffer[]): CommitRaw[] {
    const done: CommitRaw[] = [];
    for (const token of tokens) {
      if (this.pathsWanted > 0) {
        this.paths.push(token.toString('utf8'));
        this.pathsWanted -= 1;
        if (this.pathsWanted === 0) this.finishChange();
      } else if (token[0] === 0x3a /* : */) {
        this.meta = token.toString('latin1').slice(1).split(' ');
        const status = this.meta[4] ?? '';
        this.pathsWanted = status.startsWith('R') || status.startsWith('C') ? 2 : 1;
      } else if (token.length > 0) {
        if (this.current) done.push(this.current);
        const header = token.toString('latin1');
        this.current = header === this.terminator ? undefined : { oid: header.split(' ')[0] ?? '', changes: [] };
      }
    }
    return done;
  }

  end(): CommitRaw[] {
    const last = this.current;
    this.current = undefined;
    return last ? [last] : [];
  }

  private finishChange(): void {
    const [oldMode = '', newMode = '', oldOid = '', newOid = '', status = ''] = this.meta ?? [];
    const [first = '', second] = this.paths;
    this.current?.changes.push({ status: status.charAt(0), oldMode, newMode, oldOid, newOid, oldPath: first, path: second ?? first });
    this.meta = undefined;
    this.paths = [];
  }
}

/** A raw parser fed straight from a process's stdout chunks (NUL-separated records). */
export function rawChunkParser(terminator?: string): { push(chunk: Buffer): CommitRaw[]; end(): CommitRaw[] } {
  const splitter = new RecordSplitter(0);
  const parser = new RawParser(terminator);
  return {
    push: (chunk) => parser.push(splitter.push(chunk)),
    end: () => {
      const tail = splitter.end();
      return [...(tail ? parser.push([tail]) : []), ...parser.end()];
    },
  };
}
