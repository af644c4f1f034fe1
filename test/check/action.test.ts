/**
 * The composite GitHub Action (action.yml, docs/ci.md), without GitHub: its declarations are read
 * with js-yaml, and its check step's `run` script is executed with bash the way the runner does
 * (`bash --noprofile --norc -eo pipefail FILE`), with the env the step maps, in fixture
 * repositories, against the built CLI. The setup-node and install steps are not run: the test
 * suite builds dist/ before the tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { isolatedGitEnv, type Step } from '../../fixtures/build-repo.js';
import { ALICE } from '../../fixtures/people.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { useTempDirs } from '../helpers/temp-dirs.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = useFixtureRepos();
const tempDir = useTempDirs('busfactor-action-');

interface ActionInput {
  readonly description?: unknown;
  readonly required?: unknown;
  readonly default?: unknown;
}
interface ActionStep {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
  readonly shell?: string;
  readonly env?: Record<string, unknown>;
  readonly run?: string;
}
interface Action {
  readonly name: string;
  readonly description: string;
  readonly inputs: Record<string, ActionInput>;
  readonly outputs: Record<string, { readonly description?: unknown; readonly value?: unknown }>;
  readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

const action = yaml.load(readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action;
const steps = action.runs.steps;
const checkStep = steps.find((step) => step.id === 'check');

/** The inputs of the contract (docs/ci.md), with their defaults. */
const EXPECTED_INPUTS: Readonly<Record<string, string>> = {
  path: '.',
  config: '',
  min: '',
  'min-active': '',
  'max-lost': '',
  'module-min': '',
  'module-min-active': '',
  'stewardship-min': '',
  baseline: '',
  'changed-since': '',
  'pull-request': 'auto',
  sarif: 'busfactor.sarif',
  junit: '',
  markdown: '',
  'warn-only': 'false',
  'allow-shallow': 'false',
  args: '',
  'setup-node': 'true',
};

/** Every string below `value`, depth first. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The expressions of the action: the insides of `${{ }}` anywhere, and every `if:` (an expression without them). */
function expressions(): string[] {
  const inside = [...strings(action.runs), ...strings(action.outputs)].flatMap((text) => [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((match) => match[1] ?? ''));
  const conditions = steps.flatMap((step) => (step.if === undefined ? [] : [step.if]));
  return [...inside, ...conditions];
}

/** `inputs.<name>` read by the expressions. */
function inputsUsed(): Set<string> {
  return new Set(expressions().flatMap((expression) => [...expression.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)].map((match) => match[1] ?? '')));
}

const INPUT_EXPRESSION = /^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$/;

describe('action.yml: declarations', () => {
  it('is a composite action with the check step', () => {
    expect(action.runs.using).toBe('composite');
    expect(typeof action.name).toBe('string');
    expect(typeof action.description).toBe('string');
    expect(checkStep?.run).toBeTypeOf('string');
  });

  it('declares exactly the contract\'s inputs, all optional strings with their defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(EXPECTED_INPUTS).sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.required ?? false, name).toBe(false);
      expect(typeof input.description, name).toBe('string');
      expect(input.default, name).toBe(EXPECTED_INPUTS[name]);
    }
  });

  it('declares every input an expression reads, and reads every input it declares', () => {
    const used = inputsUsed();
    for (const name of used) expect(Object.keys(action.inputs), `inputs.${name}`).toContain(name);
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('puts no expression in a run script: every input reaches the scripts through env', () => {
    const scripts = steps.filter((step) => step.run !== undefined);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const step of scripts) {
      expect(step.run, step.name).not.toContain('${{');
      expect(step.shell, step.name).toBe('bash');
      // Bash parses it (`bash -n`: syntax only, nothing runs).
      const parsed = spawnSync('bash', ['-n'], { input: step.run, encoding: 'utf8' });
      expect(parsed.stderr, step.name).toBe('');
      expect(parsed.status, step.name).toBe(0);
    }
  });

  it('maps every input but setup-node into the check step\'s env, each value exactly one input', () => {
    const env = checkStep?.env ?? {};
    const mapped = Object.entries(env).map(([name, value]) => {
      expect(name).toMatch(/^INPUT_[A-Z0-9_]+$/);
      expect(value, name).toMatch(INPUT_EXPRESSION);
      const input = INPUT_EXPRESSION.exec(String(value))?.[1] ?? '';
      // INPUT_MIN_ACTIVE ← min-active.
      expect(name).toBe(`INPUT_${input.toUpperCase().replaceAll('-', '_')}`);
      return input;
    });
    expect(mapped.sort()).toEqual(Object.keys(EXPECTED_INPUTS).filter((name) => name !== 'setup-node').sort());
  });

  it('sets up Node.js 20 unless told not to, then installs and builds from the action\'s folder', () => {
    const setup = steps[0];
    expect(setup?.uses).toBe('actions/setup-node@v4');
    expect(String(setup?.with?.['node-version'])).toBe('20');
    expect(setup?.if).toMatch(/\binputs\.setup-node\b/);
    const install = steps[1]?.run ?? '';
    expect(install).toContain('cd "$GITHUB_ACTION_PATH"');
    expect(install).toMatch(/npm ci --no-audit --no-fund/);
    expect(install).toContain('npm run build');
    expect(steps.indexOf(checkStep as ActionStep)).toBe(2);
  });

  it('outputs exit-code, passed and sarif-file from the check step', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(['exit-code', 'passed', 'sarif-file']);
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.value, name).toMatch(new RegExp(`^\\$\\{\\{\\s*steps\\.check\\.outputs\\.${name}\\s*\\}\\}$`));
    }
  });
});

interface StepRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** `$GITHUB_OUTPUT`, as `name=value` lines (the last of a name wins, as on GitHub). */
  readonly outputs: Record<string, string>;
  /** `$GITHUB_STEP_SUMMARY`. */
  readonly summary: string;
  /** The folder the script started in. */
  readonly cwd: string;
}

/**
 * Runs the check step's script as the runner would: its `env:` with each `${{ inputs.x }}` replaced
 * by `inputs[x]`, else action.yml's default; the runner's variables; nothing inherited from a CI
 * this test may itself run in (GITHUB_*, INPUT_*, RUNNER_*).
 */
function runCheckStep(workspace: string, inputs: Readonly<Record<string, string>>, extraEnv: Readonly<Record<string, string>> = {}): StepRun {
  for (const name of Object.keys(inputs)) expect(Object.keys(action.inputs), `test input ${name}`).toContain(name);
  const stepEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(checkStep?.env ?? {})) {
    const input = INPUT_EXPRESSION.exec(String(value))?.[1];
    if (input === undefined) throw new Error(`${name}: not one input expression`);
    stepEnv[name] = inputs[input] ?? String(action.inputs[input]?.default ?? '');
  }

  const cwd = tempDir();
  const files = tempDir();
  const githubOutput = path.join(files, 'github-output');
  const summaryFile = path.join(files, 'step-summary');
  const script = path.join(files, 'check-step.sh');
  writeFileSync(githubOutput, '');
  writeFileSync(summaryFile, '');
  writeFileSync(script, checkStep?.run ?? '');

  const base = isolatedGitEnv();
  for (const name of Object.keys(base)) if (/^(GITHUB_|INPUT_|RUNNER_)/.test(name) || name === 'CI') delete base[name];
  const env = {
    ...base,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${base.PATH ?? ''}`,
    NO_COLOR: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: root,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: githubOutput,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: 'push',
    ...extraEnv,
    ...stepEnv,
  };
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(githubOutput, 'utf8').split('\n')) {
    const equals = line.indexOf('=');
    if (equals > 0) outputs[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs, summary: readFileSync(summaryFile, 'utf8'), cwd };
}

/** Alice writes every file, over three days, alone. */
const SOLO: readonly Step[] = [
  { commit: { author: ALICE, at: '2024-03-01T10:00:00Z', write: { 'src/app.ts': 'export const app = 1;\n', 'src/util.ts': 'export const util = 2;\n', 'src/io.ts': 'export const io = 3;\n' } } },
  { commit: { author: ALICE, at: '2024-03-02T10:00:00Z', write: { 'lib/core.ts': 'export const core = 4;\n', 'lib/math.ts': 'export const math = 5;\n', 'lib/text.ts': 'export const text = 6;\n' } } },
  { commit: { author: ALICE, at: '2024-03-03T10:00:00Z', write: { 'src/app.ts': 'export const app = 7;\n' } } },
];

/** SOLO on main, then a feature branch with one more commit of Alice's; `origin/main` is main, as after actions/checkout with fetch-depth 0. */
const PULL_REQUEST: readonly Step[] = [
  ...SOLO,
  { branch: 'feature' },
  { commit: { author: ALICE, at: '2024-03-04T10:00:00Z', write: { 'lib/core.ts': 'export const core = 8;\n' } } },
];

/** Files named `pwned` below `dir` (not in .git). */
function pwnedBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => !entry.startsWith('.git') && path.basename(entry) === 'pwned');
}

describe('action.yml: the check step, run with bash', () => {
  // One author writes every file: removing Alice leaves every file without its author, so the
  // repository's bus factor is 1 (and she is active: her last commit is the analysed one).
  it('fails with exit 1 below the minimum: outputs, SARIF file, annotations and step summary', () => {
    const repo = fixture(SOLO);
    const run = runCheckStep(repo.dir, { min: '2' });
    expect(run.code, run.stderr).toBe(1);
    expect(run.outputs).toEqual({ 'exit-code': '1', passed: 'false', 'sarif-file': 'busfactor.sarif' });
    // The default SARIF file, relative to the workspace.
    const sarif = JSON.parse(readFileSync(path.join(repo.dir, 'busfactor.sarif'), 'utf8')) as { version?: unknown };
    expect(sarif.version).toBe('2.1.0');
    expect(run.stdout).toMatch(/^::error\b/m);
    expect(run.summary).toContain('busfactor');
  });

  // Bus factor 1 meets a minimum of 1.
  it('passes with exit 0 at the minimum, and writes the JUnit and Markdown files asked for', () => {
    const repo = fixture(SOLO);
    const run = runCheckStep(repo.dir, { min: '1', junit: 'reports/junit.xml', markdown: 'report.md', sarif: '' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.outputs).toEqual({ 'exit-code': '0', passed: 'true', 'sarif-file': '' });
    expect(readFileSync(path.join(repo.dir, 'reports/junit.xml'), 'utf8')).toContain('<testsuite');
    expect(readFileSync(path.join(repo.dir, 'report.md'), 'utf8')).not.toBe('');
    expect(existsSync(path.join(repo.dir, 'busfactor.sarif'))).toBe(false);
    expect(run.stdout).not.toMatch(/^::error\b/m);
  });

  it('warn-only: the breach of the first case reported, exit 0', () => {
    const repo = fixture(SOLO);
    const run = runCheckStep(repo.dir, { min: '2', 'warn-only': 'true' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.outputs.passed).toBe('true');
    expect(run.stdout).toMatch(/^::warning\b/m);
  });

  it('passes args split on whitespace, and the path last', () => {
    const repo = fixture(SOLO);
    // --json on stdout, -o json=… beside it; the path is the workspace's src/ folder.
    const run = runCheckStep(repo.dir, { path: 'src', min: '1', sarif: '', args: ' -o  json=result.json\n\t--quiet ' });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(path.join(repo.dir, 'result.json'), 'utf8')) as { kind?: unknown; passed?: unknown; repository?: { scope?: unknown } };
    expect(result.kind).toBe('busfactor-check');
    expect(result.passed).toBe(true);
    expect(String(result.repository?.scope)).toContain('src');
  });

  describe('pull-request', () => {
    function pullRequestRepo() {
      const repo = fixture(PULL_REQUEST);
      repo.git(['update-ref', 'refs/remotes/origin/main', 'main']);
      return repo;
    }
    const PR_EVENT = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'feature' };
    const modeOf = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8')) as { mode: { kind: string; since?: string; commits?: number } }).mode;

    it('auto: on a pull_request event, checks the changes since origin/<base branch>', () => {
      const repo = pullRequestRepo();
      const run = runCheckStep(repo.dir, { min: '1', args: '-o json=result.json' }, PR_EVENT);
      expect(run.code, run.stderr).toBe(0);
      // One commit on feature since main.
      expect(modeOf(repo.dir)).toMatchObject({ kind: 'changed-since', since: 'origin/main', commits: 1 });
    });

    it('auto: on a push, the whole repository', () => {
      const repo = pullRequestRepo();
      const run = runCheckStep(repo.dir, { min: '1', args: '-o json=result.json' });
      expect(run.code, run.stderr).toBe(0);
      expect(modeOf(repo.dir).kind).toBe('full');
    });

    it('false: the whole repository even on a pull request; changed-since wins over the event', () => {
      const repo = pullRequestRepo();
      expect(runCheckStep(repo.dir, { min: '1', 'pull-request': 'false', args: '-o json=result.json' }, PR_EVENT).code).toBe(0);
      expect(modeOf(repo.dir).kind).toBe('full');
      expect(runCheckStep(repo.dir, { min: '1', 'changed-since': 'main~1', args: '-o json=result.json' }, PR_EVENT).code).toBe(0);
      expect(modeOf(repo.dir)).toMatchObject({ kind: 'changed-since', since: 'main~1' });
    });

    it('true outside a pull request, or a value other than auto/true/false: exit 2 and one annotation', () => {
      const repo = pullRequestRepo();
      for (const value of ['true', 'yes']) {
        const run = runCheckStep(repo.dir, { min: '1', 'pull-request': value });
        expect(run.code, value).toBe(2);
        expect(run.outputs, value).toEqual({ 'exit-code': '2', passed: 'false', 'sarif-file': '' });
        expect(run.stdout.split('\n').filter((line) => line.startsWith('::error')), value).toHaveLength(1);
      }
    });
  });

  describe('hostile input values stay data', () => {
    // Each must end as an input error (exit 2: rejected by busfactor, or by the action for its own
    // true/false inputs), and no shell ever runs `touch pwned`.
    const HOSTILE: readonly (readonly [string, Readonly<Record<string, string>>, RegExp])[] = [
      ['min: 1; touch pwned', { min: '1; touch pwned' }, /^busfactor: error: option '--min <n>' argument '1; touch pwned' is invalid/],
      ['min: $(touch pwned)', { min: '$(touch pwned)' }, /^busfactor: error: option '--min <n>' argument '\$\(touch pwned\)' is invalid/],
      ['min: `touch pwned`', { min: '`touch pwned`' }, /^busfactor: error: option '--min <n>' argument '`touch pwned`' is invalid/],
      ['min-active: 1 && touch pwned', { min: '1', 'min-active': '1 && touch pwned' }, /^busfactor: error: option '--min-active <n>' argument '1 && touch pwned' is invalid/],
      // Split on whitespace: --min gets `$(touch`.
      ['args: --min $(touch pwned)', { args: '--min $(touch pwned)' }, /^busfactor: error: option '--min <n>' argument '\$\(touch' is invalid/],
      ['changed-since: $(touch pwned)', { min: '1', 'changed-since': '$(touch pwned)' }, /^busfactor: error: --changed-since \$\(touch pwned\): unknown revision/],
      ['path: .; touch pwned', { min: '1', path: '.; touch pwned' }, /^busfactor: error: path does not exist: \.; touch pwned$/m],
      ['warn-only: true; touch pwned', { min: '1', 'warn-only': 'true; touch pwned' }, /^::error title=busfactor::input warn-only must be true or false, got "true; touch pwned"$/m],
    ];

    it.each(HOSTILE)('%s', (_label, inputs, reason) => {
      const repo = fixture(SOLO);
      const rootHadPwned = existsSync(path.join(root, 'pwned'));
      const run = runCheckStep(repo.dir, inputs);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stderr + run.stdout).toMatch(reason);
      expect(run.outputs).toEqual({ 'exit-code': '2', passed: 'false', 'sarif-file': '' });
      expect(pwnedBelow(repo.dir)).toEqual([]);
      expect(pwnedBelow(run.cwd)).toEqual([]);
      if (!rootHadPwned) expect(existsSync(path.join(root, 'pwned'))).toBe(false);
    });

    it('a newline in a value cannot start a workflow command of its own', () => {
      const repo = fixture(SOLO);
      const run = runCheckStep(repo.dir, { min: '1', 'allow-shallow': 'no\n::warning::injected\r\n::error::injected' });
      expect(run.code).toBe(2);
      const lines = run.stdout.split('\n');
      expect(lines.filter((line) => line.startsWith('::'))).toHaveLength(1);
      expect(lines[0]).toMatch(/^::error title=busfactor::input allow-shallow must be true or false, got "no%0A::warning::injected%0D%0A::error::injected"$/);
    });
  });
});
