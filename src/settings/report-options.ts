import { OUTPUT_OPTIONS, type OptionSpec, type OptionValues } from './option-schema.js';

/** The formats `busfactor report` writes (docs/report.md); each is a renderer under render/report/. */
export const REPORT_FORMATS = ['html', 'pdf', 'md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * `busfactor report`'s output options (docs/report.md). Per invocation like every output option: a
 * repository's config chooses neither the title, the pseudonyms' salt nor where the report is written.
 */
export const REPORT_OUTPUT_OPTIONS = {
  format: {
    flag: '--format <name>',
    type: { kind: 'choice', choices: REPORT_FORMATS },
    default: 'md',
    inConfig: false,
    help: 'report format: html (one self-contained page with an offline what-if), pdf (that page printed by Chromium), md (a document for a wiki or a pull-request comment), csv (the modules and people tables), json (the report model)',
  },
  json: OUTPUT_OPTIONS.json,
  output: {
    flag: '--output <path>',
    short: '-o',
    type: { kind: 'string' },
    default: '',
    inConfig: false,
    help: 'write to this file (atomically) instead of stdout (pdf: required); with --format csv and no --table, a folder that gets modules.csv and people.csv',
  },
  table: { flag: '--table <name>', type: { kind: 'choice', choices: ['modules', 'people'] }, default: '', inConfig: false, help: 'csv: only this table, to stdout or -o FILE' },
  title: { flag: '--title <text>', type: { kind: 'string' }, default: '', inConfig: false, help: 'the report\'s title (default: "Bus factor of <repository>")' },
  anonymize: {
    flag: '--anonymize',
    type: { kind: 'boolean' },
    default: false,
    inConfig: false,
    help: 'replace every person (names, emails, ids, CODEOWNERS handles) by a pseudonym, in every format',
  },
  anonymizeSalt: {
    flag: '--anonymize-salt <text>',
    type: { kind: 'string' },
    default: '',
    inConfig: false,
    help: 'with --anonymize: the secret the pseudonyms are derived from; the same salt gives the same pseudonyms in every run (default: a random one per run)',
  },
  trend: {
    flag: '--trend',
    type: { kind: 'boolean' },
    default: true,
    negation: { flag: '--no-trend', help: 'html, pdf: no trend sparkline (saves replaying 12 points of history)' },
    inConfig: false,
    help: 'html, pdf: the bus factor at 12 points of history as a sparkline (the default)',
  },
  browser: {
    flag: '--browser <path>',
    type: { kind: 'string' },
    default: '',
    inConfig: false,
    help: 'pdf: the Chromium or Chrome to print with (default: $CHROME_PATH, then chromium, chromium-browser, google-chrome on PATH)',
  },
  config: OUTPUT_OPTIONS.config,
  quiet: OUTPUT_OPTIONS.quiet,
} as const satisfies Record<string, OptionSpec>;

export type ReportOutputValues = OptionValues<typeof REPORT_OUTPUT_OPTIONS>;
