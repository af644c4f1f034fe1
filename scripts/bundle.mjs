#!/usr/bin/env node
/**
 * Build step (`npm run build`, after tsc): bundles the CLI with esbuild into dist/bundle/, which
 * bin/busfactor.js runs. Node loads ES modules one file at a time, and the CLI is about 400 of
 * them (the explorer, with Ink and React, 950 more): bundled, a cached re-run on git/git starts
 * 0.15 s sooner and the explorer's first frame 0.7 s sooner (docs/performance.md, "Start-up").
 *
 * Entries: the CLI, the org command's worker (forked by cli/workers/run-analyses.ts), and the two
 * explorers, imported only for a person at a terminal (cli/load-explorer.ts). Code they share is
 * split into chunks beside them, so every module is loaded once. Files read beside the code
 * (`new URL('./x.json', import.meta.url)`) are copied into the folder.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const outdir = path.join(dist, 'bundle');

/**
 * Ink's developer-tools hook (DEV=true in the environment) connects to React's developer tools
 * through react-devtools-core, which is not installed, and reads Ink's package.json beside its
 * own files, which a bundle has not: in the bundle the hook is off, and DEV=true harmless.
 */
const noDevtools = {
  name: 'no-ink-devtools',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]utils\.js$/ }, () => ({ contents: 'export const isDev = () => false;', loader: 'js' }));
    builder.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'empty' }));
    builder.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

/**
 * Yoga (Ink's layout engine) is WebAssembly inlined as a `data:` URI, which its loader reads with
 * `fetch` whenever `fetch` exists: in Node that loads undici, node's whole HTTP client, 35–45 ms of
 * the explorer's start (docs/performance.md, "The explorer's first frame, fourth round"). Without
 * `fetch` the same loader decodes the URI itself. The build fails if the test is not found, so an
 * upgrade of yoga-layout cannot drop this quietly.
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const test = '"function"!=typeof fetch';
      const found = source.split(test).length - 1;
      if (found !== 2) throw new Error(`${args.path}: expected its two fetch tests, found ${found} (scripts/bundle.mjs, yogaWithoutFetch)`);
      return { contents: source.replaceAll(test, 'true'), loader: 'js' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    main: path.join(dist, 'cli/main.js'),
    'analysis-worker': path.join(dist, 'cli/workers/analysis-worker.js'),
    explorer: path.join(dist, 'ui/run-explorer.js'),
    'org-explorer': path.join(dist, 'ui/org/run-org-explorer.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Playwright finds its browsers and its own files from where it is installed: not bundled.
  external: ['playwright-core'],
  plugins: [noDevtools, yogaWithoutFetch],
  // React's production build, whatever NODE_ENV the user's shell has: the development build
  // checks every render (about a second more before the explorer's first frame on git/git).
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some dependencies are CommonJS and require() Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// Read at run time beside the code that reads them (files/linguist-data.ts, render/report/html/).
for (const file of ['files/linguist-data.json', 'render/report/html/report-client.json']) {
  copyFileSync(path.join(dist, file), path.join(outdir, path.basename(file)));
}
