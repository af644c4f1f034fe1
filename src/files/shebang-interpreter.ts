import type { BlobText } from './blob-text.js';

/**
 * The interpreter a `#!` line names, ported from Linguist's `Shebang.interpreter` (shebang.rb):
 * `#!/usr/bin/env -S python3.11 -u` -> `python3`, `#!/bin/sh` + `exec tclsh "$0" "$@"` -> `tclsh`.
 */
export function shebangInterpreter(text: BlobText): string | undefined {
  if (text.bytes[0] !== 0x23 || text.bytes[1] !== 0x21) return undefined; // "#!"
  const shebang = text.line(0);

  const head = /^#!\s*\S+/.exec(shebang);
  if (!head) return undefined;
  let rest = shebang.slice(head[0].length);
  let script: string | undefined = head[0].split('/').pop();

  if (script === 'env') {
    rest = rest.replace(/^\s+/, '');
    // Skip options (`-S`, `--split-string`) and variable assignments (`FOO=bar`).
    for (;;) {
      const skipped = /^(?:(?:-[i0uCSv]*|--\S+)\s+)+/.exec(rest) ?? /^(?:\S+=\S+\s+)+/.exec(rest);
      if (!skipped) break;
      rest = rest.slice(skipped[0].length);
    }
    script = /^\S+/.exec(rest)?.[0];
    if (script !== undefined) rest = rest.slice(script.length);
  }
  if (script === undefined) return undefined;

  script = script.replace(/(\.\d+)$/, '').replace(/^#!\s*/, '');

  // Multi-line shebang hacks: `#!/bin/sh` then `exec <interpreter> "$0" "$@"`.
  if (script === 'sh') {
    for (const line of text.headLines(5)) {
      const exec = /exec (\w+)[\s"']+\$0[\s"']+\$@/.exec(line);
      if (exec?.[1]) {
        script = exec[1];
        break;
      }
    }
  }
  // `osascript -l <language>` may name a language without an interpreter: let others decide.
  if (script === 'osascript' && /-l\s?/.test(rest)) return undefined;

  return script.slice(script.lastIndexOf('/') + 1);
}
