import type { Report } from '../../report/report.js';
import type { Trend } from '../../trend/compute-trend.js';
import type { ReportFormat } from '../../settings/report-options.js';
import { renderJson } from '../render-json.js';
import { CSV_TABLES, renderReportCsv, type CsvTable } from './render-report-csv.js';
import { renderReportMarkdown } from './render-report-markdown.js';

/** What a report renderer is given: the (maybe anonymized) report and the invocation's choices. */
export interface ReportContext {
  readonly report: Report;
  readonly title: string;
  /** When the document was made, ISO 8601 UTC: the report model has no clock, the document states it. */
  readonly generatedAt: string;
  /** html, pdf: the bus factor over history (`--trend`), when history allows one. */
  readonly trend?: Trend;
  /** csv: one table, or both. */
  readonly table?: CsvTable;
  /** pdf: the browser to print with, found before the analysis (`print-pdf.ts` findBrowser). */
  readonly browser: string;
  /**
   * html, pdf: each person's place in the order of their real ids (`bus-factor/tie-break.ts`):
   * with `--anonymize` the page's what-if breaks ties as the CLI did, not by pseudonym.
   */
  readonly idRanks?: readonly number[];
}

/** A rendered report: one text or binary document, or several named files (csv into a folder). */
export type ReportDocument =
  | { readonly kind: 'document'; readonly content: string | Uint8Array; readonly binary: boolean }
  | { readonly kind: 'files'; readonly files: readonly { readonly name: string; readonly content: string }[] };

export interface ReportRenderer {
  /**
   * The page formats (html, pdf): they want the trend, and successors for every module — the page's
   * what-if can bring any module down to 1, and must then say who could take it over.
   */
  readonly page: boolean;
  render(context: ReportContext): Promise<ReportDocument>;
}

const text = (content: string): ReportDocument => ({ kind: 'document', content, binary: false });

/** Every `--format` of `busfactor report` (the type checks each has one); html and pdf load on demand. */
export const REPORT_RENDERERS: Readonly<Record<ReportFormat, ReportRenderer>> = {
  html: {
    page: true,
    render: async (context) => text((await import('./html/render-report-html.js')).renderReportHtml(context)),
  },
  pdf: {
    page: true,
    render: async (context) => {
      const { renderReportHtml } = await import('./html/render-report-html.js');
      const { printPdf } = await import('./print-pdf.js');
      return { kind: 'document', content: await printPdf(renderReportHtml(context), context.browser), binary: true };
    },
  },
  md: { page: false, render: async ({ report, title }) => text(renderReportMarkdown(report, { title })) },
  json: { page: false, render: async ({ report }) => text(renderJson(report)) },
  csv: {
    page: false,
    render: async ({ report, table }) =>
      table === undefined
        ? { kind: 'files', files: CSV_TABLES.map((which) => ({ name: `${which}.csv`, content: renderReportCsv(report, which) })) }
        : text(renderReportCsv(report, table)),
  },
};
