import { describe, expect, it } from 'vitest';
import { BlobText } from '../../src/files/blob-text.js';
import { detectLanguage, pickCandidate, findByExtension } from '../../src/files/detect-language.js';
import { loadLinguistData } from '../../src/files/linguist-data.js';
import { shebangInterpreter } from '../../src/files/shebang-interpreter.js';

const text = (content: string) => new BlobText(Buffer.from(content, 'latin1'));
/** The detected language's name, with content or (undefined) by name only. */
const detect = (path: string, content?: string) => detectLanguage(path, content === undefined ? undefined : text(content))?.name;

describe('detectLanguage (Linguist strategies)', () => {
  it('finds languages by extension and by file name', () => {
    expect(detect('lib/a.js', 'module.exports = 1;\n')).toBe('JavaScript');
    expect(detect('Makefile', 'all:\n\tcc a.c\n')).toBe('Makefile');
    expect(detect('src/Dockerfile')).toBe('Dockerfile');
    expect(detect('x/CMakeLists.txt')).toBe('CMake'); // a file name wins over the .txt extension
    expect(detect('types/index.d.ts', 'export {};\n')).toBe('TypeScript');
  });

  it('uses compound extensions longest first, case-insensitively', () => {
    const data = loadLinguistData();
    expect(findByExtension(data, 'app/views/a.html.erb').map((l) => l.name)).toEqual(['HTML+ERB']);
    expect(findByExtension(data, 'A.JS').map((l) => l.name)).toEqual(['JavaScript']);
    expect(findByExtension(data, 'weird.d/noext')).toEqual([]);
    expect(findByExtension(data, 'conf/.zsh').map((l) => l.name)).toEqual(['Shell']); // a dot file's whole name
  });

  it('reads the interpreter of a shebang, through env and its options', () => {
    expect(detect('script', '#!/usr/bin/env python\nprint(1)\n')).toBe('Python');
    expect(detect('bin/run', '#!/usr/bin/env -S FOO=1 node --harmony\n')).toBe('JavaScript');
    expect(detect('tool', '#!/bin/sh\n# the next line restarts using tclsh \\\nexec tclsh "$0" "$@"\n')).toBe('Tcl');
    expect(detect('script')).toBeUndefined(); // no content, no name: nothing to go on
    expect(shebangInterpreter(text('#!/usr/local/bin/python3.11 -u\n'))).toBe('python3');
    expect(shebangInterpreter(text('#! perl -w\n'))).toBe('perl');
    expect(shebangInterpreter(text('#!/usr/bin/env\n'))).toBeUndefined();
  });

  it('lets a modeline override the extension (first strategy)', () => {
    expect(detect('notes.txt', '# -*- mode: ruby -*-\nputs 1\n')).toBe('Ruby');
    expect(detect('build.conf', 'x = 1\ny = 2\n# vim: set ft=python:\n')).toBe('Python');
    expect(detect('a.js', 'var a;\n// vim: ft=javascript\n')).toBe('JavaScript');
  });

  it('disambiguates shared extensions with heuristics.yml', () => {
    // .ts: Qt Linguist translations are XML; anything else is TypeScript.
    expect(detect('i18n/app_de.ts', '<?xml version="1.0"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">\n</TS>\n')).toBe('XML');
    expect(detect('src/app.ts', 'export const a: number = 1;\n')).toBe('TypeScript');
    // .md: GCC machine descriptions start with `;;` comments or `(define_` forms.
    expect(detect('gcc/config/arm/arm.md', ';; Machine description for ARM\n(define_insn "addsi3"\n')).toBe('GCC Machine Description');
    expect(detect('guide.md', '# Guide\n\nSome *text*.\n')).toBe('Markdown');
    expect(detect('include/a.h', '#include <vector>\nnamespace a { class B; }\n')).toBe('C++');
    expect(detect('include/b.h', '@interface Foo : NSObject\n@end\n')).toBe('Objective-C');
  });

  it('falls back to the candidate owning the extension, then the first name, where Linguist would run its classifier', () => {
    expect(detect('include/c.h', 'int f(void);\n')).toBe('C');
    const data = loadLinguistData();
    const lang = (name: string) => [...data.byAlias.values()].find((l) => l.name === name)!;
    expect(pickCandidate('x.pl', [lang('Raku'), lang('Perl')])?.name).toBe('Perl');
    expect(pickCandidate('x.zz', [lang('Raku'), lang('Perl')])?.name).toBe('Perl');
    expect(pickCandidate('x.zz', [])).toBeUndefined();
  });

  it('leaves generic extensions to other strategies (generic.yml) and knows man pages', () => {
    expect(detect('contracts/Token.sol', 'pragma solidity ^0.8.0;\ncontract Token {}\n')).toBe('Solidity');
    expect(detect('contracts/notes.sol', 'nothing to see\n')).toBeUndefined();
    expect(detect('man/git.1', '.TH GIT 1\n.SH NAME\n')).toMatch(/^Roff/);
  });

  it('finds XML by its declaration when nothing else knows the file', () => {
    expect(detect('config/thing.unknownext', '<?xml version="1.0"?>\n<a/>\n')).toBe('XML');
  });
});

describe('BlobText', () => {
  it("splits like Ruby's data.split(\"\\n\", -1) and Linguist's first_lines / last_lines", () => {
    const t = text('a\nb\r\nc\n');
    expect(t.lineCount).toBe(4);
    expect([t.line(0), t.line(1), t.line(2), t.line(3), t.line(4)]).toEqual(['a', 'b\r', 'c', '', '']);
    expect([t.line(-1), t.line(-2), t.line(-4), t.line(-5)]).toEqual(['', 'c', 'a', '']);
    expect(t.headLines(2)).toEqual(['a', 'b\r']);
    expect(t.firstLines(5)).toEqual(['a', 'b', 'c', '']);
    expect(text('one line, no break').firstLines(5)).toEqual([]);
    expect(text('1\n2\n3\n').lastLines(5)).toEqual(['2', '3']);
    expect(text('').lineCount).toBe(0);
  });
});
