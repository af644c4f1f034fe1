#!/usr/bin/env node
/**
 * Build step (`npm run build`): bundles the HTML report's page script (src/report-client/, which
 * imports the CLI's own scoring code) with esbuild into one minified IIFE, and reads the page's
 * stylesheet; both go into report-client.json beside the renderer, in src/ (for tests run from
 * source) and dist/ (for the built CLI). Build output, ignored by git.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = await build({
  entryPoints: [path.join(root, 'src/report-client/main.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  write: false,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
});
const script = result.outputFiles[0].text.trim().replace(/\r\n?/g, '\n');
// LF only: the page's CSP hashes the text as the HTML parser leaves it, and it turns CRLF into LF
// (a Windows checkout with autocrlf would otherwise get an unstyled page).
const style = readFileSync(path.join(root, 'src/render/report/html/report.css'), 'utf8').replace(/\r\n?/g, '\n');
// Inline in the page: neither may close its element or open a comment.
if (/<\/script|<!--/i.test(script)) throw new Error('report-client: the bundle contains </script or <!--');
if (/<\/style/i.test(style)) throw new Error('report-client: the stylesheet contains </style');

const json = `${JSON.stringify({ script, style })}\n`;
for (const folder of ['src/render/report/html', 'dist/render/report/html']) {
  mkdirSync(path.join(root, folder), { recursive: true });
  writeFileSync(path.join(root, folder, 'report-client.json'), json);
}
console.log(`report-client: page script ${(script.length / 1024).toFixed(1)} KB, stylesheet ${(style.length / 1024).toFixed(1)} KB`);
