/**
 * Lines of a blob as git counts them for diffs and blame: one per `\n`, plus one for a last line
 * without it. `\r` is not a line break (a CRLF line is one line). What a file's owners must add up
 * to (docs/line-ownership.md, the self-check).
 */
export function countLines(content: Buffer): number {
  let lines = 0;
  for (let i = content.indexOf(10); i !== -1; i = content.indexOf(10, i + 1)) lines += 1;
  return content.length > 0 && content[content.length - 1] !== 10 ? lines + 1 : lines;
}
