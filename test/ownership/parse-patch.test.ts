import { describe, expect, it } from 'vitest';
import { PatchParser, type CommitPatch } from '../../src/ownership/parse-patch.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const END = 'e'.repeat(40);
// Two commits as `git diff-tree --stdin -p -U0 --full-index` prints them, then a batch terminator.
// The content lines include ones that look like headers; they must be skipped by count.
const output = [
  A,
  'diff --git a/x.js b/x.js',
  'index 1111111111111111111111111111111111111111..2222222222222222222222222222222222222222 100644',
  '--- a/x.js',
  '+++ b/x.js',
  '@@ -1,2 +1 @@ function x() {',
  '-diff --git a/evil b/evil',
  `-${B}`,
  '\\ No newline at end of file',
  '+@@ -9,9 +9,9 @@',
  '\\ No newline at end of file',
  'diff --git "a/sp\\303\\251cial \\"q\\".js" "b/new name.js"',
  'similarity index 90%',
  'rename from "sp\\303\\251cial \\"q\\".js"',
  'rename to new name.js',
  'index 3333333333333333333333333333333333333333..4444444444444444444444444444444444444444 100644',
  '--- "a/sp\\303\\251cial \\"q\\".js"',
  '+++ b/new name.js\t',
  '@@ -3,0 +4,2 @@',
  '+one',
  '+two',
  B,
  'diff --git a/img.png b/img.png',
  'new file mode 100644',
  'index 0000000000000000000000000000000000000000..5555555555555555555555555555555555555555',
  'Binary files /dev/null and b/img.png differ',
  'diff --git a/gone.js b/gone.js',
  'deleted file mode 100644',
  'index 6666666666666666666666666666666666666666..0000000000000000000000000000000000000000',
  '--- a/gone.js',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-bye',
  `${END}`,
  'diff --git a/busfactor-batch-end b/busfactor-batch-end',
  'new file mode 100644',
  '',
].join('\n');

function parse(chunkSize: number): CommitPatch[] {
  const parser = new PatchParser(END);
  const bytes = Buffer.from(output, 'utf8');
  const out: CommitPatch[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) out.push(...parser.push(bytes.subarray(i, i + chunkSize)));
  return [...out, ...parser.end()];
}

describe('PatchParser', () => {
  it('reads headers and hunk counts, never content, whatever the chunking', () => {
    for (const size of [1, 3, 17, 4096]) {
      const commits = parse(size);
      expect(commits.map((c) => c.oid)).toEqual([A, B]);
      expect(commits[0]?.files).toEqual([
        { kind: 'modify', oldPath: 'x.js', path: 'x.js', oldOid: '1'.repeat(40), newOid: '2'.repeat(40), binary: false, submodule: false, hunks: [1, 2, 1, 1] },
        { kind: 'rename', oldPath: 'spécial "q".js', path: 'new name.js', oldOid: '3'.repeat(40), newOid: '4'.repeat(40), binary: false, submodule: false, hunks: [3, 0, 4, 2] },
      ]);
      expect(commits[1]?.files.map((f) => [f.kind, f.path, f.binary, f.hunks])).toEqual([
        ['add', 'img.png', true, []],
        ['delete', 'gone.js', false, [1, 1, 0, 0]],
      ]);
    }
  });
});
