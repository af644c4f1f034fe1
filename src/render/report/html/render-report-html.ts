import { readFileSync } from 'node:fs';
import { count, percent, plural } from '../../../format.js';
import type { Report, StewardshipKind } from '../../../report/report.js';
import { STEWARDSHIP_KINDS } from '../../../report/report.js';
import { escapeHtml as e } from '../../escape-html.js';
import { offlinePageHead } from '../../offline-page-head.js';
import { excludedCounts } from '../../excluded-counts.js';
import { absentReason, activityFacts, windowText } from '../../render-stewardship.js';
import type { ReportContext } from '../report-renderers.js';
import { embedJson, pageData } from './build-page-data.js';

/** The page's script and stylesheet, made by scripts/build-report-client.mjs at build time. */
interface ClientAssets {
  readonly script: string;
  readonly style: string;
}
let assets: ClientAssets | undefined;
function clientAssets(): ClientAssets {
  // Beside this module, in dist/ and in the CLI's bundle (scripts/bundle.mjs copies it there).
  assets ??= JSON.parse(readFileSync(new URL('./report-client.json', import.meta.url), 'utf8')) as ClientAssets;
  return assets;
}

const ALGORITHMS: Readonly<Record<Report['algorithm'], string>> = {
  avl: 'the AVL truck factor (Avelino et al., 2016): degree-of-authorship authors of each file, then the greedy loop removing the author of most files until fewer than half of the files have an author left',
  recency: 'the recency model (JetBrains): recency-weighted authorship over the last 547 days, then the same greedy loop',
};
const KIND_NAMES: Readonly<Record<StewardshipKind, string>> = { integration: 'Integration', releases: 'Releases', review: 'Review', build: 'Build and delivery' };
/** Rows of the server-drawn lists at most (the JSON report has everything). */
const LIST_ROWS = 25;

/**
 * `busfactor report --format html` (docs/report.md): one self-contained page — inline stylesheet,
 * inline script, inline SVG drawn by that script, the data as JSON — that opens offline from
 * `file://` and makes no request of any kind: its Content-Security-Policy allows only its own
 * script and style (by hash) and nothing else. The figures, treemap, curves and tables are drawn
 * by the page's script from the embedded data with the CLI's scoring code, so the what-if in the
 * page gives what `--without` gives; the method, stewardship detail, line ownership and CODEOWNERS
 * drift are written here, every piece of repository data through `escapeHtml`.
 */
export function renderReportHtml(context: ReportContext): string {
  const { report, title, generatedAt } = context;
  const { script, style } = clientAssets();
  const data = embedJson(pageData(report, title, context.trend, context.idRanks));
  const commit = report.head.slice(0, 12).replace(/[^0-9a-f]/gi, '');
  return `${offlinePageHead({ title, version: report.tool.version, style, script })}
<body>
<header>
<h1>${e(title)}</h1>
<p class="subtitle">Repository <strong>${e(report.repository.name)}</strong>${report.source ? ` (<code>${e(report.source.url)}</code>)` : ''}${report.repository.scope ? `, folder <code>${e(report.repository.scope)}</code>` : ''} at commit <code>${commit}</code>${report.revision === 'HEAD' ? '' : ` (${e(report.revision)})`} of ${e(day(report.headTime))} · made ${e(generatedAt.slice(0, 10))} by busfactor ${e(report.tool.version)}</p>
</header>
<main>
<noscript><p>This page draws its figures, treemap and tables with its own script, which is off. The method below is readable without it; <code>busfactor report --format md</code> writes the same report as text.</p></noscript>
<p id="script-error" role="alert" hidden></p>
<div id="whatif" role="status" aria-live="polite"></div>
<section id="summary-section"><h2>Summary</h2><div id="summary"></div></section>
<section id="pictures"><h2>Where the knowledge is</h2>
<div class="figures">
<figure><p class="legend" id="colour-by-label"><label>Colour by <select id="colour-by"><option value="busFactor">bus factor</option><option value="activeBusFactor">active bus factor</option></select></label></p><div id="treemap"></div><figcaption id="treemap-caption">Top-level modules, sized by their files and coloured by bus factor; files in no top-level folder are one more tile. Hover a tile for its figures.</figcaption></figure>
<figure><div id="curve"></div><figcaption id="curve-caption">Knowledge concentration: the share of files still authored by someone as the people who author most files are removed one by one. The bus factor is where the curve falls below one half.</figcaption></figure>
</div>
</section>
<section id="trend-section"><h2>Over time</h2><figure><div id="trend"></div><figcaption id="trend-caption">The bus factor and active bus factor at ${context.trend ? plural(context.trend.points.length, 'point') : 'points'} of the history, oldest on the left (busfactor trend).</figcaption></figure></section>
<section><h2>Modules</h2><div id="modules"></div></section>
<section><h2>People</h2><p>Tick people as leaving: every figure above, the treemap, the curve and the tables become those of the team without them (the CLI's <code>--without</code>).</p><div id="people"></div></section>
${stewardshipSection(report)}${lineOwnershipSection(report)}${driftSection(report)}${methodSection(report, generatedAt)}
</main>
<footer>busfactor ${e(report.tool.version)} · ${e(report.tool.name)} report, self-contained: it loads nothing from anywhere.</footer>
<script type="application/json" id="busfactor-data">${data}</script>
<script>${script}</script>
</body>
</html>
`;
}

const day = (iso: string | null): string => iso?.slice(0, 10) ?? 'undated';

function nameOf(report: Report, id: string): string {
  const person = report.people.find((p) => p.id === id);
  return person ? person.name || person.emails[0] || id : id;
}

/** Each activity's bus factors, key people and what was counted (docs/stewardship.md). */
function stewardshipSection(report: Report): string {
  const { stewardship } = report;
  const rows = STEWARDSHIP_KINDS.map((kind) => {
    const activity = stewardship[kind];
    if (!activity.present) return `<tr><th scope="row">${KIND_NAMES[kind]}</th><td class="num">absent</td><td class="num">absent</td><td colspan="2">${e(absentReason(kind, stewardship))}</td></tr>`;
    const facts = activityFacts(kind, stewardship);
    const people = activity.activeKeyPeople.map((id) => nameOf(report, id));
    return `<tr><th scope="row">${KIND_NAMES[kind]}</th><td class="num" data-bf="${Math.min(activity.busFactor ?? 0, 4)}">${activity.busFactor}</td><td class="num" data-bf="${Math.min(activity.activeBusFactor ?? 0, 4)}">${activity.activeBusFactor}</td><td>${people.length > 0 ? e(people.join(', ')) : '—'}</td><td>${e([...facts.counted, ...facts.uncounted].join('; '))}</td></tr>`;
  });
  return `<section id="stewardship"><h2>Stewardship</h2>
<p>Who runs the project: integrates, releases, reviews and keeps the build running. Counted activities: the fewest people who did more than half of it; active: within the window (${e(windowText(stewardship))}), people still here. The summary's stewardship figures follow the what-if.</p>
<div class="table-scroll"><table><thead><tr><th scope="col">Activity</th><th scope="col" class="num">Bus factor</th><th scope="col" class="num">Active</th><th scope="col">Active key people</th><th scope="col">Counted</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>
`;
}

/** The line-ownership lens (`--lines`): who wrote the lines that survive, and the knowledge islands. */
function lineOwnershipSection(report: Report): string {
  const lines = report.lineOwnership;
  if (!lines) return '';
  const owners = lines.owners.slice(0, LIST_ROWS).map((owner) => `<tr><td>${e(owner.name || owner.email)}</td><td class="num">${count(owner.lines)}</td><td class="num">${percent(owner.share)}</td></tr>`);
  const islands = lines.islands.slice(0, LIST_ROWS).map((island) => `<li><code>${e(island.path)}</code> (${island.kind}): ${e(nameOf(report, island.owner))} owns ${percent(island.share)} of ${plural(island.lines, 'line')}</li>`);
  return `<section id="line-ownership"><h2>Line ownership</h2>
<p>Beside authorship (who created and kept changing each file), the lines that survive at the analysed commit, as <code>git blame</code> gives them: ${plural(lines.lines, 'line')}. The modules and people tables have a column for each.</p>
<div class="table-scroll"><table><caption>Surviving lines by author${lines.owners.length > LIST_ROWS ? ` (the first ${LIST_ROWS} of ${count(lines.owners.length)})` : ''}</caption><thead><tr><th scope="col">Person</th><th scope="col" class="num">Lines</th><th scope="col" class="num">Share</th></tr></thead><tbody>${owners.join('')}</tbody></table></div>
${islands.length > 0 ? `<h3>Knowledge islands (one person owns 90% or more)</h3><ul>${islands.join('')}</ul>${lines.islands.length > LIST_ROWS ? `<p>… and ${count(lines.islands.length - LIST_ROWS)} more.</p>` : ''}` : '<p>No knowledge islands: nobody owns 90% of the lines of a file or module.</p>'}
</section>
`;
}

/** Where CODEOWNERS and the history part (`--modules codeowners`). */
function driftSection(report: Report): string {
  const codeowners = report.codeowners;
  if (!codeowners) return '';
  const items = codeowners.drift.slice(0, LIST_ROWS).map((drift) => {
    if (drift.kind === 'unowned') return `<li>${plural(drift.files, 'file')} no rule owns${drift.paths.length > 0 ? `, e.g. <code>${e(drift.paths.slice(0, 3).join(', '))}</code>` : ''}</li>`;
    if (drift.kind === 'owner-without-knowledge') return `<li>Line ${drift.line} <code>${e(drift.rule)}</code>: declared owner ${e(drift.owner)} authors none of its files</li>`;
    return `<li>Line ${drift.line} <code>${e(drift.rule)}</code>: key person ${e(drift.name || drift.person)} (${plural(drift.files, 'file')}) is not an owner${drift.unverifiable ? ' (unverifiable: the rule names teams or unmatched owners)' : ''}</li>`;
  });
  return `<section id="codeowners"><h2>CODEOWNERS drift</h2>
<p><code>${e(codeowners.file)}</code>: ${plural(codeowners.rules.length, 'rule')}, ${plural(codeowners.drift.length, 'finding')} where the declared owners and the knowledge part.</p>
${items.length > 0 ? `<ul>${items.join('')}</ul>${codeowners.drift.length > LIST_ROWS ? `<p>… and ${count(codeowners.drift.length - LIST_ROWS)} more (<code>--format json</code>).</p>` : ''}` : '<p>No drift: every rule\'s key people are among its owners.</p>'}
</section>
`;
}

/** The method: how the figures were made, from what, with which exclusions, merges and warnings. */
function methodSection(report: Report, generatedAt: string): string {
  const { settings, totals, stewardship } = report;
  const list = (values: readonly string[]): string => (values.length === 0 ? 'none' : values.map((value) => `<code>${e(value)}</code>`).join(', '));
  const excluded = excludedCounts(report.excluded).map(([reason, n]) => `${e(reason)} ${count(n)}`);
  const merged = report.people.filter((person) => person.emails.length > 1 || person.names.length > 1);
  const merges = merged
    .slice(0, LIST_ROWS)
    .map((person) => `<li>${e(person.name || person.id)}: ${e([...new Set([...person.names, ...person.emails])].join(', '))}</li>`)
    .join('');
  const warnings = report.warnings.slice(0, LIST_ROWS).map((warning) => `<li>${e(warning.message)}</li>`).join('') + (report.warnings.length > LIST_ROWS ? `<li>… and ${count(report.warnings.length - LIST_ROWS)} more (<code>--format json</code>)</li>` : '');
  const commit = report.head.replace(/[^0-9a-f]/gi, '');
  return `<section id="method"><h2>Method</h2><ul class="method">
<li><strong>Algorithm</strong>: ${ALGORITHMS[report.algorithm]}. Co-authors: ${settings.coAuthors === 'credit' ? 'credited' : 'ignored'}; bots ${settings.includeBots ? 'counted as people' : 'left out'}; renames followed (${e(settings.renames)}).</li>
<li><strong>Departed</strong>: no commit, merge, release or review in the ${e(settings.departedAfter)} before the analysed commit, or listed in the configuration. Active figures count only the others. Stewardship window: ${e(windowText(stewardship))}.</li>
<li><strong>History</strong>: ${plural(totals.commits, 'commit')} reachable from <code>${commit}</code> (${e(report.revision)}, ${e(day(report.headTime))})${report.repository.shallow ? ', a shallow clone: the history is truncated and the figures are too high' : ''}; ${plural(totals.files, 'file')} counted, ${count(totals.authoredFiles)} with an author; ${count(totals.people)} people, ${count(totals.authors)} of them authors of files.</li>
<li><strong>Modules</strong>: ${list(settings.moduleKinds)}; folders to depth ${settings.depth} with at least ${plural(settings.minFiles, 'file')}${settings.configuredModules.length > 0 ? `; configured: ${list(settings.configuredModules)}` : ''}.</li>
<li><strong>Files</strong>: ${settings.allText ? 'every text file' : 'source files as GitHub Linguist classifies them (no vendored, generated or documentation files)'}; include ${list(settings.include)}; exclude ${list(settings.exclude)}. Excluded: ${excluded.length === 0 ? 'nothing' : excluded.join(', ')}.</li>
<li><strong>Line ownership</strong>: ${settings.lines ? `ran${settings.firstParent ? ' (first parents only)' : ''}${settings.ignoreRevs ? ', honouring .git-blame-ignore-revs' : ''}` : 'not run (<code>--lines</code> adds it)'}.</li>
<li><strong>Identity merges</strong>: ${merged.length === 0 ? 'none (every person used one name and one email)' : `${plural(merged.length, 'person')} used several names or emails, merged (.mailmap, then same email or name)`}.${merges ? `<details><summary>Merged identities</summary><ul>${merges}</ul>${merged.length > LIST_ROWS ? `<p>… and ${count(merged.length - LIST_ROWS)} more (<code>busfactor people</code>).</p>` : ''}</details>` : ''}</li>
<li><strong>What-if</strong>: ${settings.without.length === 0 ? 'nobody was named with <code>--without</code>; tick people in the table' : `opened with ${list(settings.without)} ticked (<code>--without</code>)`}.</li>
${settings.config ? `<li><strong>Configuration</strong>: <code>${e(settings.config.path)}</code> (${settings.config.source === 'repository' ? "the repository's own" : '--config'}).</li>` : ''}
<li><strong>Warnings</strong>: ${report.warnings.length === 0 ? 'none' : `${count(report.warnings.length)}<ul>${warnings}</ul>`}</li>
<li><strong>Tool</strong>: busfactor ${e(report.tool.version)}, report schema ${report.schemaVersion}, made ${e(generatedAt)}.</li>
</ul></section>
`;
}
