import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/trend/sparkline.js';

describe('sparkline', () => {
  it('scales each row to its own range: smallest ▁, largest █', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([10, 12, 14])).toBe('▁▅█');
    // 0.25 of 0–0.3 is 0.83 of the range: 5.8 of 7 steps → ▇.
    expect(sparkline([0, 0, 0.3, 0.25])).toBe('▁▁█▇');
  });

  it('a null point is a space; a level row is ▁ at zero, ▄ otherwise', () => {
    expect(sparkline([null, 1, 3, null])).toBe(' ▁█ ');
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
    expect(sparkline([null, 2, 2])).toBe(' ▄▄');
    expect(sparkline([null, null])).toBe('  ');
    expect(sparkline([])).toBe('');
  });
});
