/** Flags of `busfactor [scan]`, as commander parses them. */
export interface ScanFlags {
  readonly rev: string;
  readonly algorithm: 'avl';
  readonly depth: number;
  readonly minFiles: number;
  readonly include: string[];
  readonly exclude: string[];
  readonly includeBots: boolean;
  readonly allText: boolean;
  readonly json: boolean;
  /** False with --no-color. */
  readonly color: boolean;
  readonly quiet: boolean;
}
