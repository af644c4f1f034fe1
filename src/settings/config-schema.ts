import picomatch from 'picomatch';
import { z } from 'zod';
import { checkConfigSchema, type CheckConfig } from '../check/check-config.js';
import { AGE_EXPECTED, parseAge } from './parse-age.js';
import { SHARE_EXPECTED } from './parse-share.js';
import { allOptions, type AnalysisOptionValues, type OptionSpec } from './option-schema.js';

/**
 * The config file's schema (docs/config.md), made from the option list: one key per setting that
 * may come from a file, plus `modules` (configured modules), `aliases` (one person's other emails,
 * names and CODEOWNERS handles) and `$schema`. Unknown keys are errors. `z.toJSONSchema` of it is
 * the JSON Schema shipped as `schema/busfactor.schema.json` (kept equal by a test).
 */

/** A glob a repository's config may give: parses, and cannot reach outside the repository. */
const glob = (what: string) =>
  z
    .string({ error: `expected ${what} (a string)` })
    .min(1, { error: `expected ${what}, got an empty string` })
    .superRefine((value, context) => {
      // Globs match paths from the top of the repository (a leading / anchors there); `..` would
      // name something outside it.
      if (value.split('/').includes('..')) {
        context.addIssue({ code: 'custom', message: `expected ${what} inside the repository (no ..)` });
        return;
      }
      try {
        picomatch.makeRe(value, { dot: true, strictBrackets: true });
      } catch (error) {
        context.addIssue({ code: 'custom', message: `expected ${what} that parses (${(error as Error).message})` });
      }
    });

const globs = (what: string) => z.array(glob('a glob'), { error: `expected ${what}` });

function schemaOf(spec: OptionSpec): z.ZodType {
  const type = spec.type;
  let schema: z.ZodType;
  switch (type.kind) {
    case 'string':
      schema = z.string({ error: 'expected a string' });
      break;
    case 'count':
      schema = z.number({ error: 'expected a whole number of 1 or more' }).int({ error: 'expected a whole number of 1 or more' }).min(1, { error: 'expected a whole number of 1 or more' });
      break;
    case 'share':
      schema = z.number({ error: SHARE_EXPECTED }).min(0, { error: SHARE_EXPECTED }).max(1, { error: SHARE_EXPECTED });
      break;
    case 'boolean':
      schema = z.boolean({ error: 'expected true or false' });
      break;
    case 'globs':
      schema = globs('an array of globs');
      break;
    case 'strings':
      schema = z.array(z.string({ error: 'expected a string' }).min(1), { error: 'expected an array of strings' });
      break;
    case 'age':
      schema = z.string({ error: AGE_EXPECTED }).refine((value) => parseAge(value) !== undefined, { error: AGE_EXPECTED });
      break;
    case 'choice':
      schema = z.enum(type.choices as [string, ...string[]], { error: `expected one of ${type.choices.map((c) => JSON.stringify(c)).join(', ')}` });
      break;
    case 'list': {
      const words = [...type.choices, ...(type.special ?? [])] as [string, ...string[]];
      schema = z.array(z.enum(words, { error: `expected one of ${words.map((c) => JSON.stringify(c)).join(', ')}` }), { error: `expected an array of ${words.join(' / ')}` });
      break;
    }
  }
  return schema.describe(spec.help);
}

const settingShape = Object.fromEntries(allOptions().filter(([, spec]) => spec.inConfig).map(([key, spec]) => [key, schemaOf(spec).optional()]));

export const configSchema = z
  .object({
    $schema: z.string({ error: 'expected a string (the schema\'s URL or path)' }).optional(),
    ...settingShape,
    modules: z
      .record(z.string().min(1, { error: 'expected a module name' }), globs('an array of globs'), { error: 'expected an object of module name → array of globs' })
      .optional()
      .describe('configured modules: name → globs of the files that belong to it (a file may be in several)'),
    aliases: z
      .record(z.string().min(1, { error: 'expected a person (email or name)' }), z.array(z.string({ error: 'expected an email, a name or an @handle' }).min(1), { error: 'expected an array of emails, names or @handles' }), { error: 'expected an object of person → array of emails, names or @handles' })
      .optional()
      .describe('one person\'s other identities: emails and names merged into them, @handles they have in CODEOWNERS'),
    people: z
      .object(
        {
          departed: z.array(z.string({ error: 'expected a person (id, email or name)' }).min(1), { error: 'expected an array of people (ids, emails or names)' }).optional().describe('people who have left, whatever their last commit'),
          present: z.array(z.string({ error: 'expected a person (id, email or name)' }).min(1), { error: 'expected an array of people (ids, emails or names)' }).optional().describe('people who are still here, however long since their last commit'),
        },
        { error: 'expected an object with departed and present' },
      )
      .strict()
      .optional()
      .describe('who has left and who is still here, overriding --departed-after both ways'),
    stewardship: z
      .object(
        {
          releaseTags: globs('an array of globs over tag names').optional().describe('tags that are releases, replacing the default rule (versions such as v1.2.3, 1.2, pkg@1.2.3, and release-*)'),
          buildFiles: globs('an array of globs').optional().describe('more build and delivery files, beside the documented defaults (CI, containers, infrastructure, build and release scripts)'),
          notBuildFiles: globs('an array of globs').optional().describe('files that are never build and delivery files, whatever the defaults say'),
        },
        { error: 'expected an object with releaseTags, buildFiles and notBuildFiles' },
      )
      .strict()
      .optional()
      .describe('the stewardship lens: which tags are releases, which files build and deliver the project (docs/stewardship.md)'),
    check: checkConfigSchema.optional(),
  })
  .strict();

/**
 * A config file as validated (every key optional). Written out rather than inferred: the schema is
 * built from the option list at run time, which TypeScript cannot follow key by key.
 */
export type ConfigFile = Partial<AnalysisOptionValues> & {
    readonly $schema?: string;
    readonly modules?: Record<string, string[]>;
    readonly aliases?: Record<string, string[]>;
    readonly people?: { readonly departed?: string[]; readonly present?: string[] };
    readonly stewardship?: { readonly releaseTags?: string[]; readonly buildFiles?: string[]; readonly notBuildFiles?: string[] };
    readonly check?: CheckConfig;
  };

/** The keys a config file may have, for the unknown-key message. */
export const CONFIG_KEYS: readonly string[] = Object.keys(configSchema.shape);

/** The JSON Schema of the config file (draft 2020-12). */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema),
    title: 'busfactor.json',
    description: 'busfactor settings: the analysis options (flags win over the file), configured modules and aliases. docs/config.md',
  };
}
