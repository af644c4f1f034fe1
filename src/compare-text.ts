/**
 * Orders strings by UTF-16 code units, as `<` does: deterministic and locale-independent (unlike
 * `localeCompare`), so sorted output is the same on every machine.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
