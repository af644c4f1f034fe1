/** Fill of a bus factor, the same scale in the treemap, the tables and the legend: 0 and 1 red, 2 amber, 3+ green. */
export function busFactorColour(busFactor: number): string {
  if (busFactor <= 0) return '#7f1d1d';
  if (busFactor === 1) return '#dc2626';
  if (busFactor === 2) return '#f59e0b';
  if (busFactor === 3) return '#65a30d';
  return '#15803d';
}

/** Text on that fill: white on the dark ones. */
export function inkOn(busFactor: number): string {
  return busFactor === 2 || busFactor === 3 ? '#111827' : '#ffffff';
}

export const LEGEND: readonly { readonly label: string; readonly busFactor: number }[] = [
  { label: '0', busFactor: 0 },
  { label: '1', busFactor: 1 },
  { label: '2', busFactor: 2 },
  { label: '3', busFactor: 3 },
  { label: '4+', busFactor: 4 },
];
