import type { OrgView } from '../../org/org-view.js';
import { escapeJsonText } from '../sanitize.js';

/** The organisation view as JSON (schemaVersion 1, docs/org.md), safe to print on a terminal. */
export function renderOrgJson(view: OrgView): string {
  return `${escapeJsonText(JSON.stringify(view, null, 2))}\n`;
}
