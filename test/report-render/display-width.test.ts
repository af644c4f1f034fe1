import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, isOneColumnEach } from '../../src/render/display-width.js';

// displayWidth answers from the string's length for the characters it knows take one column each,
// and asks string-width for anything else: both ways must give string-width's own answer.
describe('displayWidth', () => {
  it('agrees with string-width on every character up to U+25FF, one at a time and all together', () => {
    const differing: string[] = [];
    let all = '';
    for (let code = 0; code <= 0x25ff; code += 1) {
      const char = String.fromCodePoint(code);
      if (displayWidth(char) !== stringWidth(char)) differing.push(code.toString(16));
      if (isOneColumnEach(char)) all += char;
    }
    expect(differing).toEqual([]);
    // Every character of the fast path after the others (none joins its neighbour): as many columns as characters.
    // ASCII 95, Latin-1 without controls and the soft hyphen 13 + 594, Greek 8 + 6 + 7 + 1 + 20,
    // Greek and Cyrillic 224, Cyrillic after its combining marks 166, Latin Extended Additional 256;
    // punctuation 24 + 47, letterlike 144, arrows 112, operators 256, box drawing and blocks 160,
    // geometric shapes 93 + 1.
    expect(all.length).toBe(95 + 13 + 594 + 8 + 6 + 7 + 1 + 20 + 224 + 166 + 256 + 24 + 47 + 144 + 112 + 256 + 160 + 93 + 1);
    expect(stringWidth(all)).toBe(all.length);
  });

  it('measures what the fast path leaves out as string-width does', () => {
    // Names as people write them: precomposed accents, Vietnamese, Cyrillic, Greek (one column a letter).
    expect(displayWidth('Ævar Arnfjörð Bjarmason')).toBe(23);
    expect(displayWidth('Nguyễn Thái Ngọc Duy')).toBe(20);
    expect(displayWidth('Дмитрий Ωμέγα')).toBe(13);
    // Wide, combining, invisible: 2 columns a CJK character or emoji, 0 for a combining mark or an escape.
    expect(displayWidth('山田太郎')).toBe(8);
    expect(displayWidth('👍 ok')).toBe(5);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('\x1b[31mred\x1b[0m')).toBe(3);
    expect(displayWidth('soft\u00adhyphen')).toBe(stringWidth('soft\u00adhyphen'));
  });
});
