/** The org page's stylesheet (render-org-html.ts): inline in the page, allowed by its hash, no fonts or images fetched. */
export const ORG_PAGE_STYLE = `
:root { --ink: #111827; --muted: #4b5563; --line: #d1d5db; --band: #f3f4f6; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 24px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
p, li, td { overflow-wrap: anywhere; }
.subtitle, .legend, footer { color: var(--muted); }
.legend { font-size: 0.9rem; }
footer { margin-top: 32px; padding-bottom: 24px; font-size: 0.85rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--band); position: sticky; top: 0; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.risk { display: inline-block; min-width: 2em; text-align: center; border-radius: 3px; font-weight: 700; }
.risk-red { background: #fee2e2; color: #991b1b; }
.risk-yellow { background: #fef3c7; color: #92400e; }
.risk-green { background: #dcfce7; color: #166534; }
.departed { color: var(--muted); }
.failed { color: #991b1b; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
`;
