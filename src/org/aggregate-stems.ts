import path from 'node:path';
import { commonFolder, safeStem, unique } from './file-stems.js';

/**
 * The stems of report files for `busfactor aggregate` (org/view-names.ts uses them where two reports
 * share a repository name): each file's name without `.json` — which gives org's own names back when
 * aggregating its `--out` folder — and, where two files have the same name (`report.json` in each CI
 * job's artefact folder), their paths below the folder holding them all.
 */
export function aggregateStems(files: readonly string[]): string[] {
  const absolute = files.map((file) => path.resolve(file));
  const bare = absolute.map((file) => path.basename(file).replace(/\.json$/i, ''));
  const clashes = new Set(bare.filter((name, i) => bare.findIndex((other) => other.toLowerCase() === name.toLowerCase()) !== i).map((name) => name.toLowerCase()));
  const root = commonFolder(absolute.map((file) => path.dirname(file)));
  const taken = new Set<string>();
  return absolute.map((file, i) => {
    const name = bare[i] as string;
    const raw = clashes.has(name.toLowerCase()) ? path.relative(root, file).replace(/\.json$/i, '') : name;
    return unique(safeStem(raw), taken);
  });
}
