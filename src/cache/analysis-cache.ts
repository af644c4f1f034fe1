import { mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { FileUniverse } from '../files/types.js';
import type { Repository } from '../git/repo.js';
import { runGit } from '../git/run-git.js';
import type { CommitRecord } from '../history/commit-record.js';
import type { LineOwnershipResult } from '../ownership/line-ownership.js';
import { TOOL_VERSION } from '../report/version.js';
import type { Warning, WarningCode } from '../warnings.js';
import { CacheFileError, encodeCacheFile, readCacheFile, writeEncoded, type CacheMeta } from './cache-file.js';
import { prepareCacheFolder } from './cache-folder.js';
import { repoKey } from './cache-keys.js';
import type { CachedHistory } from './history-state.js';

/** Reads the history's commits stored with an entry; undefined when the file was unusable (and is now removed). */
export type FactsLoader = () => Promise<CommitRecord[] | undefined>;

function isFile(file: string): Promise<boolean> {
  return stat(file).then((info) => info.isFile(), () => false);
}

/** A finished report's file, beside its commit's states: one per way of asking. */
function reportFileName(head: string, reportKey: string): string {
  return `${head}.${reportKey}.report`;
}

/** Where the entries of this format live, below the cache folder: a new layout gets a new name. */
export const LAYOUT = 'v1';
/** How many cached heads are tried as the base of an extension, most recently used first. */
const MAX_CANDIDATES = 5;
/** Temporary files older than this are left over from a killed run. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** What the cache keeps for one analysed commit. */
export interface CachedState {
  readonly history: CachedHistory;
  readonly universe: FileUniverse;
  readonly ownership: LineOwnershipResult | undefined;
}

/** What the CLI asks for (`--cache-dir`, `--cache-limit`); no request means no cache. */
export interface CacheRequest {
  readonly dir: string;
  /** Least recently used entries go once the folder holds more than this. */
  readonly limitBytes: number;
}

export type { CacheUse } from './cache-use.js';

/** One stored entry, found on disk. */
interface Entry {
  readonly head: string;
  readonly stateKey: string;
  readonly file: string;
  readonly mtimeMs: number;
}

/** Marks a file used: least recently used eviction goes by modification time. */
async function touchFile(file: string): Promise<void> {
  const now = new Date();
  await utimes(file, now, now).catch(() => {});
}

const factsFileOf = (stateFile: string): string => stateFile.replace(/\.state$/, '.facts');

/**
 * The cache of finished analysis states (docs/cache.md): one folder per repository (its roots)
 * and state key (the settings that change the states), one file per analysed commit. Every
 * problem is a warning and an uncached run, never a failure.
 */
export class AnalysisCache {
  private readonly warned = new Set<WarningCode>();

  private constructor(
    readonly dir: string,
    private readonly limitBytes: number,
    private readonly repo: Repository,
    private readonly warnings: Warning[],
    private readonly label: string | undefined,
  ) {}

  /**
   * The cache for this run, or undefined (with a warning) when its folder cannot be used. `label`
   * names the repository in `cache info` instead of its folder: a remote repository's URL.
   */
  static async open(request: CacheRequest, repo: Repository, warnings: Warning[], label?: string): Promise<AnalysisCache | undefined> {
    const folder = await prepareCacheFolder(request.dir, repo.isBare ? [repo.gitDir] : [repo.cwd, repo.gitDir]);
    if (!folder.ok) {
      warnings.push({ code: 'cache-unwritable', message: `the cache is not used: ${folder.reason}` });
      return undefined;
    }
    return new AnalysisCache(folder.dir, request.limitBytes, repo, warnings, label);
  }

  private warnOnce(code: WarningCode, message: string): void {
    if (this.warned.has(code)) return;
    this.warned.add(code);
    this.warnings.push({ code, message });
  }

  /** Every stored entry of this state key, whatever repository folder it is under. */
  private async entries(stateKey: string, suffix: string): Promise<Entry[]> {
    const root = path.join(this.dir, LAYOUT);
    const repos = await readdir(root).catch(() => [] as string[]);
    const found: Entry[] = [];
    for (const repo of repos) {
      const folder = path.join(root, repo, stateKey);
      const names = await readdir(folder).catch(() => [] as string[]);
      for (const name of names) {
        if (!name.endsWith(suffix) || name.startsWith('.')) continue;
        const file = path.join(folder, name);
        const info = await stat(file).catch(() => undefined);
        if (info?.isFile()) found.push({ head: name.slice(0, -suffix.length), stateKey, file, mtimeMs: info.mtimeMs });
      }
    }
    return found;
  }

  /** Reads one entry's file (and, with `touch`, marks it used); a damaged or foreign one is a warning and absent. */
  private async load<T>(file: string, expect: Pick<CacheMeta, 'kind' | 'head' | 'stateKey'>, touch = true): Promise<T | undefined> {
    try {
      const { meta, value } = await readCacheFile(file);
      if (meta.kind !== expect.kind || meta.head !== expect.head || meta.stateKey !== expect.stateKey || meta.toolVersion !== TOOL_VERSION) {
        throw new CacheFileError('written for another commit or version');
      }
      if (touch) await touchFile(file);
      return value as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // evicted meanwhile
      const reason = error instanceof CacheFileError ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      this.warnOnce('cache-ignored', `a cache file was ignored and will be rebuilt (${reason}): ${file}`);
      return undefined;
    }
  }

  /**
   * The states of exactly this commit under the first key that has them and, when they are needed,
   * a loader of its facts: the largest file of an entry (git/git: 6.6 MB, 1.4 s to decode), which
   * only a trend reads, after the first screen.
   */
  async find(stateKeys: readonly string[], head: string, needFacts: boolean): Promise<{ state: CachedState; facts: FactsLoader | undefined } | undefined> {
    const root = path.join(this.dir, LAYOUT);
    const repos = await readdir(root).catch(() => [] as string[]);
    for (const stateKey of stateKeys) {
      for (const repo of repos) {
        const file = path.join(root, repo, stateKey, `${head}.state`);
        if (!(await isFile(file))) continue;
        const factsFile = factsFileOf(file);
        if (needFacts && !(await isFile(factsFile))) continue;
        const state = await this.load<CachedState>(file, { kind: 'state', head, stateKey });
        if (!state) continue;
        const facts = needFacts ? this.factsLoader(factsFile, head, stateKey) : undefined;
        return { state, facts };
      }
    }
    return undefined;
  }

  /** An entry's states (and facts), its files not marked used: the caller does when it uses them. */
  private async loadEntry(entry: Entry, needFacts: boolean): Promise<{ state: CachedState; facts: CommitRecord[] | undefined } | undefined> {
    const { stateKey } = entry;
    let facts: CommitRecord[] | undefined;
    if (needFacts) {
      facts = await this.load<CommitRecord[]>(factsFileOf(entry.file), { kind: 'facts', head: entry.head, stateKey }, false);
      if (!facts) return undefined;
    }
    const state = await this.load<CachedState>(entry.file, { kind: 'state', head: entry.head, stateKey }, false);
    return state ? { state, facts } : undefined;
  }

  /**
   * The cached ancestors of `head` that could be extended with the commits since, best first: the
   * most recently used entries whose commit this repository has and which `head` descends from,
   * and which `accepts` (what the commit's own files make of the pass: cache/cached-scan.ts). Each
   * comes with its states already loading, so the caller scans the new commits meanwhile; a
   * candidate whose files turn out unusable loads as undefined (with a warning), and the caller
   * asks for the next.
   */
  async *ancestors(
    stateKeys: readonly string[],
    head: string,
    needFacts: boolean,
    signal: AbortSignal | undefined,
    accepts: (base: string) => Promise<boolean> = async () => true,
  ): AsyncGenerator<{ base: string; loaded: Promise<{ state: CachedState; facts: CommitRecord[] | undefined } | undefined> }> {
    const all: Entry[] = [];
    for (const stateKey of stateKeys) all.push(...(await this.entries(stateKey, '.state')));
    const entries = all.filter((entry) => entry.head !== head && /^[0-9a-f]+$/.test(entry.head));
    entries.sort((a, b) => b.mtimeMs - a.mtimeMs);
    const candidates = entries.slice(0, MAX_CANDIDATES);
    if (candidates.length === 0) return;
    // The most recently used entry is nearly always the one extended: its files are read and
    // decoded while git checks that it is an ancestor (git/git: 40 ms of git calls).
    const early = this.loadEntry(candidates[0] as Entry, needFacts);
    early.catch(() => {});
    const present = await this.repo.reader.commitsPresent(candidates.map((entry) => entry.head), signal);
    for (const entry of candidates) {
      if (!present.has(entry.head)) continue;
      if (!(await this.repo.reader.isAncestor(entry.head, head, signal)) || !(await accepts(entry.head))) continue;
      const loaded = (entry === candidates[0] ? early : this.loadEntry(entry, needFacts)).then(async (value) => {
        // Used now: least recently used eviction goes by modification time.
        if (value) await Promise.all([touchFile(entry.file), ...(needFacts ? [touchFile(factsFileOf(entry.file))] : [])]);
        return value;
      });
      // Awaited by the caller after it started its scan; a rejection meanwhile is not unhandled.
      loaded.catch(() => {});
      yield { base: entry.head, loaded };
    }
  }

  /**
   * Stores one commit's states (and facts), then evicts what is over the size limit. The states
   * are serialised before this returns: the caller may use them while the files are written.
   */
  async store(stateKey: string, head: string, state: CachedState, facts: readonly CommitRecord[] | undefined): Promise<void> {
    const key = repoKey(this.repo.objectFormat, state.history.roots);
    const folder = path.join(this.dir, LAYOUT, key, stateKey);
    const meta = (kind: CacheMeta['kind']): CacheMeta => ({
      kind,
      head,
      stateKey,
      repoKey: key,
      toolVersion: TOOL_VERSION,
      createdAt: new Date().toISOString(),
      repository: this.label ?? (this.repo.isBare ? this.repo.gitDir : this.repo.cwd),
      commits: state.history.counts.commits,
    });
    // Serialised now, before the caller goes on (it builds the report meanwhile); compressed beside it.
    const encodedFacts = facts ? encodeCacheFile(meta('facts'), facts) : undefined;
    const encodedState = encodeCacheFile(meta('state'), state);
    encodedFacts?.catch(() => {});
    encodedState.catch(() => {});
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      // Facts first: an entry whose state is there is complete for whoever reads its facts.
      if (encodedFacts) await writeEncoded(path.join(folder, `${head}.facts`), await encodedFacts);
      await writeEncoded(path.join(folder, `${head}.state`), await encodedState);
      await this.evict();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      this.warnOnce('cache-unwritable', `the analysis could not be cached in ${this.dir} (${code})`);
    }
  }

  /**
   * A finished report of exactly this commit and way of asking (cache-keys.ts reportKey): the
   * re-run that builds nothing (docs/cache.md, "Finished reports"). Keys are tried in the states'
   * order, and a key whose states are there but not this report ends the search: those states
   * (a complete copy's, say) come before a report of a later key (this copy's degraded one).
   */
  async findReport<T>(
    stateKeys: readonly string[],
    head: string,
    reportKeyOf: (stateKey: string) => string,
    needFacts: boolean,
  ): Promise<{ value: T; facts: FactsLoader | undefined } | undefined> {
    const root = path.join(this.dir, LAYOUT);
    const repos = await readdir(root).catch(() => [] as string[]);
    for (const stateKey of stateKeys) {
      const name = reportFileName(head, reportKeyOf(stateKey));
      let states = false;
      for (const repo of repos) {
        const folder = path.join(root, repo, stateKey);
        // A trend replays the facts stored with the states: a report without them is no use to it.
        const factsFile = path.join(folder, `${head}.facts`);
        if (!needFacts || (await isFile(factsFile))) {
          const found = await this.load<T>(path.join(folder, name), { kind: 'report', head, stateKey });
          if (found !== undefined) return { value: found, facts: needFacts ? this.factsLoader(factsFile, head, stateKey) : undefined };
        }
        states ||= await isFile(path.join(folder, `${head}.state`));
      }
      if (states) return undefined;
    }
    return undefined;
  }

  /** Reads an entry's facts when asked: the largest file of an entry, which only a trend needs. */
  private factsLoader(factsFile: string, head: string, stateKey: string): FactsLoader {
    return async () => {
      const commits = await this.load<CommitRecord[]>(factsFile, { kind: 'facts', head, stateKey });
      // Unusable: removed, so that the next run scans again and stores a good one.
      if (!commits) await rm(factsFile, { force: true });
      return commits;
    };
  }

  /** Stores a finished report beside its states; a failure is the usual warning, once. */
  async storeReport(stateKey: string, head: string, reportKey: string, roots: readonly string[], commits: number, value: unknown): Promise<void> {
    const key = repoKey(this.repo.objectFormat, roots);
    const folder = path.join(this.dir, LAYOUT, key, stateKey);
    const encoded = encodeCacheFile(
      { kind: 'report', head, stateKey, repoKey: key, toolVersion: TOOL_VERSION, createdAt: new Date().toISOString(), repository: this.repo.isBare ? this.repo.gitDir : this.repo.cwd, commits },
      value,
    );
    encoded.catch(() => {});
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await writeEncoded(path.join(folder, reportFileName(head, reportKey)), await encoded);
      await this.evict();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      this.warnOnce('cache-unwritable', `the analysis could not be cached in ${this.dir} (${code})`);
    }
  }

  /** Least recently used files go until the folder is under its limit; leftovers of killed runs too. */
  private async evict(): Promise<void> {
    const files = await listCacheFiles(this.dir);
    const now = Date.now();
    let total = 0;
    for (const file of files) {
      if (file.temporary && now - file.mtimeMs > STALE_TEMPORARY_MS) await rm(file.path, { force: true });
      else total += file.size;
    }
    const byAge = files.filter((file) => !file.temporary).sort((a, b) => a.mtimeMs - b.mtimeMs);
    for (const file of byAge) {
      if (total <= this.limitBytes) break;
      await rm(file.path, { force: true });
      total -= file.size;
    }
  }
}

/** One file below the cache folder. */
export interface CacheFileInfo {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** A write in progress, or left over from a killed run. */
  readonly temporary: boolean;
}

/** Every file of the layout: `<dir>/v1/<repository>/<state key>/<file>`. */
export async function listCacheFiles(dir: string): Promise<CacheFileInfo[]> {
  const found: CacheFileInfo[] = [];
  const root = path.join(dir, LAYOUT);
  for (const repo of await readdir(root).catch(() => [] as string[])) {
    for (const key of await readdir(path.join(root, repo)).catch(() => [] as string[])) {
      const folder = path.join(root, repo, key);
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        const file = path.join(folder, name);
        const info = await stat(file).catch(() => undefined);
        if (info?.isFile()) found.push({ path: file, size: info.size, mtimeMs: info.mtimeMs, temporary: name.endsWith('.tmp') });
      }
    }
  }
  return found;
}
