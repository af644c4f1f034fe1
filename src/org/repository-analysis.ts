import type { KeyPerson, ModuleReport, Report } from '../report/report.js';
import type { Warning } from '../warnings.js';
import { comparableSettings, type ComparableSettings } from './comparable-settings.js';

/**
 * What the organisation view needs of one repository's report, and no more: an org run over forty
 * repositories keeps these, not forty full reports (their `files[]` and stewardship are dropped as
 * soon as each report has been written to `--out`).
 */
export interface RepositoryAnalysis {
  /** The report's repository name, with `/scope` when a folder was analysed. */
  readonly reportName: string;
  /** Unique within the run (org/file-stems.ts; aggregate: the file's name). */
  readonly stem: string;
  readonly source: string;
  readonly head: string;
  readonly scope: string;
  readonly headTime: string | null;
  readonly referenceTime: string | null;
  readonly busFactor: number;
  readonly activeBusFactor: number;
  readonly lost: { readonly files: number; readonly share: number };
  readonly totals: Report['totals'];
  readonly keyPeople: readonly KeyPerson[];
  readonly activeKeyPeople: readonly KeyPerson[];
  readonly people: readonly AnalysedPerson[];
  readonly modules: readonly Pick<ModuleReport, 'id' | 'kind' | 'name' | 'path' | 'files' | 'busFactor' | 'activeBusFactor' | 'lostFiles' | 'keyPeople'>[];
  readonly warnings: readonly Warning[];
  readonly settings: ComparableSettings;
}

export interface AnalysedPerson {
  readonly id: string;
  readonly name: string;
  readonly emails: readonly string[];
  readonly commits: number;
  readonly departed: boolean;
  readonly bot: boolean;
  readonly filesAuthored: number;
}

/** The report's name in the view: `api`, or `monorepo/packages/api` for a folder's analysis. */
export function reportName(report: Pick<Report, 'repository'>): string {
  const scope = report.repository.scope.replace(/\/+$/, '');
  return scope === '' ? report.repository.name : `${report.repository.name}/${scope}`;
}

export function analysedRepository(report: Report, where: { readonly stem: string; readonly source: string }): RepositoryAnalysis {
  return {
    reportName: reportName(report),
    stem: where.stem,
    source: where.source,
    head: report.head,
    scope: report.repository.scope,
    headTime: report.headTime,
    referenceTime: report.referenceTime,
    busFactor: report.busFactor,
    activeBusFactor: report.activeBusFactor,
    lost: { files: report.lost.files, share: report.lost.share },
    totals: report.totals,
    keyPeople: report.keyPeople,
    activeKeyPeople: report.activeKeyPeople,
    people: report.people.map(({ id, name, emails, commits, departed, bot, filesAuthored }) => ({ id, name, emails, commits, departed, bot, filesAuthored })),
    modules: report.modules.map(({ id, kind, name, path, files, busFactor, activeBusFactor, lostFiles, keyPeople }) => ({ id, kind, name, ...(path === undefined ? {} : { path }), files, busFactor, activeBusFactor, lostFiles, keyPeople })),
    warnings: report.warnings,
    settings: comparableSettings(report),
  };
}
