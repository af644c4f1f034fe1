import type { ModuleReport, StewardshipKind } from '../../../report/report.js';

/**
 * What the HTML page's script is given (embedded as JSON): just enough of the report to score it
 * again in the browser with the CLI's own code (report-client/), people by index to keep it small.
 * Only plain data: the page builds every element from it with textContent, never as markup.
 */
export interface PageData {
  readonly title: string;
  readonly repository: string;
  /** `report.people` order: the what-if's person indices are these. */
  readonly people: readonly PagePerson[];
  /** Per counted file (`report.files` order), its authors' indices. */
  readonly fileAuthors: readonly (readonly number[])[];
  readonly modules: readonly PageModule[];
  readonly stewardship: Readonly<Partial<Record<StewardshipKind, PageActivity>>>;
  /** The people `--without` named: ticked when the page opens. */
  readonly leaving: readonly number[];
  readonly departedAfter: string;
  readonly trend?: PageTrend;
  /** Surviving lines per person, when `--lines` ran: the line lens beside the authorship lens. */
  readonly lineOwners?: readonly { readonly person: number; readonly lines: number; readonly share: number }[];
  /**
   * Counted files in no top-level folder module (a repository's top-level files, folders too small
   * to be modules): one more treemap tile, scored like a module, so the picture covers every file.
   */
  readonly looseFiles: readonly number[];
}

export interface PagePerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly commits: number;
  readonly filesAuthored: number;
  /** The greedy loop's tie-break (creations + deliveries), then the place of their real id in id order. */
  readonly changes: number;
  readonly idRank: number;
  readonly lastActiveAt: string | null;
  readonly departed: boolean;
  readonly bot: boolean;
}

export interface PageModule {
  readonly id: string;
  readonly kind: ModuleReport['kind'];
  readonly name: string;
  /** Indices into `fileAuthors`. */
  readonly files: readonly number[];
  /** Drawn in the treemap: the top-level modules of the first kind (folders of depth 1). */
  readonly top: boolean;
  /** A folder of depth 2: its top-level folder's index, drawn inside that folder's tile. */
  readonly parent?: number;
  readonly orphanFiles: number;
  /** Who could take it over (report order), person indices, with their knowledge (0–1). */
  readonly successors: readonly { readonly person: number; readonly knowledge: number }[];
  /** With line ownership: the module's surviving lines and their largest owner's share. */
  readonly lines?: number;
  readonly topLineOwner?: { readonly person: number; readonly share: number };
}

/**
 * A stewardship activity's counted events per person (build: the build files' authors), by person
 * id as the report has them: a steward need not be among the people (`scoreStewardship` reads ids).
 */
export interface PageActivity {
  readonly events: number;
  readonly windowEvents: number;
  readonly people: readonly { readonly id: string; readonly events: number; readonly windowEvents: number; readonly last: string | null }[];
  readonly buildFiles?: readonly (readonly string[])[];
}

export interface PageTrend {
  /** ISO dates (UTC days), oldest first; '' where the point has no usable date. */
  readonly dates: readonly string[];
  readonly busFactor: readonly number[];
  readonly activeBusFactor: readonly number[];
  readonly lostShare: readonly number[];
}
