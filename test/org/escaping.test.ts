import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_ORG_HISTORY } from '../../fixtures/org-histories.js';
import { runCli } from '../helpers/run-cli.js';
import { cells } from '../helpers/markdown-cells.js';
import { repoAt } from './org-folder.js';

let work: string;
let repo: string;
// The repository's folder name is hostile too: it is the repository's name in the view.
const REPO_NAME = '=HYPERLINK("x")|<img src=x onerror=alert(2)>';

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'busfactor-org-hostile-'));
  repo = repoAt(work, REPO_NAME, HOSTILE_ORG_HISTORY);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const org = (...args: string[]) => {
  const result = runCli(['org', repo, '--no-cache', ...args]);
  expect(result.code).toBe(0);
  return result.stdout;
};

describe('repository data in every org format (docs/safety.md)', () => {
  it('text: escape sequences shown, not sent', () => {
    const text = org();
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\x07');
    expect(text).toContain('=cmd|"/c calc"!A1 \\x1b]0;pwned\\x07 &amp; "x" | @here (100%)');
    expect(text).toContain('=HYPERLINK("x")|<img src=x onerror=alert(2)>');
  });

  it('HTML: no element, attribute or script of the data; a policy that runs no script anyway', () => {
    const html = org('--format', 'html');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&amp;amp; &quot;x&quot; | @here');
    expect(html).toContain('=HYPERLINK(&quot;x&quot;)|&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;;/);
    // Control characters have no place in HTML: U+FFFD.
    expect(html).not.toContain('\x1b');
    expect(html).toContain('\ufffd]0;pwned\ufffd');
    // Nothing is fetched: no URL of any kind in an attribute.
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/);
  });

  it('Markdown: the names stay in their table cells, open no tag and mention nobody', () => {
    const markdown = org('--format', 'markdown');
    expect(markdown).toContain('&amp;amp; "x" \\| @&#8203;here');
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain('@&#8203;here');
    const row = markdown.split('\n').find((line) => line.includes('HYPERLINK'));
    // active, BF, lost, files, commits, repository, key people: seven cells, the | inside escaped.
    expect(cells(row ?? '')).toHaveLength(7);
    expect(cells(row ?? '')[5]).toBe('\\=HYPERLINK\\("x"\\)\\|&lt;img src=x onerror=alert\\(2\\)&gt;');
  });

  it('CSV: a cell that would be a formula starts with an apostrophe', () => {
    const repositories = org('--format', 'csv');
    const [header, row] = repositories.split('\r\n');
    expect(header).toBe('"repository","source","status","head","active_bus_factor","bus_factor","lost_files","lost_share","files","commits","people","authors","key_people","active_key_people","warnings","error"');
    expect(row?.startsWith(`"'=HYPERLINK(""x"")|<img src=x onerror=alert(2)>","${repo.replaceAll('"', '""')}","analysed",`)).toBe(true);
    expect(row).toContain(`"'=cmd|""/c calc""!A1 \x1b]0;pwned\x07 &amp; ""x"" | @here"`);
    const people = org('--format', 'csv', '--table', 'people');
    expect(people.split('\r\n')[1]).toBe(`"hostile@example.com","'=cmd|""/c calc""!A1 \x1b]0;pwned\x07 &amp; ""x"" | @here","hostile@example.com","1","1","'=HYPERLINK(""x"")|<img src=x onerror=alert(2)>","true","true","false","1","1","1"`);
  });

  it('JSON: control characters escaped', () => {
    const json = org('--json');
    expect(json).not.toContain('\x1b');
    expect(json).toContain('\\u001b]0;pwned\\u0007');
  });

  it('--table only with --format csv', () => {
    expect(runCli(['org', repo, '--table', 'people'])).toMatchObject({ code: 2, stdout: '', stderr: 'busfactor: error: --table chooses a CSV table: give it with --format csv\n' });
    expect(runCli(['org', repo, '--json', '--format', 'html'])).toMatchObject({ code: 2, stderr: 'busfactor: error: --json is --format json: it cannot be combined with --format html\n' });
  });
});
