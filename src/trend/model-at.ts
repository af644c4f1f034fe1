import { setImmediate as nextTurn } from 'node:timers/promises';
import { compareForRemoval } from '../bus-factor/tie-break.js';
import { CancelledError } from '../errors.js';
import { ActivityCollector } from '../history/activity-collector.js';
import type { CommitRecord } from '../history/commit-record.js';
import type { FactStore } from '../history/fact-store.js';
import { HistoryPass, type CoAuthorPolicy } from '../history/history-pass.js';
import { LineageCollector } from '../history/lineage-collector.js';
import { StewardshipCollector } from '../history/stewardship-collector.js';
import { IdentityTable } from '../identity/identity-table.js';
import { mergeIdentities } from '../identity/merge-identities.js';
import { lastActive } from '../people/last-active.js';
import { classifyTags } from '../stewardship/classify-tags.js';
import { releaseTagMatcher } from '../stewardship/release-names.js';
import type { TagRecord } from '../stewardship/read-tags.js';
import { computeAuthorship, type Authorship } from '../knowledge/compute-authorship.js';
import { computeRecencyAuthorship } from '../knowledge/recency-authorship.js';
import { directoryModules } from '../modules/directory-modules.js';
import { departedPeople } from '../people/departed-people.js';
import { matchPerson } from '../people/match-person.js';
import { lostFileFlags, scoreFiles, type AuthorshipIndex } from '../report/what-if.js';
import { parseAge } from '../settings/parse-age.js';
import type { Settings } from '../settings/resolve-settings.js';

/** What a trend shows of one set of files at one point. */
export interface TrendFigures {
  readonly busFactor: number;
  /** The bus factor once the people who had departed by then are gone. */
  readonly activeBusFactor: number;
  /** Share of the files whose every author had departed by then (0–1). */
  readonly lostShare: number;
  readonly files: number;
}

/** The model at one point: the repository's figures and each top-level folder's, by module id. */
export interface PointModel extends TrendFigures {
  readonly modules: ReadonlyMap<string, TrendFigures & { readonly name: string }>;
}

export interface ModelInput {
  readonly store: FactStore;
  /** The commits to replay (`ancestorMask` of the point's commit). */
  readonly mask: Uint8Array;
  /** The point's commit: ages and departures are measured from its committer time. */
  readonly reference: CommitRecord;
  /** The counted files of the point's tree (`buildFileUniverse`), in universe order. */
  readonly paths: readonly string[];
  /** The analysed folder ('' for all): top-level folders are counted below it. */
  readonly scope: string;
  readonly settings: Settings;
  readonly coAuthors: CoAuthorPolicy;
  /** The repository's tags: releases made by the point count as activity for its departures. */
  readonly tags: readonly TagRecord[];
  readonly signal?: AbortSignal;
}

/** Commits replayed between turns of the event loop: the git processes of other points keep flowing. */
const REPLAY_SLICE = 4096;

/**
 * The model at one point, as a scan of that commit would compute it (docs/trend.md): the stored
 * commits that are its ancestors fed, in the pass's order, into fresh analyses measured from it;
 * identities merged, authorship by the session's algorithm, departures by the same rules with
 * the point's date as now, every figure from `scoreFiles`.
 */
export async function modelAt(input: ModelInput): Promise<PointModel> {
  const { store, mask, settings, signal } = input;
  const recent = parseAge(settings.departedAfter) as number;
  const lineage = new LineageCollector();
  const activity = new ActivityCollector(recent);
  // The AVL model reads no dated activity: only the recency model pays for it. Stewardship events
  // (merges, landed commits, trailers; build files do not matter here) date everyone's last activity,
  // which departures are measured by, as in the scan.
  const identities = new IdentityTable();
  const stewardship = new StewardshipCollector(identities, () => false);
  const analyses = settings.algorithm === 'recency' ? [lineage, activity, stewardship] : [lineage, stewardship];
  const pass = new HistoryPass(analyses, { coAuthors: input.coAuthors, reference: input.reference, identities });
  for (let i = 0; i < store.commits.length; i += 1) {
    if (mask[i] === 1) pass.consume(store.commits[i] as CommitRecord);
    if (i % REPLAY_SLICE === REPLAY_SLICE - 1) {
      await nextTurn();
      if (signal?.aborted) throw new CancelledError();
    }
  }
  pass.finish();

  const releases = classifyTags(input.tags, releaseTagMatcher(settings.stewardship.releaseTags), identities, { time: pass.referenceTime, commit: input.reference.oid }).releases;
  const people = mergeIdentities(identities.identities, settings.aliases);
  const options = { includeBots: settings.includeBots };
  const authorship: Authorship =
    settings.algorithm === 'recency'
      ? computeRecencyAuthorship(input.paths, lineage.paths, activity, people, options)
      : computeAuthorship(input.paths, lineage.paths, people, options);
  // Config entries naming nobody yet are no problem at an early point: the session reported them.
  const { departure } = departedPeople(people.people, {
    referenceTime: pass.referenceTime,
    lastActive: lastActive(people, stewardship.events, releases),
    after: recent,
    departed: settings.people.departed,
    present: settings.people.present,
  });
  // --without: the what-if at every point, as the scan's `whatIf` after-figures (those not in the
  // history yet at an early point leave nothing).
  const leaving = new Set(settings.without.flatMap((entry) => {
    const match = matchPerson(people.people, entry);
    return match.kind === 'one' ? [match.person] : [];
  }));
  const departedOnly = new Set(departure.flatMap((why, person) => (why ? [person] : [])));
  const departed = new Set([...departedOnly, ...leaving]);
  const index: AuthorshipIndex = {
    people: people.people.map((person) => ({ id: person.id, name: person.name, email: person.email })),
    indexOf: new Map(people.people.map((person) => [person.id, person.index])),
    fileAuthors: authorship.authors,
    tieBreak: compareForRemoval(people.people, authorship.changes),
  };
  // Lost is a fact of the history, as in the scan: the what-if does not change it.
  const lost = lostFileFlags(authorship.authors, departedOnly);
  const figures = (files: readonly number[]): TrendFigures => ({
    busFactor: scoreFiles(index, files, leaving).busFactor,
    activeBusFactor: scoreFiles(index, files, departed).busFactor,
    lostShare: files.length === 0 ? 0 : files.filter((file) => lost[file]).length / files.length,
    files: files.length,
  });

  // Top-level folders with at least --min-files counted files, whatever --depth and --modules say.
  const folders = await directoryModules({
    files: authorship.files,
    blobs: new Map(),
    read: async () => undefined,
    scope: input.scope,
    settings: { ...settings, depth: 1 },
    warnings: [],
  });
  const modules = new Map(folders.map((folder) => [folder.id, { name: folder.name, ...figures(folder.files) }]));
  return { ...figures(authorship.files.map((_, i) => i)), modules };
}

