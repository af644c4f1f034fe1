import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import { CLI } from '../helpers/run-cli.js';
import { useAcmeRepo } from './explorer-fixture.js';

const acme = useAcmeRepo();
const dir = mkdtempSync(path.join(tmpdir(), 'busfactor-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A module hook that reports every module resolved from the ink or react packages.
const hook = path.join(dir, 'report-ink.mjs');
writeFileSync(
  hook,
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`export async function resolve(s, c, n) {
  const r = await n(s, c);
  if (/node_modules\\\\/(ink|react)\\\\//.test(r.url)) process.stderr.write('LOADED ' + s + '\\\\n');
  return r;
}\`));
`,
);

const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', hook, ...args], { env: isolatedGitEnv({ NO_COLOR: '1' }), encoding: 'utf8', timeout: 60_000 });

describe('start-up: Ink and React load only when the explorer opens', () => {
  it('--help, --version and the text output (not a terminal) never load them', () => {
    for (const args of [['--help'], ['--version'], [acme()], [acme(), '--json']]) {
      const result = run([CLI, ...args]);
      expect(result.status).toBe(0);
      expect(result.stderr).not.toContain('LOADED');
    }
  });

  it('the explorer module does (the hook sees them)', () => {
    const explorer = path.resolve(path.dirname(CLI), '../dist/ui/run-explorer.js');
    const result = run(['--input-type=module', '-e', `await import(${JSON.stringify(explorer)})`]);
    expect(result.stderr).toMatch(/LOADED ink/);
  });
});
