/** The eight heights of a sparkline, lowest first. */
const BARS = '▁▂▃▄▅▆▇█';

/**
 * One character per value, scaled to the row's own range (its smallest value is ▁, its largest
 * █), so a row shows how its figure moved however large it is; a null value (no such module at
 * that point) is a space. A row that never moves is drawn level: ▁ at zero, ▄ otherwise, so a
 * flat "nothing lost" does not look like a flat maximum.
 */
export function sparkline(values: readonly (number | null)[]): string {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (present.length === 0) return values.map(() => ' ').join('');
  const low = Math.min(...present);
  const high = Math.max(...present);
  return values
    .map((value) => {
      if (value === null || !Number.isFinite(value)) return ' ';
      if (high === low) return value === 0 ? BARS[0] : BARS[3];
      return BARS[Math.round(((value - low) / (high - low)) * (BARS.length - 1))];
    })
    .join('');
}
