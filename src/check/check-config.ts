import { z } from 'zod';
import { DRIFT_KINDS } from './drift-kinds.js';

/**
 * The config file's `check` section (docs/check.md, "Policies"): the policies `busfactor check`
 * evaluates. A threshold is a number (level `error`) or `{ "value": n, "level": "warning" }`.
 */

const LEVEL = z.enum(['error', 'warning'], { error: 'expected "error" or "warning"' });

const MINIMUM_EXPECTED = 'expected a whole number of 1 or more, or { "value": n, "level": "error" | "warning" }';
const SHARE_EXPECTED = 'expected a share from 0 to 1 (0.25), or { "value": share, "level": "error" | "warning" }';
const COUNT_EXPECTED = 'expected a whole number of 0 or more, or { "value": n, "level": "error" | "warning" }';

function threshold(value: z.ZodNumber, expected: string) {
  return z.union([value, z.object({ value, level: LEVEL.optional() }, { error: expected }).strict()], { error: expected });
}

const minimum = threshold(z.number({ error: MINIMUM_EXPECTED }).int({ error: MINIMUM_EXPECTED }).min(1, { error: MINIMUM_EXPECTED }), MINIMUM_EXPECTED);
const share = threshold(z.number({ error: SHARE_EXPECTED }).min(0, { error: SHARE_EXPECTED }).max(1, { error: SHARE_EXPECTED }), SHARE_EXPECTED);
const count = threshold(z.number({ error: COUNT_EXPECTED }).int({ error: COUNT_EXPECTED }).min(0, { error: COUNT_EXPECTED }), COUNT_EXPECTED);

const scopePolicy = z
  .object(
    {
      min: minimum.optional().describe('minimum bus factor'),
      minActive: minimum.optional().describe('minimum bus factor over people still here'),
      maxLost: share.optional().describe('largest share (0–1) of files whose every author has departed'),
    },
    { error: 'expected an object with min, minActive and maxLost' },
  )
  .strict();

const stewardshipPolicy = z
  .object(
    {
      min: minimum.optional().describe('minimum bus factor over all history'),
      minActive: minimum.optional().describe('minimum bus factor within --stewardship-window, people still here'),
    },
    { error: 'expected an object with min and minActive' },
  )
  .strict();

export const checkConfigSchema = z
  .object(
    {
      min: minimum.optional().describe('the repository\'s minimum bus factor'),
      minActive: minimum.optional().describe('the repository\'s minimum bus factor over people still here'),
      maxLost: share.optional().describe('the largest share (0–1) of the repository\'s files whose every author has departed'),
      modules: z
        .record(z.string().min(1, { error: 'expected a module id, name or glob' }), scopePolicy, { error: 'expected an object of module (id, name or glob over paths) → { min, minActive, maxLost }' })
        .optional()
        .describe('per module: a module id (directory:lib), a name, or a glob over module folders ("packages/*"; "**" is every module) → its policy'),
      stewardship: z
        .object(
          {
            integration: stewardshipPolicy.optional(),
            releases: stewardshipPolicy.optional(),
            review: stewardshipPolicy.optional(),
            build: stewardshipPolicy.optional(),
          },
          { error: 'expected an object with integration, releases, review and build' },
        )
        .strict()
        .optional()
        .describe('minimum stewardship bus factors, per activity (docs/stewardship.md)'),
      codeownersDrift: z
        .object(Object.fromEntries(DRIFT_KINDS.map((kind) => [kind, count.optional()])), { error: `expected an object with ${DRIFT_KINDS.join(', ')}` })
        .strict()
        .optional()
        .describe('the most CODEOWNERS drift findings allowed, per kind (unowned: files no rule owns)'),
      ignore: z
        .array(z.string({ error: 'expected a module id, name or glob' }).min(1, { error: 'expected a module id, name or glob' }), { error: 'expected an array of module ids, names or globs' })
        .optional()
        .describe('modules no policy applies to (ids, names or globs over module folders)'),
    },
    { error: 'expected an object of check policies' },
  )
  .strict()
  .describe('busfactor check: the policies of the CI gate (docs/check.md)');

type Threshold = number | { readonly value: number; readonly level?: 'error' | 'warning' };

export interface ScopePolicyConfig {
  readonly min?: Threshold;
  readonly minActive?: Threshold;
  readonly maxLost?: Threshold;
}

/** The `check` section as validated. Written out: TypeScript cannot follow the record built from DRIFT_KINDS. */
export interface CheckConfig extends ScopePolicyConfig {
  readonly modules?: Readonly<Record<string, ScopePolicyConfig>>;
  readonly stewardship?: Readonly<Partial<Record<'integration' | 'releases' | 'review' | 'build', { readonly min?: Threshold; readonly minActive?: Threshold }>>>;
  readonly codeownersDrift?: Readonly<Partial<Record<(typeof DRIFT_KINDS)[number], Threshold>>>;
  readonly ignore?: readonly string[];
}
