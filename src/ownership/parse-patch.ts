import { cUnquote } from './c-unquote.js';

/** One file of a commit's `-U0` patch: where its lines went, not what they say. */
export interface FilePatch {
  readonly kind: 'add' | 'delete' | 'modify' | 'rename' | 'copy';
  readonly oldPath: string;
  readonly path: string;
  /** Blob ids from the `index` line (`--full-index`); undefined when absent (pure rename, mode change). */
  readonly oldOid: string | undefined;
  readonly newOid: string | undefined;
  /** git printed "Binary files … differ": no hunks. */
  readonly binary: boolean;
  /** git could not read the blobs (missing objects): the commit was answered without content. */
  readonly unreadable?: boolean;
  /** A gitlink (mode 160000): not a file. */
  readonly submodule: boolean;
  /** Hunks as quadruples: old start, old count, new start, new count (1-based starts, as git prints). */
  readonly hunks: readonly number[];
}

/** The patch of one input line of `git diff-tree --stdin`. */
export interface CommitPatch {
  /** The commit id git echoed (the first id of the input line). */
  readonly oid: string;
  readonly files: readonly FilePatch[];
}

interface Draft {
  kind: FilePatch['kind'];
  oldPath: string;
  path: string;
  oldOid: string | undefined;
  newOid: string | undefined;
  binary: boolean;
  submodule: boolean;
  hunks: number[];
}

/** The echo of an input line: a commit id, or (tree pairs) two ids. */
const COMMIT_LINE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})(?: (?:[0-9a-f]{40}|[0-9a-f]{64}))*$/;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const AT = 0x40;
const SPACE = 0x20;
const MINUS = 0x2d;
const PLUS = 0x2b;
const COMMA = 0x2c;

/** `a/x b/x` (or quoted) from a `diff --git` line, for blocks that are not renames or copies. */
function pathsOfDiffLine(rest: string): { oldPath: string; path: string } {
  if (rest.startsWith('"')) {
    const first = cUnquote(rest, 0);
    const tail = rest.slice(first.end + 1);
    const second = tail.startsWith('"') ? cUnquote(tail, 0).value : tail;
    return { oldPath: first.value.slice(2), path: second.slice(2) };
  }
  // Unquoted and not a rename: "a/<p> b/<p>", both halves the same length.
  const quoted = rest.indexOf(' "');
  if (quoted !== -1) return { oldPath: rest.slice(2, quoted), path: cUnquote(rest, quoted + 1).value.slice(2) };
  const middle = (rest.length - 1) / 2;
  return { oldPath: rest.slice(2, middle), path: rest.slice(middle + 3) };
}

function pathOfHeader(value: string): string {
  return value.startsWith('"') ? cUnquote(value, 0).value : value;
}

/**
 * Folds the output of `git diff-tree --stdin -p -U0 --full-index` into per-commit file patches,
 * chunk by chunk. Content lines are counted, never decoded: only headers become strings. Content
 * is skipped by the counts of each hunk header, so no content line is ever mistaken for a header.
 */
export class PatchParser {
  /**
   * @param terminator an input line sent after each batch (an empty tree pair): git echoes it, which
   * tells that the previous commit's output is complete even while the process waits for more input.
   */
  constructor(private readonly terminator?: string) {}

  private carry: Buffer | undefined;
  private current: { oid: string; files: FilePatch[] } | undefined;
  private draft: Draft | undefined;
  /** Content lines still to skip in the current hunk. */
  private pending = 0;
  /** Right after a hunk's content: `\ No newline at end of file` lines may follow. */
  private afterContent = false;
  private done: CommitPatch[] = [];

  /**
   * Lines are walked by index, not split into Buffers as RecordSplitter does: this is the largest
   * stream of the replay and almost every line is content, only counted. A line cut by the chunk
   * border is joined alone.
   */
  push(chunk: Buffer): CommitPatch[] {
    let start = 0;
    if (this.carry) {
      const end = chunk.indexOf(NEWLINE);
      if (end === -1) {
        this.carry = Buffer.concat([this.carry, chunk]);
        return this.take();
      }
      const first = Buffer.concat([this.carry, chunk.subarray(0, end)]);
      this.carry = undefined;
      this.line(first, 0, first.length);
      start = end + 1;
    }
    for (;;) {
      const end = chunk.indexOf(NEWLINE, start);
      if (end === -1) break;
      this.line(chunk, start, end);
      start = end + 1;
    }
    if (start < chunk.length) this.carry = Buffer.from(chunk.subarray(start));
    return this.take();
  }

  /** Flushes the last commit (the stream ended). */
  end(): CommitPatch[] {
    if (this.carry) {
      const rest = this.carry;
      this.carry = undefined;
      this.line(rest, 0, rest.length);
    }
    this.finishCommit();
    return this.take();
  }

  private take(): CommitPatch[] {
    const out = this.done;
    this.done = [];
    return out;
  }

  private line(data: Buffer, start: number, end: number): void {
    if (this.pending > 0) {
      // "\ No newline at end of file" sits between the - and + lines; it is not counted.
      if (data[start] !== BACKSLASH) this.pending -= 1;
      if (this.pending === 0) this.afterContent = true;
      return;
    }
    if (this.afterContent && data[start] === BACKSLASH) return;
    this.afterContent = false;
    const first = data[start];
    // The commonest headers are read on bytes: hunk headers, and ---/+++ (nothing we need).
    if (first === AT && data[start + 1] === AT && data[start + 2] === SPACE) {
      if (this.draft) this.hunk(data, start + 3, end);
      return;
    }
    if ((first === MINUS || first === PLUS) && data[start + 1] === first && data[start + 2] === first) return;
    this.header(data.toString('utf8', start, end));
  }

  /**
   * `@@ -a[,b] +c[,d] @@…` read from bytes (from just after `@@ `). A header that does not parse is
   * ignored, as before: its content lines are then read as headers, which put the state out of step.
   */
  private hunk(data: Buffer, start: number, end: number): void {
    let i = start;
    const number = (): number => {
      let value = 0;
      let digits = 0;
      while (i < end) {
        const digit = (data[i] as number) - 0x30;
        if (digit < 0 || digit > 9) break;
        value = value * 10 + digit;
        digits += 1;
        i += 1;
      }
      return digits === 0 || digits > 15 ? -1 : value;
    };
    const count = (): number => {
      if (data[i] !== COMMA) return 1;
      i += 1;
      return number();
    };
    if (data[i] !== MINUS) return;
    i += 1;
    const oldStart = number();
    const oldCount = count();
    if (data[i] !== SPACE || data[i + 1] !== PLUS) return;
    i += 2;
    const newStart = number();
    const newCount = count();
    if (oldStart < 0 || oldCount < 0 || newStart < 0 || newCount < 0 || data[i] !== SPACE || data[i + 1] !== AT || data[i + 2] !== AT) return;
    (this.draft as Draft).hunks.push(oldStart, oldCount, newStart, newCount);
    this.pending = oldCount + newCount;
    this.afterContent = this.pending === 0;
  }

  private header(text: string): void {
    if (COMMIT_LINE.test(text)) {
      this.finishCommit();
      if (text !== this.terminator) this.current = { oid: text.slice(0, text.indexOf(' ') === -1 ? text.length : text.indexOf(' ')), files: [] };
      return;
    }
    if (text.startsWith('diff --git ')) {
      this.finishFile();
      const { oldPath, path } = pathsOfDiffLine(text.slice(11));
      this.draft = { kind: 'modify', oldPath, path, oldOid: undefined, newOid: undefined, binary: false, submodule: false, hunks: [] };
      return;
    }
    const draft = this.draft;
    if (!draft) return;
    if (text.startsWith('index ')) {
      const [range = '', mode] = text.slice(6).split(' ');
      const [oldOid, newOid] = range.split('..');
      draft.oldOid = oldOid;
      draft.newOid = newOid;
      if (mode === '160000') draft.submodule = true;
    } else if (text.startsWith('new file mode ')) {
      draft.kind = 'add';
      if (text.endsWith('160000')) draft.submodule = true;
    } else if (text.startsWith('deleted file mode ')) {
      draft.kind = 'delete';
      if (text.endsWith('160000')) draft.submodule = true;
    } else if (text.startsWith('rename from ')) {
      draft.kind = 'rename';
      draft.oldPath = pathOfHeader(text.slice(12));
    } else if (text.startsWith('rename to ')) {
      draft.path = pathOfHeader(text.slice(10));
    } else if (text.startsWith('copy from ')) {
      draft.kind = 'copy';
      draft.oldPath = pathOfHeader(text.slice(10));
    } else if (text.startsWith('copy to ')) {
      draft.path = pathOfHeader(text.slice(8));
    } else if (text.startsWith('Binary files ') || text === 'GIT binary patch') {
      draft.binary = true;
    }
    // old/new mode, (dis)similarity index: nothing we need.
  }

  private finishFile(): void {
    if (this.draft && this.current) this.current.files.push(this.draft);
    this.draft = undefined;
  }

  private finishCommit(): void {
    this.finishFile();
    if (this.current) this.done.push(this.current);
    this.current = undefined;
    this.pending = 0;
    this.afterContent = false;
  }
}
