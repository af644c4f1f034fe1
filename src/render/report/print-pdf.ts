import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../errors.js';

/** Browsers looked for on PATH, in this order, when neither `--browser` nor `$CHROME_PATH` names one. */
const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** How long the page may take to open, lay itself out and print before we give up. */
const PRINT_TIMEOUT_MS = 120_000;

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to print with: `--browser`, then `$CHROME_PATH`, then the first of {@link BROWSER_NAMES}
 * on PATH. The command looks before the analysis, so a missing browser costs no waiting.
 */
export function findBrowser(given: string, env: NodeJS.ProcessEnv = process.env): string {
  if (given !== '') {
    if (!isExecutable(given)) throw new InputError(`--browser ${given}: not an executable file`);
    return given;
  }
  if (env.CHROME_PATH) {
    if (!isExecutable(env.CHROME_PATH)) throw new InputError(`$CHROME_PATH ${env.CHROME_PATH}: not an executable file (unset it to look for chromium on PATH)`);
    return env.CHROME_PATH;
  }
  for (const folder of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of BROWSER_NAMES) {
      const file = path.join(folder, name);
      if (isExecutable(file)) return file;
    }
  }
  throw new InputError('--format pdf prints the HTML report with Chromium, and none was found: install it (Debian, Ubuntu: apt-get install chromium), give --browser PATH or $CHROME_PATH, or use --format html');
}

/**
 * The HTML report printed to PDF by headless Chromium, driven by playwright-core (no browser
 * download: the system's). The page is opened with every request refused — it makes none, its
 * Content-Security-Policy forbids them, and this is the second lock — and printed once its script
 * has drawn the figures (`<html data-ready>`), with the print stylesheet.
 */
export async function printPdf(html: string, executablePath: string): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  // Chromium's sandbox cannot start as root (containers, CI): only there is it turned off.
  const args = ['--disable-dev-shm-usage', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args, timeout: PRINT_TIMEOUT_MS });
  } catch (error) {
    throw new InputError(`cannot start ${executablePath}: ${firstLine(error)}`);
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: true, offline: true });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    // A script error would leave the page unready: fail with it at once, not after the timeout.
    const failed = new Promise<never>((_, reject) => page.on('pageerror', (error) => reject(new Error(`the page's script failed: ${error.message}`))));
    await Promise.race([
      (async () => {
        await page.setContent(html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
        await page.waitForSelector('html[data-ready]', { timeout: PRINT_TIMEOUT_MS });
      })(),
      failed,
    ]);
    await page.emulateMedia({ media: 'print' });
    // page.pdf fires no beforeprint: open the collapsed lists as the page would on paper.
    await page.evaluate('for (const d of document.querySelectorAll("details")) d.open = true');
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
  } catch (error) {
    throw new InputError(`${executablePath} could not print the report: ${firstLine(error)}`);
  } finally {
    await browser.close().catch(() => undefined);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
