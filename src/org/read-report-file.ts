import { InputError } from '../errors.js';
import type { Report } from '../report/report.js';
import { TOOL_VERSION } from '../report/version.js';
import { readLocalFile } from '../settings/read-local-file.js';
import { REPORT_FILE_SCHEMA } from './report-file-schema.js';

/** The report schema this busfactor reads (src/report/report.ts). */
export const READ_SCHEMA_VERSION = 1;

/** Reports are a few MB for the largest histories; anything far larger is not one. */
const MAX_REPORT_BYTES = 512 * 1024 * 1024;

/**
 * Reads one per-repository JSON report for `busfactor aggregate` (docs/org.md, "aggregate"), or
 * throws an InputError naming the file and the problem: unreadable, not JSON, not a busfactor report
 * (an organisation view or a check result among them), another schema version, a field missing or
 * of the wrong type.
 */
export async function readReportFile(file: string): Promise<Report> {
  const read = await readLocalFile(file, { maxBytes: MAX_REPORT_BYTES, followSymlinks: true });
  if (read.kind === 'absent') throw new InputError(`${file}: no such file`);
  if (read.kind === 'unusable') throw new InputError(`${file}: cannot be read: it ${read.reason}`);
  let data: unknown;
  try {
    data = JSON.parse(read.content.toString('utf8'));
  } catch (error) {
    throw new InputError(`${file}: not JSON (${(error as Error).message})`);
  }
  return checkReport(file, data);
}

export function checkReport(file: string, data: unknown): Report {
  const object = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  const tool = object?.tool as { name?: unknown } | undefined;
  if (!object || tool?.name !== 'busfactor') throw new InputError(`${file}: not a busfactor report (no "tool": { "name": "busfactor" })`);
  if (Array.isArray(object.repositories) && object.head === undefined) {
    throw new InputError(`${file}: an organisation view, not a repository's report (aggregate reads the per-repository reports: busfactor scan --json, busfactor org --out DIR)`);
  }
  if (object.schemaVersion !== READ_SCHEMA_VERSION) {
    throw new InputError(`${file}: report schemaVersion ${JSON.stringify(object.schemaVersion) ?? 'missing'}; busfactor ${TOOL_VERSION} reads schemaVersion ${READ_SCHEMA_VERSION}`, { hint: 'make the reports again with this version, or aggregate with the version that made them' });
  }
  const result = REPORT_FILE_SCHEMA.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the report';
    throw new InputError(`${file}: not a busfactor repository report (${where}: ${issue?.message ?? 'unexpected shape'})`);
  }
  return data as Report;
}
