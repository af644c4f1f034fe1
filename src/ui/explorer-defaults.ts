/**
 * In the explorer every folder level is a row of a tree to open and close; in text and JSON only
 * `--depth` levels are listed. Only the defaults differ: a depth the user or the config gives wins.
 */
export const EXPLORER_DEFAULTS = { depth: 1000, minFiles: 1 } as const;
