import type { MergeSuggestion } from '../identity/merge-suggestions.js';
import type { Warning } from '../warnings.js';
import type { Report, ReportPerson } from './report.js';
import { stewardRoles, type StewardRole } from './steward-roles.js';

/**
 * What `busfactor people --json` prints (docs/people.md): everyone, and the identities that are
 * probably the same person. Same rules as the report model: versioned, sorted, deterministic, no
 * absolute paths, no clock time; fields are only ever added within a schema version.
 */
export interface PeopleReport {
  readonly schemaVersion: 1;
  readonly tool: Report['tool'];
  readonly repository: Report['repository'];
  /** A repository given as a URL: as in the report (docs/remote.md). */
  readonly source?: Report['source'];
  /** Full id of the analysed commit. */
  readonly head: string;
  /** The revision as given (`--rev`, default `HEAD`). */
  readonly revision: string;
  /** The analysed commit's committer time, ISO 8601 UTC, that departures are measured from; null when unusable. */
  readonly referenceTime: string | null;
  /** `--departed-after` as given (`1y`). */
  readonly departedAfter: string;
  /** Exactly the report's `people[]`: most commits first. */
  readonly people: readonly ReportPerson[];
  /** In group order, then surest reason first (identity/merge-suggestions.ts documents each field). */
  readonly suggestions: readonly MergeSuggestion[];
  /**
   * Stewardship roles held now (docs/stewardship.md), in `people` order then activity order: the
   * activity and their share of its window events (build: of the build files they author).
   */
  readonly roles: readonly StewardRole[];
  readonly warnings: readonly Warning[];
}

export function buildPeopleReport(report: Report, suggestions: readonly MergeSuggestion[]): PeopleReport {
  return {
    schemaVersion: 1,
    tool: report.tool,
    repository: report.repository,
    ...(report.source ? { source: report.source } : {}),
    head: report.head,
    revision: report.revision,
    referenceTime: report.referenceTime,
    departedAfter: report.settings.departedAfter,
    people: report.people,
    suggestions,
    roles: stewardRoles(report),
    warnings: report.warnings,
  };
}
