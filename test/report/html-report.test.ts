import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GATE_HISTORY } from '../../fixtures/check-histories.js';
import { DAVE } from '../../fixtures/people.js';
import { HOSTILE_MARKUP, HOSTILE_REPORT_HISTORY } from '../../fixtures/report-histories.js';
import { findBrowser } from '../../src/render/report/print-pdf.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runCli, runJson } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'busfactor-html-'));
  temps.push(dir);
  return dir;
}

/** The Debian `chromium` that `.ci/run` installs (or $CHROME_PATH). */
const browserPath = ((): string | undefined => {
  try {
    return findBrowser('');
  } catch {
    return undefined;
  }
})();

// .ci/run installs Chromium: in CI a missing browser is a failure, not a skip.
it.runIf(process.env.CI === 'true')('CI has Chromium for the report tests', () => {
  expect(browserPath, 'no Chromium found: .ci/run installs Debian chromium').toBeDefined();
});

/** A page opened from `file://`, with everything it asks the network for and every error it logs. */
interface OpenedPage {
  readonly page: Page;
  readonly requests: string[];
  readonly errors: string[];
  readonly dialogs: string[];
}

describe.skipIf(!browserPath)(browserPath ? 'the HTML report in headless Chromium' : 'the HTML report in headless Chromium: SKIPPED, no Chromium (apt-get install chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: browserPath as string, args: ['--disable-dev-shm-usage', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<OpenedPage> {
    const page = await browser.newPage();
    const opened: OpenedPage = { page, requests: [], errors: [], dialogs: [] };
    page.on('request', (request) => {
      if (request.url() !== pathToFileURL(file).href) opened.requests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') opened.errors.push(message.text());
    });
    page.on('pageerror', (error) => opened.errors.push(String(error)));
    page.on('dialog', (dialog) => {
      opened.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-ready]', { timeout: 30_000 });
    return opened;
  }

  const figure = async (page: Page, id: string): Promise<number> => Number(await page.getAttribute(`#${id}`, 'data-value'));

  // GATE_HISTORY (fixtures/check-histories.ts): bus factor 2 (Bob, Alice), active 1 (Bob; Alice has
  // departed), 3 of 10 files lost. Without Bob: Alice 3 + Carol 2 + Dave 1 still cover 6/10 → −Alice
  // 3/10: bus factor 1; active: Carol 2 + Dave 1 = 3/10, below half from the start: 0.
  it('opens offline with no request and no error, draws the treemap, curve and tables, and its what-if gives the CLI\'s --without', async () => {
    const dir = fixture(GATE_HISTORY).dir;
    const out = path.join(tempDir(), 'report.html');
    const run = runCli(['report', dir, '--format', 'html', '-o', out, '-q']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-/);
    expect(html).not.toMatch(/<(link|img|iframe)\b|src="|href="http/i);

    const { page, requests, errors } = await open(out);
    expect(await figure(page, 'bus-factor')).toBe(2);
    expect(await figure(page, 'active-bus-factor')).toBe(1);
    expect(await page.textContent('#summary')).toContain('3 files (30%) are lost');
    // Treemap: the three top-level folders; the curve: everyone, −Bob, −Alice, −Carol, −Dave.
    expect(await page.locator('#treemap rect.tile').count()).toBe(3);
    expect(await page.locator('#curve polyline').count()).toBe(1);
    expect(await page.locator('#curve circle').count()).toBe(5);
    expect(await page.locator('#modules-table tbody tr').count()).toBe(3);
    expect(await page.locator('#people-table tbody tr').count()).toBe(4);
    // billing (active 0) is red-dark, web (2) amber.
    expect(await page.getAttribute('#treemap rect[data-module="directory:billing"]', 'fill')).toBe('#dc2626');
    expect(await page.getAttribute('#treemap rect[data-module="directory:web"]', 'fill')).toBe('#f59e0b');

    const cli = runJson(['scan', dir, '--without', 'bob@example.com']).report.whatIf;
    expect(cli?.busFactor.after).toBe(1);
    expect(cli?.activeBusFactor.after).toBe(0);
    await page.locator('input[data-person-id="bob@example.com"]').check();
    expect(await figure(page, 'bus-factor')).toBe(cli?.busFactor.after);
    expect(await figure(page, 'active-bus-factor')).toBe(cli?.activeBusFactor.after);
    expect(await page.textContent('#whatif')).toContain('bus factor 2 → 1, active bus factor 1 → 0');
    // Every module as the CLI has it; web without Bob: Carol, Dave 2/3 → −Carol 1/3: 1, coloured red.
    const rows = await Promise.all((await page.locator('#modules-table tbody tr').all()).map((row) => row.locator('td').allTextContents()));
    for (const module of cli?.modules ?? []) {
      const name = module.id.replace('directory:', '');
      const row = rows.find((cells) => cells[0]?.startsWith(`${name} `));
      expect(row?.[2]?.endsWith(String(module.busFactor.after)), `${name} bus factor`).toBe(true);
      expect(row?.[3]?.endsWith(String(module.activeBusFactor.after)), `${name} active`).toBe(true);
    }
    expect(await page.getAttribute('#treemap rect[data-module="directory:web"]', 'fill')).toBe('#dc2626');
    // Unticking gives the figures back.
    await page.locator('#whatif-clear').click();
    expect(await figure(page, 'bus-factor')).toBe(2);
    expect(await page.locator('input[data-person-id="bob@example.com"]').isChecked()).toBe(false);

    // Sorting and filtering the people table.
    await page.locator('#people-table thead button', { hasText: 'Commits' }).click();
    await page.fill('#people .filter', 'carol');
    expect(await page.locator('#people-table tbody tr:not([hidden])').count()).toBe(1);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  // GATE_HISTORY and two top-level files by Dave: 12 files, Bob 4, Alice 3, Dave 3, Carol 2. Without
  // Bob: 8/12 → −Alice (3, ahead of Dave by the tie-break) 5/12, below half: bus factor 1.
  it('opens with --without ticked, and draws the top-level files as one more tile', async () => {
    const dir = fixture([...GATE_HISTORY, { commit: { author: DAVE, at: '2024-06-02T10:00:00Z', write: { 'main.js': 'main\n', 'util.js': 'util\n' } } }]).dir;
    const out = path.join(tempDir(), 'report.html');
    expect(runCli(['report', dir, '--format', 'html', '--without', 'bob@example.com', '--no-trend', '-o', out, '-q']).code).toBe(0);
    const { page, errors } = await open(out);
    expect(await page.locator('input[data-person-id="bob@example.com"]').isChecked()).toBe(true);
    expect(await figure(page, 'bus-factor')).toBe(1);
    expect(await page.locator('#trend-section').isHidden()).toBe(true);
    // api, billing, web and the two top-level files (Dave's: bus factor 1).
    expect(await page.locator('#treemap rect.tile').count()).toBe(4);
    expect(await page.textContent('#treemap rect[data-module="top-level-files"] + title')).toBe('(top-level files): 2 files, bus factor 1, active 1, 0 lost');
    expect(errors).toEqual([]);
  });

  // HOSTILE_REPORT_HISTORY (fixtures/report-histories.ts): bus factor 1; the markup in folder and
  // person names must reach the reader as text in every format.
  it('shows hostile names and paths as text: no dialog, no injected element; Markdown and CSV escape them', async () => {
    const dir = fixture(HOSTILE_REPORT_HISTORY).dir;
    const out = tempDir();
    const file = path.join(out, 'report.html');
    expect(runCli(['report', dir, '--format', 'html', '-o', file, '-q']).code).toBe(0);
    const { page, errors, dialogs, requests } = await open(file);
    expect(await figure(page, 'bus-factor')).toBe(1);
    // Without Formula, Quote's one file of six: 1/6, below half: 0.
    await page.locator('input[data-person-id="formula@example.com"]').check();
    expect(await figure(page, 'bus-factor')).toBe(0);
    await page.hover('#treemap rect.tile');
    expect(dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('[onmouseover], [onerror]').count()).toBe(0);
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain(HOSTILE_MARKUP.script);
    expect(text).toContain(HOSTILE_MARKUP.img);
    expect(text).toContain(HOSTILE_MARKUP.formula);
    expect(text).toContain(HOSTILE_MARKUP.quote);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);

    const markdown = runCli(['report', dir, '--format', 'md']).stdout;
    expect(markdown).not.toMatch(/<script|<img|<\/script/i);
    expect(markdown).toContain('\\=HYPERLINK');
    expect(runCli(['report', dir, '--format', 'csv', '-o', out]).code).toBe(0);
    const people = readFileSync(path.join(out, 'people.csv'), 'utf8');
    expect(people).toContain('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(readFileSync(path.join(out, 'modules.csv'), 'utf8')).toContain('"<script>alert(1)</script>"');
  });
});

describe.skipIf(!browserPath)(browserPath ? 'busfactor report --format pdf' : 'busfactor report --format pdf: SKIPPED, no Chromium', () => {
  it('prints the page with Chromium, and pdftotext finds the summary\'s numbers in it', () => {
    const dir = fixture(GATE_HISTORY).dir;
    const out = path.join(tempDir(), 'report.pdf');
    const run = runCli(['report', dir, '--format', 'pdf', '-o', out, '-q']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // The summary: bus factor 2, active 1, 3 of 10 files lost (30%); its riskiest module billing.
    expect(text).toContain('Bus factor 2: if Bob Baker (active), Alice Archer (departed) left, more than half of the 10 files');
    expect(text).toContain('the active bus factor is 1');
    expect(text).toContain('3 files (30%) are lost');
    expect(text).toContain('billing — active bus factor 0');
  });
});

describe('busfactor report: bad input', () => {
  it('--format pdf without a browser: exit 2 and one line saying how to get one', () => {
    const dir = fixture(GATE_HISTORY).dir;
    const out = path.join(tempDir(), 'report.pdf');
    // PATH with git only: no browser on it.
    const gitDir = path.dirname(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim());
    const empty = tempDir();
    symlinkSync(path.join(gitDir, 'git'), path.join(empty, 'git'));
    const run = runCli(['report', dir, '--format', 'pdf', '-o', out], { env: { PATH: empty, CHROME_PATH: '' } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('apt-get install chromium');
    expect(run.stderr).toContain('--format html');
    expect(existsSync(out)).toBe(false);
  });

  it('-o into a folder that does not exist, or onto a folder: exit 2, nothing written', () => {
    const dir = fixture(GATE_HISTORY).dir;
    const missing = runCli(['report', dir, '--format', 'html', '-o', path.join(tempDir(), 'nope', 'r.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^busfactor: error: -o .*: no such folder/);
    const folder = tempDir();
    // A folder in place of the file: refused before the analysis, the folder left as it was.
    const target = path.join(folder, 'report.html');
    execFileSync('mkdir', [target]);
    const blocked = runCli(['report', dir, '--format', 'html', '-o', target]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^busfactor: error: -o .*report\.html: a folder; give a file name/);
    expect(readdirSync(folder)).toEqual(['report.html']);
    expect(readdirSync(target)).toEqual([]);
    expect(statSync(target).isDirectory()).toBe(true);
  });

  it('-o naming a folder, --json with another format, a $CHROME_PATH that is no program: one line, exit 2, before any analysis', () => {
    const dir = fixture(GATE_HISTORY).dir;
    const folder = tempDir();
    const intoFolder = runCli(['report', dir, '--format', 'html', '-o', folder]);
    expect(intoFolder.code).toBe(2);
    expect(intoFolder.stderr).toBe(`busfactor: error: -o ${folder}: a folder; give a file name (only --format csv without --table writes into a folder)\n`);
    const json = runCli(['report', dir, '--json', '--format', 'html']);
    expect(json.code).toBe(2);
    expect(json.stderr).toBe('busfactor: error: --json is --format json: it cannot be combined with --format html\n');
    const badPath = runCli(['report', dir, '--format', 'pdf', '-o', path.join(folder, 'r.pdf')], { env: { CHROME_PATH: path.join(folder, 'none') } });
    expect(badPath.code).toBe(2);
    expect(badPath.stderr).toMatch(/^busfactor: error: \$CHROME_PATH .*none: not an executable file/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('contradictory flags: one line, exit 2', () => {
    const dir = fixture(GATE_HISTORY).dir;
    for (const [args, message] of [
      [['--format', 'pdf'], '--format pdf writes a binary file: give -o FILE.pdf'],
      [['--anonymize-salt', 's'], '--anonymize-salt is the secret of --anonymize'],
      [['--browser', '/usr/bin/chromium'], '--browser is the browser --format pdf prints with'],
    ] as const) {
      const run = runCli(['report', dir, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`busfactor: error: ${message}${message.endsWith('FILE.pdf') ? '' : ': give both'}\n`.replace('prints with: give both', 'prints with: give it with --format pdf'));
    }
  });
});
