import { OUTPUT_OPTIONS, type OptionSpec, type OptionValues } from './option-schema.js';

/** The formats `busfactor report` writes today (docs/report.md); each is a renderer under render/report/. */
export const REPORT_FORMATS = ['md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * `busfactor report`'s output options (docs/report.md). Per invocation like every output option: a
 * repository's config chooses neither the title nor where the report is written.
 */
export const REPORT_OUTPUT_OPTIONS = {
  format: { flag: '--format <name>', type: { kind: 'choice', choices: REPORT_FORMATS }, default: 'md', inConfig: false, help: 'report format: md (a document for a wiki or a pull-request comment), csv (the modules and people tables), json (the report model)' },
  json: OUTPUT_OPTIONS.json,
  output: {
    flag: '--output <path>',
    short: '-o',
    type: { kind: 'string' },
    default: '',
    inConfig: false,
    help: 'write to this file (atomically) instead of stdout; with --format csv and no --table, a folder that gets modules.csv and people.csv',
  },
  table: { flag: '--table <name>', type: { kind: 'choice', choices: ['modules', 'people'] }, default: '', inConfig: false, help: 'csv: only this table, to stdout or -o FILE' },
  title: { flag: '--title <text>', type: { kind: 'string' }, default: '', inConfig: false, help: 'the report\'s title (default: "Bus factor of <repository>")' },
  config: OUTPUT_OPTIONS.config,
  quiet: OUTPUT_OPTIONS.quiet,
} as const satisfies Record<string, OptionSpec>;

export type ReportOutputValues = OptionValues<typeof REPORT_OUTPUT_OPTIONS>;
