import type { OrgView } from '../../org/org-view.js';
import type { OrgCsvTable, OrgFormat } from '../../settings/org-options.js';
import type { Style } from '../style.js';
import { renderOrgCsv } from './render-org-csv.js';
import { renderOrgHtml } from './render-org-html.js';
import { renderOrgJson } from './render-org-json.js';
import { renderOrgMarkdown } from './render-org-markdown.js';
import { renderOrgText } from './render-org-text.js';

/** What every org renderer gets beside the view. */
export interface OrgRenderOptions {
  readonly style: Style;
  /** Terminal width for cutting long cells; undefined when not printing to a terminal. */
  readonly width: number | undefined;
  /** csv: the table (`--table`). */
  readonly table: OrgCsvTable;
}

/** A pure function from the organisation view to the output's text. */
export type OrgRenderer = (view: OrgView, options: OrgRenderOptions) => string;

/** The org view's formats, by `--format` name (the type checks each has one): adding one is a file and a key here. */
export const ORG_RENDERERS: Readonly<Record<OrgFormat, OrgRenderer>> = {
  text: renderOrgText,
  json: (view) => renderOrgJson(view),
  markdown: (view) => renderOrgMarkdown(view),
  html: (view) => renderOrgHtml(view),
  csv: (view, options) => renderOrgCsv(view, options.table),
};
