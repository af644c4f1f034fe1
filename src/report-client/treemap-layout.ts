/** A rectangle of the treemap, in the SVG's units. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Squarified treemap layout (Bruls, Huizing and van Wijk, 2000): lays `values` (sorted largest
 * first) into `area` as rows of tiles, adding a tile to the current row while that makes the row's
 * worst aspect ratio no worse. Returns one rectangle per value, in the same order. Hand-made rather
 * than a library: it is the only layout the page needs, and 40 lines.
 */
export function squarify(values: readonly number[], area: Rect): Rect[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  const rects: Rect[] = [];
  if (total <= 0) return values.map(() => ({ ...area, width: 0, height: 0 }));
  const scale = (area.width * area.height) / total;
  let free = { ...area };
  let row: number[] = [];
  const worst = (sizes: readonly number[], side: number): number => {
    const sum = sizes.reduce((a, b) => a + b, 0);
    const max = Math.max(...sizes);
    const min = Math.min(...sizes.filter((size) => size > 0), max);
    return Math.max((side * side * max) / (sum * sum), (sum * sum) / (side * side * min));
  };
  const layRow = (sizes: readonly number[]): void => {
    const sum = sizes.reduce((a, b) => a + b, 0);
    const horizontal = free.width >= free.height;
    const side = horizontal ? free.height : free.width;
    // A side worn down to nothing (rounding) gives the row no thickness rather than NaN.
    const thickness = side > 0 ? sum / side : 0;
    let offset = 0;
    for (const size of sizes) {
      const length = sum === 0 ? 0 : (size / sum) * (horizontal ? free.height : free.width);
      rects.push(horizontal ? { x: free.x, y: free.y + offset, width: thickness, height: length } : { x: free.x + offset, y: free.y, width: length, height: thickness });
      offset += length;
    }
    free = horizontal
      ? { x: free.x + thickness, y: free.y, width: Math.max(0, free.width - thickness), height: free.height }
      : { x: free.x, y: free.y + thickness, width: free.width, height: Math.max(0, free.height - thickness) };
  };
  for (const value of values.map((v) => Math.max(0, v) * scale)) {
    const side = Math.min(free.width, free.height);
    // A zero value (or a side worn to nothing) joins the row: it can make no ratio worse.
    if (row.length === 0 || value === 0 || side === 0 || worst([...row, value], side) <= worst(row, side)) row.push(value);
    else {
      layRow(row);
      row = [value];
    }
  }
  if (row.length > 0) layRow(row);
  return rects;
}
