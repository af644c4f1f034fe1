import { InputError } from '../errors.js';
import type { OrgView } from '../org/org-view.js';
import { ORG_RENDERERS } from '../render/org/org-renderers.js';
import { createStyle, shouldColor } from '../render/style.js';
import type { OrgCsvTable, OrgFormat, OrgViewValues } from '../settings/org-options.js';
import { shouldOpenExplorer } from './choose-view.js';
import { EXIT_INTERRUPTED } from './report-error.js';
import { deliverOutput } from './write-output.js';

/** How `org` and `aggregate` show the view, decided before any analysis so a contradiction is said at once. */
export interface OrgOutputChoice {
  readonly format: OrgFormat;
  readonly table: OrgCsvTable;
  readonly output: string;
  readonly quiet: boolean;
  readonly color: boolean;
  /** The explorer on a terminal (no --format, --json, -o or --no-tui; a TTY; not CI). */
  readonly explorer: boolean;
  /** The output itself shows the repositories' warnings (text on stdout): stderr does not repeat them. */
  readonly inlineWarnings: boolean;
}

export function orgOutputChoice(typed: Partial<OrgViewValues>): OrgOutputChoice {
  if (typed.json && typed.format !== undefined && typed.format !== 'json') throw new InputError(`--json is --format json: it cannot be combined with --format ${typed.format}`);
  const format: OrgFormat = typed.json ? 'json' : (typed.format ?? 'text');
  if (typed.table !== undefined && format !== 'csv') throw new InputError('--table chooses a CSV table: give it with --format csv');
  const output = typed.output ?? '';
  const explorer = shouldOpenExplorer(
    { json: typed.json === true, tui: typed.tui !== false, formatGiven: typed.format !== undefined, output },
    { stdin: process.stdin, stdout: process.stdout, env: process.env },
  );
  return { format, table: typed.table ?? 'repositories', output, quiet: typed.quiet === true, color: typed.color !== false, explorer, inlineWarnings: explorer || (format === 'text' && output === '') };
}

/**
 * Shows the view: the explorer, or
 * the format's renderer to stdout or `-o FILE` (atomically). The view's own warnings go to stderr
 * unless the output shows them or `--quiet`.
 */
export async function showOrgView(view: OrgView, choice: OrgOutputChoice, signal: AbortSignal): Promise<number> {
  if (choice.explorer) {
    const { exploreOrg } = await import('./explore-org.js');
    const outcome = await exploreOrg(view, { color: shouldColor(process.stdout, choice.color), signal });
    if (outcome === 'interrupted') {
      process.stderr.write('busfactor: interrupted\n');
      return EXIT_INTERRUPTED;
    }
    return 0;
  }
  const toFile = choice.output !== '';
  const color = !toFile && choice.format === 'text' && shouldColor(process.stdout, choice.color);
  const text = ORG_RENDERERS[choice.format](view, { style: createStyle(color), width: !toFile && process.stdout.isTTY ? process.stdout.columns : undefined, table: choice.table });
  await deliverOutput(choice.output, text, view.warnings, { quiet: choice.quiet, inline: choice.format === 'text' });
  return 0;
}
