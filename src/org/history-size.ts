import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../compare-text.js';
import type { RepositoryTarget } from './repository-target.js';

/**
 * How big a repository's history is, roughly, from its object store on disk: the bytes of its
 * packs and loose objects. Only used to start the largest analyses first (below); 0 when it cannot
 * be told (a URL, a linked worktree or submodule whose objects live elsewhere, an unreadable folder).
 */
export async function historySize(target: RepositoryTarget): Promise<number> {
  if (target.kind !== 'path') return 0;
  const dotGit = path.join(target.location, '.git');
  const gitDir = await stat(dotGit).then((info) => (info.isDirectory() ? dotGit : undefined), () => target.location);
  if (gitDir === undefined) return 0;
  const objects = path.join(gitDir, 'objects');
  let total = 0;
  const sizeOf = async (file: string) => stat(file).then((info) => (info.isFile() ? info.size : 0), () => 0);
  const packs = await readdir(path.join(objects, 'pack')).catch(() => [] as string[]);
  for (const name of packs.filter((entry) => entry.endsWith('.pack'))) total += await sizeOf(path.join(objects, 'pack', name));
  const fanOut = await readdir(objects).catch(() => [] as string[]);
  for (const folder of fanOut.filter((entry) => /^[0-9a-f]{2}$/.test(entry))) {
    const loose = await readdir(path.join(objects, folder)).catch(() => [] as string[]);
    for (const name of loose) total += await sizeOf(path.join(objects, folder, name));
  }
  return total;
}

/**
 * The order to start analyses in: the largest history first (longest processing time first), so the
 * one that takes longest is not started last while the other workers sit idle; equal sizes keep the
 * order found. Nothing in the output depends on it: only when each analysis runs.
 */
export async function startOrder(targets: readonly RepositoryTarget[]): Promise<number[]> {
  const sizes = await Promise.all(targets.map(historySize));
  return targets.map((target, index) => ({ index, size: sizes[index] ?? 0, source: target.source })).sort((a, b) => b.size - a.size || a.index - b.index || compareText(a.source, b.source)).map((entry) => entry.index);
}
