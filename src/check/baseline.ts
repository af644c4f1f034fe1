import { z } from 'zod';
import { InputError } from '../errors.js';
import { readLocalFile } from '../settings/read-local-file.js';
import { RULE_IDS, type BaselineSummary, type CheckOutcome, type Finding, type RuleId } from './check-result.js';

/**
 * The baseline ratchet (docs/check.md, "Baseline"): a small sorted JSON file the team commits,
 * listing the findings it accepts as known debt, each with its figure. A finding the baseline
 * knows and that is no worse only warns; a worse one (a regression) or one it does not know
 * (new) counts at its policy's level. `--update-baseline` rewrites the file from the findings.
 */

/** The file's format version: a file of another version is refused with the fix. */
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly rule: RuleId;
  /** The subject's id (`directory:lib/router`, `repository`, `stewardship:releases`). */
  readonly subject: string;
  readonly value: number;
}

const MAX_BASELINE_BYTES = 16 * 1024 * 1024;

const FIX = 'fix it, or write a new one with --update-baseline';

const entrySchema = z
  .object({
    rule: z.enum(RULE_IDS as [RuleId, ...RuleId[]]),
    subject: z.string().min(1),
    value: z.number().finite(),
  })
  .strict();

const baselineSchema = z.object({ busfactorBaseline: z.literal(BASELINE_VERSION), findings: z.array(entrySchema) }).strict();

/** The baseline file's entries; undefined when it does not exist. Anything unreadable is exit 2 with the fix. */
export async function readBaseline(file: string): Promise<readonly BaselineEntry[] | undefined> {
  const found = await readLocalFile(file, { maxBytes: MAX_BASELINE_BYTES, followSymlinks: true });
  if (found.kind === 'absent') return undefined;
  if (found.kind === 'unusable') throw new InputError(`baseline ${file} ${found.reason}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(found.content.toString('utf8'));
  } catch (error) {
    throw new InputError(`baseline ${file}: not JSON (${(error as Error).message}): ${FIX}`);
  }
  const version = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).busfactorBaseline : undefined;
  if (version !== BASELINE_VERSION) {
    const seen = version === undefined ? 'no "busfactorBaseline" version' : `version ${JSON.stringify(version)}`;
    throw new InputError(`baseline ${file}: ${seen}, this busfactor reads version ${BASELINE_VERSION}: ${FIX}`);
  }
  const result = baselineSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('') ?? '';
    throw new InputError(`baseline ${file}: ${where.replace(/^\./, '') || 'file'}: ${issue?.message ?? 'invalid'}: ${FIX}`);
  }
  return result.data.findings;
}

const keyOf = (rule: RuleId, subject: string) => `${rule}\u0000${subject}`;

/** Minimum rules regress when the figure goes down, maximum rules when it goes up. */
const isMinimum = (rule: RuleId) => rule.startsWith('min-');

/**
 * Findings with their baseline state and level. `checked`: the checks that ran (a baseline entry
 * counts as fixed only when its check ran and found nothing — in pull-request mode most did not run).
 */
export function applyBaseline(
  findings: readonly Finding[],
  entries: readonly BaselineEntry[],
  checked: readonly CheckOutcome[],
  file: string,
): { findings: Finding[]; summary: BaselineSummary } {
  const known = new Map(entries.map((entry) => [keyOf(entry.rule, entry.subject), entry]));
  let debt = 0;
  let regressions = 0;
  let fresh = 0;
  const matched = new Set<string>();
  const applied = findings.map((finding): Finding => {
    const key = keyOf(finding.rule, finding.subject.id);
    const entry = known.get(key);
    if (!entry) {
      fresh += 1;
      return { ...finding, baseline: 'new' };
    }
    matched.add(key);
    const worse = isMinimum(finding.rule) ? finding.value < entry.value : roundValue(finding.value) > entry.value;
    if (worse) {
      regressions += 1;
      return { ...finding, baseline: 'regression', baselineValue: entry.value };
    }
    debt += 1;
    return { ...finding, baseline: 'debt', baselineValue: entry.value, level: 'warning' };
  });
  const ran = new Set(checked.map((check) => keyOf(check.rule, check.subject.id)));
  const fixed = entries.filter((entry) => {
    const key = keyOf(entry.rule, entry.subject);
    return !matched.has(key) && ran.has(key);
  }).length;
  return { findings: applied, summary: { file, entries: entries.length, debt, regressions, new: fresh, fixed, updated: false } };
}

/** Shares are stored to four decimals: a figure that did not change never shows as a regression. */
function roundValue(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The baseline file for these findings: sorted by rule then subject, one entry per line. */
export function baselineText(findings: readonly Finding[]): string {
  const entries = findings
    .map((finding) => ({ rule: finding.rule, subject: finding.subject.id, value: roundValue(finding.value) }))
    .sort((a, b) => RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  const lines = entries.map((entry) => `    ${JSON.stringify(entry)}`);
  return `{\n  "busfactorBaseline": ${BASELINE_VERSION},\n  "findings": [${lines.length > 0 ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}
