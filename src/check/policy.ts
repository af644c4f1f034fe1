import { InputError } from '../errors.js';
import type { StewardshipKind } from '../report/report.js';
import type { CheckPolicyValues } from '../settings/check-options.js';
import type { CheckConfig, ScopePolicyConfig } from './check-config.js';
import type { Level } from './check-result.js';
import { DRIFT_KINDS, type DriftKind } from './drift-kinds.js';

/** One limit of one rule, with the level a breach counts at. */
export interface Threshold {
  readonly value: number;
  readonly level: Level;
}

export interface ScopePolicy {
  readonly min?: Threshold;
  readonly minActive?: Threshold;
  readonly maxLost?: Threshold;
}

/** A `check.modules` entry: which modules (a selector) get which policy. */
export interface ModulePolicy {
  readonly selector: string;
  readonly policy: ScopePolicy;
}

/** Everything `busfactor check` evaluates, config and flags merged (docs/check.md, "Policies"). */
export interface CheckPolicy {
  readonly repository: ScopePolicy;
  /** In the config file's order (a later glob entry wins over an earlier one). */
  readonly modules: readonly ModulePolicy[];
  /** From `--module-min` and the like: every module, over whatever `modules` says. */
  readonly everyModule: ScopePolicy;
  readonly stewardship: Readonly<Partial<Record<StewardshipKind, { readonly min?: Threshold; readonly minActive?: Threshold }>>>;
  readonly codeownersDrift: Readonly<Partial<Record<DriftKind, Threshold>>>;
  readonly ignore: readonly string[];
}

type ConfigThreshold = NonNullable<ScopePolicyConfig['min']>;

function threshold(value: ConfigThreshold | undefined, warnOnly: boolean): Threshold | undefined {
  if (value === undefined) return undefined;
  const { value: limit, level } = typeof value === 'number' ? { value, level: 'error' as const } : { value: value.value, level: value.level ?? 'error' };
  return { value: limit, level: warnOnly ? 'warning' : level };
}

function scope(config: ScopePolicyConfig | undefined, warnOnly: boolean): ScopePolicy {
  const min = threshold(config?.min, warnOnly);
  const minActive = threshold(config?.minActive, warnOnly);
  const maxLost = threshold(config?.maxLost, warnOnly);
  return { ...(min ? { min } : {}), ...(minActive ? { minActive } : {}), ...(maxLost ? { maxLost } : {}) };
}

/** A flag's value as a threshold at level error (`--warn-only`: warning); undefined when not given. */
function flag(value: number | string | undefined, warnOnly: boolean): Threshold | undefined {
  return typeof value === 'number' ? { value, level: warnOnly ? 'warning' : 'error' } : undefined;
}

/** `--max-drift unowned=0`: the kind and its count, or one line saying what was expected. */
export function parseDriftLimit(text: string): [DriftKind, number] {
  const match = /^([a-z-]+)=(\d{1,9})$/.exec(text.trim());
  const kind = match?.[1] as DriftKind | undefined;
  if (!match || kind === undefined || !DRIFT_KINDS.includes(kind)) {
    throw new InputError(`--max-drift ${text}: expected kind=n, with kind one of ${DRIFT_KINDS.join(', ')} (unowned=0)`);
  }
  return [kind, Number(match[2])];
}

/**
 * The policies: the config's `check` section, then the flags over it. Flags set the repository's
 * limits (`--min`), every module's (`--module-min`), every stewardship activity's
 * (`--stewardship-min`) and drift caps (`--max-drift`); `--ignore` adds to the config's list.
 */
export function resolvePolicy(config: CheckConfig, flags: Partial<CheckPolicyValues>): CheckPolicy {
  const warnOnly = flags.warnOnly === true;
  const override = (base: ScopePolicy, min: Threshold | undefined, minActive: Threshold | undefined, maxLost: Threshold | undefined): ScopePolicy => ({
    ...base,
    ...(min ? { min } : {}),
    ...(minActive ? { minActive } : {}),
    ...(maxLost ? { maxLost } : {}),
  });
  const repository = override(scope(config, warnOnly), flag(flags.min, warnOnly), flag(flags.minActive, warnOnly), flag(flags.maxLost, warnOnly));
  const modules = Object.entries(config.modules ?? {}).map(([selector, policy]) => ({ selector, policy: scope(policy, warnOnly) }));
  const everyModule = override({}, flag(flags.moduleMin, warnOnly), flag(flags.moduleMinActive, warnOnly), flag(flags.moduleMaxLost, warnOnly));

  const stewardship: Partial<Record<StewardshipKind, { min?: Threshold; minActive?: Threshold }>> = {};
  for (const kind of ['integration', 'releases', 'review', 'build'] as const) {
    const entry = config.stewardship?.[kind];
    const min = flag(flags.stewardshipMin, warnOnly) ?? threshold(entry?.min, warnOnly);
    const minActive = flag(flags.stewardshipMinActive, warnOnly) ?? threshold(entry?.minActive, warnOnly);
    if (min || minActive) stewardship[kind] = { ...(min ? { min } : {}), ...(minActive ? { minActive } : {}) };
  }

  const codeownersDrift: Partial<Record<DriftKind, Threshold>> = {};
  for (const kind of DRIFT_KINDS) {
    const limit = threshold(config.codeownersDrift?.[kind], warnOnly);
    if (limit) codeownersDrift[kind] = limit;
  }
  for (const text of flags.maxDrift ?? []) {
    const [kind, value] = parseDriftLimit(text);
    codeownersDrift[kind] = { value, level: warnOnly ? 'warning' : 'error' };
  }
  return { repository, modules, everyModule, stewardship, codeownersDrift, ignore: [...(config.ignore ?? []), ...(flags.ignore ?? [])] };
}

/** True when no rule is set at all: `busfactor check` then says so instead of passing silently. */
export function isEmptyPolicy(policy: CheckPolicy): boolean {
  const emptyScope = (value: ScopePolicy) => value.min === undefined && value.minActive === undefined && value.maxLost === undefined;
  return (
    emptyScope(policy.repository) &&
    emptyScope(policy.everyModule) &&
    policy.modules.every((entry) => emptyScope(entry.policy)) &&
    Object.keys(policy.stewardship).length === 0 &&
    Object.keys(policy.codeownersDrift).length === 0
  );
}
