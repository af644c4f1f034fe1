import { describe, expect, it } from 'vitest';
import { count, plural } from '../../src/format.js';

/** `count` groups whole numbers itself (no ICU set-up on the first call): it must say what `toLocaleString('en-US')` says. */
describe('count', () => {
  it('groups thousands as en-US does, for every length of number and both signs', () => {
    const values = [0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 81_966, 100_000, 999_999, 1_000_000, 1_234_567, 12_345_678, 123_456_789, Number.MAX_SAFE_INTEGER];
    for (const value of [...values, ...values.map((v) => -v)]) expect(count(value), String(value)).toBe(value.toLocaleString('en-US'));
    expect(count(81_966)).toBe('81,966');
    expect(count(-1_234_567)).toBe('-1,234,567');
  });

  it('leaves fractions, -0 and numbers beyond 2^53 to toLocaleString', () => {
    for (const value of [0.5, 1234.5678, -0, 2 ** 60, Number.POSITIVE_INFINITY, Number.NaN]) expect(count(value), String(value)).toBe(value.toLocaleString('en-US'));
  });

  it('plural: "1 file", "2,496 files"', () => {
    expect(plural(1, 'file')).toBe('1 file');
    expect(plural(2496, 'file')).toBe('2,496 files');
    expect(plural(40, 'repository', 'repositories')).toBe('40 repositories');
  });
});
