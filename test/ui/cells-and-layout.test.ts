import { describe, expect, it } from 'vitest';
import { activeCell, bar, busFactorCell, fit, fitSegments, fitWithMarker } from '../../src/ui/model/cells.js';
import { formatAge } from '../../src/ui/model/format-age.js';
import { moduleColumns, peopleColumns, screenLayout, scrollTop } from '../../src/ui/model/layout.js';

describe('cells', () => {
  it('shows a bus factor with a mark that needs no colour, and its change under what-if', () => {
    expect(busFactorCell(3, 3)).toBe('3 ');
    expect(busFactorCell(1, 1)).toBe('1!');
    expect(busFactorCell(3, 1)).toBe('3→1!');
    expect(busFactorCell(1, 0)).toBe('1→0!');
    expect(busFactorCell(13, 11)).toBe('13→11 ');
  });

  it('fits text to display width: wide characters count two, cuts end in …', () => {
    expect(fit('abc', 5)).toBe('abc  ');
    expect(fit('abc', 5, 'right')).toBe('  abc');
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(fit('日本語の名前', 7)).toBe('日本語…');
    expect(fit('日本語の名前', 8)).toBe('日本語… ');
    expect(fitSegments([{ text: 'ab', bold: true }, { text: 'cdef' }], 4)).toEqual([{ text: 'ab', bold: true }, { text: 'c…' }]);
    expect(fitSegments([{ text: 'ab' }], 4)).toEqual([{ text: 'ab' }, { text: '  ' }]);
  });

  it('shows the active bus factor as the bus factor, or `0 lost` when every file is lost', () => {
    expect(activeCell(2, 2, false)).toBe('2 ');
    expect(activeCell(1, 0, false)).toBe('1→0!');
    expect(activeCell(0, 0, true)).toBe('0 lost');
  });

  it('keeps a marker after a name however long the name is', () => {
    expect(fitWithMarker('Bob', ' †', 8)).toBe('Bob †   ');
    expect(fitWithMarker('Bartholomew', ' †', 8)).toBe('Barth… †');
    expect(fitWithMarker('Bartholomew', '', 8)).toBe('Barthol…');
  });

  it('draws a bar of a share', () => {
    expect(bar(0, 5)).toBe('░░░░░');
    expect(bar(0.29, 5)).toBe('█░░░░');
    expect(bar(1, 5)).toBe('█████');
  });

  it('gives ages relative to the analysed commit, not the clock', () => {
    const head = '2021-06-01T12:00:00Z';
    expect(formatAge('2021-06-01T08:00:00Z', head)).toBe('<1 day ago');
    expect(formatAge('2021-05-31T12:00:00Z', head)).toBe('1 day ago');
    expect(formatAge('2021-05-01T12:00:00Z', head)).toBe('4 weeks ago');
    expect(formatAge('2020-08-01T12:00:00Z', head)).toBe('10 months ago');
    expect(formatAge('2018-01-01T12:00:00Z', head)).toBe('3 years ago');
  });
});

describe('layout', () => {
  it('fills 80×24 and refuses below 60×15', () => {
    expect(screenLayout(80, 24)).toEqual({ width: 80, height: 23, treeHeight: 11, detailHeight: 8, peopleHeight: 19 });
    expect(screenLayout(100, 30)).toEqual({ width: 100, height: 29, treeHeight: 14, detailHeight: 11, peopleHeight: 25 });
    expect(screenLayout(60, 15)).toEqual({ width: 60, height: 14, treeHeight: 4, detailHeight: 6, peopleHeight: 10 });
    expect(screenLayout(59, 24)).toBeUndefined();
    expect(screenLayout(80, 14)).toBeUndefined();
  });

  it('splits the width between the columns exactly', () => {
    for (const width of [60, 80, 100, 211]) {
      const m = moduleColumns(width);
      expect(1 + m.busFactor + 1 + m.active + 1 + m.files + 2 + m.bar + 2 + m.module + 2 + m.person).toBe(width);
      const p = peopleColumns(width);
      expect(43 + p.name + p.modules).toBe(width);
    }
  });

  it('scrolls a list only when the cursor leaves the window', () => {
    expect(scrollTop(0, 5, 10, 100)).toBe(0);
    expect(scrollTop(0, 10, 10, 100)).toBe(1);
    expect(scrollTop(20, 15, 10, 100)).toBe(15);
    expect(scrollTop(95, 99, 10, 100)).toBe(90);
    expect(scrollTop(5, 2, 10, 4)).toBe(0);
  });
});
