import { describe, expect, it } from 'vitest';
import { convertRubyRegex, UnsupportedRegexError } from '../../scripts/convert-ruby-regex.mjs';

/** Whether the converted Ruby regex finds a match in `subject`, as Ruby's `=~` would. */
const matches = (ruby: string, subject: string, flags?: Parameters<typeof convertRubyRegex>[1]) => new RegExp(convertRubyRegex(ruby, flags)).test(subject);

describe('convertRubyRegex', () => {
  it("keeps Ruby's line anchors: ^ after a newline but not at the very end, $ before a newline", () => {
    expect(matches('^b', 'a\nb')).toBe(true);
    expect(matches('a$', 'a\nb')).toBe(true);
    expect(matches('^$', 'a\n')).toBe(false); // Onigmo: no line start after the final newline
    expect(matches('^$', 'a\n\nb')).toBe(true);
    expect(matches('^b', 'a\rb')).toBe(false); // "\r" alone is no line break for Ruby
  });

  it('has string anchors \\A, \\z and \\Z', () => {
    expect(matches('\\Aa', 'a\nb')).toBe(true);
    expect(matches('\\Ab', 'a\nb')).toBe(false);
    expect(matches('b\\z', 'a\nb\n')).toBe(false);
    expect(matches('b\\Z', 'a\nb\n')).toBe(true);
  });

  it('applies (?i), (?i:...) and the i flag by spelling both cases, only where Ruby would', () => {
    expect(matches('(?i)mov\\s+[^\\s]{2,},', 'MOV ax,')).toBe(true);
    expect(matches('^(?i:<pre\\s+class)x', '<PRE class' + 'x')).toBe(true);
    expect(matches('(?i:ab)c', 'ABC')).toBe(false);
    expect(matches('a(?i)b|c', 'C')).toBe(true); // the switch lasts to the end of the group, alternatives included
    expect(matches('[a-c]x', 'Bx', { i: true })).toBe(true);
    expect(matches('[^abd-z]', 'D', { i: true })).toBe(false);
    expect(matches('(^|/)[Vv]+endor/', 'VENDOR/')).toBe(false);
  });

  it('reads free-spacing patterns and keeps escaped and bracketed spaces', () => {
    expect(matches(' a \\  b # comment\n c', 'a bc', { x: true })).toBe(true);
    expect(matches(' a [ ] b ', 'a b', { x: true })).toBe(true);
  });

  it('matches . without newlines unless m, and translates Ruby-only classes and groups', () => {
    expect(matches('a.b', 'a\nb')).toBe(false);
    expect(matches('a.b', 'a\nb', { m: true })).toBe(true);
    expect(matches('^\\h+$', 'beef')).toBe(true);
    expect(matches('[[:alpha:]]+1', 'ab1')).toBe(true);
    expect(matches('^[\\s&&[^\\r\\n]]*=pod', '  =pod')).toBe(true);
    expect(matches('^[\\s&&[^\\r\\n]]*=pod', 'x\r\n=pod')).toBe(true);
    expect(matches('^[\\s&&[^\\n]]*=pod', '\n\n=pod')).toBe(true);
    expect(matches('a\\s&&b', 'a &&b')).toBe(true);
    expect(matches('(?>ab|a)c', 'ac')).toBe(true); // atomic group approximated by a plain one
    expect(matches('\\A(?<v>a|b)(?:;\\g<v>)*+\\z', 'a;b;a')).toBe(true);
    expect(matches('x{,2}y', 'xxy')).toBe(true);
  });

  it('can drop the line-anchor machinery for subjects without a newline', () => {
    expect(convertRubyRegex('(^|/)dist/', { singleLine: true })).toBe('(^|\\/)dist\\/');
  });

  it('refuses what it cannot translate faithfully', () => {
    expect(() => convertRubyRegex('\\p{Alpha}')).toThrow(UnsupportedRegexError);
    expect(() => convertRubyRegex('(?~abc)')).toThrow(UnsupportedRegexError);
    expect(() => convertRubyRegex('a{2}+')).toThrow(UnsupportedRegexError);
    expect(() => convertRubyRegex('(a')).toThrow(UnsupportedRegexError);
  });
});
