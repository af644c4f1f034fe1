import { createHash } from 'node:crypto';
import { escapeHtml as e } from './escape-html.js';

/** A Content-Security-Policy source for exactly this inline text. */
const hashSource = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface OfflinePage {
  readonly title: string;
  /** The tool version, named in the generator meta tag. */
  readonly version: string;
  readonly style: string;
  /** The page's one inline script, if it has one: the only script the policy allows. */
  readonly script?: string;
}

/**
 * The head of a self-contained page (the HTML report, the organisation view), up to `<body>`: its
 * Content-Security-Policy allows only its own inline style and script, by hash, and forbids every
 * request, so the page opens offline from `file://` and a name that got past the escaping still
 * could not run anything (docs/report.md, docs/org.md).
 */
export function offlinePageHead(page: OfflinePage): string {
  const scripts = page.script === undefined ? "'none'" : hashSource(page.script);
  const csp = `default-src 'none'; script-src ${scripts}; style-src ${hashSource(page.style)}; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="busfactor ${e(page.version)}">
<title>${e(page.title)}</title>
<style>${page.style}</style>
</head>`;
}
