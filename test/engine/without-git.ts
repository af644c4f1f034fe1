import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, lstatSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

/**
 * A PATH with no git on it: a folder holding only a link to the node running the tests (the CLI is
 * started through process.execPath; nothing else it needs is looked up on PATH).
 */
export function pathWithoutGit(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'busfactor-nogit-path-'));
  symlinkSync(process.execPath, path.join(folder, 'node'));
  return folder;
}

/** The test file's own PATH without git, made on first use and removed after its tests. */
let noGit: string | undefined;
afterAll(() => {
  if (noGit) rmSync(noGit, { recursive: true, force: true });
});

/** The built CLI on a machine without git. */
export function runWithoutGit(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  noGit ??= pathWithoutGit();
  return runCli(args, { ...options, env: { ...options.env, PATH: noGit } });
}

export function jsonOf(result: CliResult): Report {
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

/**
 * A report without what may differ between engines (docs/engine.md): `settings.engine`,
 * `settings.renames`, the warnings and the cache field.
 */
export function comparable(report: Report): unknown {
  const { warnings: _warnings, cache: _cache, settings, ...rest } = report;
  const { engine: _engine, renames: _renames, ...kept } = settings;
  return { ...rest, settings: kept };
}

/** Every file and folder below `folder`: path, kind, size, modification time and content hash. */
export function fingerprintTree(folder: string): string {
  const lines: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const file = path.join(at, name);
      const info = lstatSync(file);
      const relative = path.relative(folder, file);
      if (info.isDirectory()) {
        lines.push(`d ${relative} ${info.mtimeMs}`);
        walk(file);
      } else lines.push(`f ${relative} ${info.size} ${info.mtimeMs} ${info.isFile() ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'link'}`);
    }
  };
  walk(folder);
  return lines.join('\n');
}
