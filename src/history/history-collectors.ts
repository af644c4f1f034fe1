import { IdentityTable } from '../identity/identity-table.js';
import { ActivityCollector } from './activity-collector.js';
import type { CommitRecord } from './commit-record.js';
import { FactStore } from './fact-store.js';
import { HistoryPass, type CoAuthorPolicy, type HistoryAnalysis } from './history-pass.js';
import { LineageCollector } from './lineage-collector.js';
import { StewardshipCollector } from './stewardship-collector.js';

/**
 * The root commits of the history: the cache keys its entries by them (cache/cache-keys.ts), and
 * `git rev-list --max-parents=0` would walk the history a second time to list them.
 */
export class RootsCollector implements HistoryAnalysis {
  constructor(readonly roots: string[] = []) {}

  consume(commit: CommitRecord): void {
    if (commit.parents.length === 0) this.roots.push(commit.oid);
  }
}

/** Settings the collectors are built from. */
export interface CollectorSettings {
  readonly coAuthors: CoAuthorPolicy;
  /** `--departed-after` in seconds: the recent window of the dated activity. */
  readonly recentSeconds: number;
  readonly isBuildFile: (path: string) => boolean;
  /** Keep every commit for a trend (`keepFacts`). */
  readonly keepFacts: boolean;
  /** Record each commit's author for line ownership (`--lines`). */
  readonly lines: boolean;
}

/** Every analysis of the one history pass, and the pass that feeds them. */
export interface HistoryCollectors {
  readonly identities: IdentityTable;
  readonly lineage: LineageCollector;
  readonly activity: ActivityCollector;
  readonly stewardship: StewardshipCollector;
  readonly roots: RootsCollector;
  readonly facts: FactStore | undefined;
  readonly authorOf: Map<string, number> | undefined;
  readonly pass: HistoryPass;
}

/** Fresh collectors for one pass; `extra` analyses are fed too (cache/extend-ownership.ts's touched paths). */
export function createCollectors(settings: CollectorSettings, extra: readonly HistoryAnalysis[] = []): HistoryCollectors {
  const table = new IdentityTable();
  const lineage = new LineageCollector();
  const activity = new ActivityCollector(settings.recentSeconds);
  const stewardship = new StewardshipCollector(table, settings.isBuildFile);
  const roots = new RootsCollector();
  const facts = settings.keepFacts ? new FactStore() : undefined;
  const authorOf = settings.lines ? new Map<string, number>() : undefined;
  const analyses: HistoryAnalysis[] = [lineage, activity, stewardship, roots, ...(facts ? [facts] : []), ...extra];
  const pass = new HistoryPass(analyses, { coAuthors: settings.coAuthors, identities: table, ...(authorOf ? { authorOf } : {}) });
  return { identities: table, lineage, activity, stewardship, roots, facts, authorOf, pass };
}
