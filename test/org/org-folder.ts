import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildRepo, isolatedGitEnv, type Step } from '../../fixtures/build-repo.js';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { BILLING_HISTORY, TOOLS_HISTORY } from '../../fixtures/org-histories.js';

/** Runs git in a folder with the fixtures' isolated environment; returns trimmed stdout. */
export function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, env: isolatedGitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A repository from a history, at `parent/name` (built in a temp folder, then moved: git keeps no path). */
export function repoAt(parent: string, name: string, steps: readonly Step[]): string {
  const built = buildRepo(steps, { parent });
  const target = path.join(parent, name);
  renameSync(built.dir, target);
  return target;
}

export interface OrgFolder {
  readonly dir: string;
  readonly team: string;
  readonly billing: string;
  readonly tools: string;
  /** A work tree whose `.git/HEAD` is garbage. */
  readonly brokenHead: string;
  /** A work tree whose HEAD commit object is deleted. */
  readonly brokenObject: string;
  /** `git init` and nothing else. */
  readonly empty: string;
  remove(): void;
}

/**
 * The org folder of the tests: team (TEAM_HISTORY), billing and tools (fixtures/org-histories.ts),
 * two damaged repositories and an empty one, and a plain folder with notes (no repository).
 */
export function buildOrgFolder(options: { readonly broken?: boolean } = {}): OrgFolder {
  const dir = mkdtempSync(path.join(tmpdir(), 'busfactor-org-'));
  const team = repoAt(dir, 'team', TEAM_HISTORY);
  const billing = repoAt(dir, 'billing', BILLING_HISTORY);
  const tools = repoAt(dir, 'tools', TOOLS_HISTORY);
  const brokenHead = path.join(dir, 'broken-head');
  const brokenObject = path.join(dir, 'broken-object');
  const empty = path.join(dir, 'empty');
  if (options.broken !== false) {
    repoAt(dir, 'broken-head', TOOLS_HISTORY);
    writeFileSync(path.join(brokenHead, '.git', 'HEAD'), 'this is not a ref\n');
    repoAt(dir, 'broken-object', BILLING_HISTORY);
    const head = git(brokenObject, ['rev-parse', 'HEAD']);
    unlinkSync(path.join(brokenObject, '.git', 'objects', head.slice(0, 2), head.slice(2)));
    mkdirSync(empty);
    git(empty, ['init', '-q', '-b', 'main']);
  }
  mkdirSync(path.join(dir, 'notes'));
  writeFileSync(path.join(dir, 'notes', 'README.txt'), 'not a repository\n');
  return { dir, team, billing, tools, brokenHead, brokenObject, empty, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
