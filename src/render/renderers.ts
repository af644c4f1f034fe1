import type { Report } from '../report/report.js';
import type { FormatName } from '../settings/option-schema.js';
import { renderJson } from './render-json.js';
import { renderText } from './render-text.js';
import type { Style } from './style.js';

/** What every renderer gets beside the report. */
export interface RenderOptions {
  readonly style: Style;
  /** Terminal width for truncating long cells; undefined when not printing to a terminal. */
  readonly width: number | undefined;
}

/** A pure function from the report to the output's text. */
export type Renderer = (report: Report, options: RenderOptions) => string;

/** The output formats, by `--format` name: adding one is a renderer file and a key here. */
export const RENDERERS: Readonly<Record<FormatName, Renderer>> = {
  text: renderText,
  json: (report) => renderJson(report),
};
