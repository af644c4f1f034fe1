import { z } from 'zod';

/**
 * The fields of a JSON report (src/report/report.ts, docs/json-report.md) the organisation view reads,
 * checked before any is used: a file from another job, another tool or another version must be
 * refused with a line saying what is wrong, never half-read. Other fields pass unchecked.
 */
const keyPerson = z.object({ id: z.string(), name: z.string(), email: z.string(), files: z.number(), share: z.number() });
const date = z.string().nullable();

export const REPORT_FILE_SCHEMA = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('busfactor'), version: z.string() }),
  repository: z.object({ name: z.string(), scope: z.string() }),
  head: z.string().min(1),
  headTime: date,
  referenceTime: date,
  algorithm: z.enum(['avl', 'recency']),
  busFactor: z.number().int().min(0),
  activeBusFactor: z.number().int().min(0),
  activeKeyPeople: z.array(keyPerson),
  keyPeople: z.array(keyPerson),
  lost: z.object({ files: z.number(), share: z.number() }),
  totals: z.object({ files: z.number(), authoredFiles: z.number(), commits: z.number(), people: z.number(), authors: z.number() }),
  people: z.array(z.object({ id: z.string(), name: z.string(), emails: z.array(z.string()), commits: z.number(), bot: z.boolean(), departed: z.boolean(), filesAuthored: z.number() })),
  modules: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['directory', 'workspace', 'codeowners', 'config']),
      name: z.string(),
      path: z.string().optional(),
      files: z.number(),
      busFactor: z.number(),
      activeBusFactor: z.number(),
      lostFiles: z.number(),
      keyPeople: z.array(keyPerson),
    }),
  ),
  settings: z.object({ includeBots: z.boolean(), allText: z.boolean(), departedAfter: z.string(), coAuthors: z.enum(['ignore', 'credit']) }),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
