import { rm } from 'node:fs/promises';
import path from 'node:path';
import { LAYOUT, listCacheFiles } from './analysis-cache.js';
import { CacheFileError, readCacheMeta } from './cache-file.js';

/** One repository's entries, as `busfactor cache info` lists them. */
export interface CachedRepository {
  readonly repoKey: string;
  /** The folder it was last analysed in (a label: entries are found by commit, not by folder). */
  readonly repository: string;
  /** Analysed commits kept (their states or a finished report), over every state key (settings). */
  readonly commits: number;
  readonly bytes: number;
  /** ISO 8601: when an entry of it was last written or read. */
  readonly lastUsed: string;
}

export interface CacheInventory {
  readonly dir: string;
  readonly bytes: number;
  readonly files: number;
  readonly repositories: readonly CachedRepository[];
  /** Files that are no cache file of this version (damaged, foreign, a write in progress). */
  readonly unreadable: number;
}

/** What the cache folder holds, read from the files' metadata (payloads stay compressed). */
export async function inventory(dir: string): Promise<CacheInventory> {
  const files = await listCacheFiles(dir);
  const byRepo = new Map<string, { repository: string; heads: Set<string>; bytes: number; lastUsed: number; written: number }>();
  let unreadable = 0;
  for (const file of files) {
    const meta = file.temporary ? undefined : await readCacheMeta(file.path).catch((error: unknown) => {
      if (error instanceof CacheFileError || (error as NodeJS.ErrnoException).code !== undefined) return undefined;
      throw error;
    });
    if (!meta) {
      unreadable += 1;
      continue;
    }
    const entry = byRepo.get(meta.repoKey) ?? { repository: meta.repository, heads: new Set<string>(), bytes: 0, lastUsed: 0, written: 0 };
    byRepo.set(meta.repoKey, entry);
    // A commit extended by a few commits keeps its finished report alone (analyze.ts, STORE_EXTENSION_AFTER).
    if (meta.kind === 'state' || meta.kind === 'report') entry.heads.add(`${path.basename(path.dirname(file.path))}/${meta.head}`);
    entry.bytes += file.size;
    entry.lastUsed = Math.max(entry.lastUsed, file.mtimeMs);
    // The most recently written entry names the folder.
    const written = Date.parse(meta.createdAt);
    if (written >= entry.written) {
      entry.written = written;
      entry.repository = meta.repository;
    }
  }
  const repositories = [...byRepo].map(([repoKey, entry]) => ({ repoKey, repository: entry.repository, commits: entry.heads.size, bytes: entry.bytes, lastUsed: new Date(entry.lastUsed).toISOString() }));
  repositories.sort((a, b) => b.lastUsed.localeCompare(a.lastUsed) || a.repoKey.localeCompare(b.repoKey));
  return { dir, bytes: files.reduce((sum, file) => sum + file.size, 0), files: files.length, repositories, unreadable };
}

/** Removes every entry (the layout's folder); the cache folder itself and anything else in it stay. */
export async function clearCache(dir: string): Promise<{ files: number; bytes: number }> {
  const files = await listCacheFiles(dir);
  await rm(path.join(dir, LAYOUT), { recursive: true, force: true });
  return { files: files.length, bytes: files.reduce((sum, file) => sum + file.size, 0) };
}
