import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { renderCheckSarif } from '../../src/render/check/render-check-sarif.js';
import { FAILING, HOSTILE, HOSTILE_FILE, manyFindings, PASSING } from './sample-result.js';

/** The OASIS committee specification's schema (fixtures/schemas/README.md), draft-07. */
const SCHEMA = JSON.parse(readFileSync(new URL('../../fixtures/schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;

// The schema checks `uri`, `uri-reference` and `date-time` formats: ajv-formats makes ajv check them
// too, instead of ignoring them (an unencoded space in an artifact uri must fail).
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(SCHEMA);

function parse(text: string): Log {
  return JSON.parse(text) as Log;
}

describe('renderCheckSarif', () => {
  it.each([
    ['failing', FAILING],
    ['passing', PASSING],
    ['hostile', HOSTILE],
    ['300 findings', manyFindings(300)],
  ])('is valid SARIF 2.1.0 (%s)', (_, result) => {
    const log = parse(renderCheckSarif(result));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema check is real: it rejects an unencoded uri and a wrong level', () => {
    const log = parse(renderCheckSarif(FAILING));
    const run = log.runs[0]!;
    run.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri = 'a b';
    expect(validate(log)).toBe(false);
    const again = parse(renderCheckSarif(FAILING));
    (again.runs[0]!.results![0] as { level: string }).level = 'fatal';
    expect(validate(again)).toBe(false);
  });

  it('has the log header, the tool and one rule per policy rule', () => {
    const log = parse(renderCheckSarif(FAILING));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.automationDetails).toEqual({ id: 'busfactor/check/' });
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { description: { text: 'The root of the analysed repository.' } } });
    const { rules, ...driver } = run.tool.driver;
    expect(driver).toEqual({ name: 'busfactor', version: '0.1.0', informationUri: 'https://github.com/busfactor/busfactor' });
    expect(rules!.map((rule) => [rule.id, rule.name])).toEqual([
      ['min-bus-factor', 'MinBusFactor'],
      ['min-active-bus-factor', 'MinActiveBusFactor'],
      ['max-lost', 'MaxLost'],
      ['min-stewardship-bus-factor', 'MinStewardshipBusFactor'],
      ['max-codeowners-drift', 'MaxCodeownersDrift'],
    ]);
    expect(rules![2]).toEqual({
      id: 'max-lost',
      name: 'MaxLost',
      shortDescription: { text: 'Maximum lost knowledge' },
      fullDescription: { text: 'The share of files whose every author has departed.' },
      defaultConfiguration: { level: 'error' },
      help: { text: 'The share of files whose every author has departed. A check fails when its figure is above the maximum the policy sets; see docs/check.md.' },
    });
  });

  it('writes one result per finding, with its rule index, level and fingerprint', () => {
    const results = parse(renderCheckSarif(FAILING)).runs[0]!.results!;
    expect(results.map((r) => [r.ruleId, r.ruleIndex, r.level, r.partialFingerprints, r.baselineState])).toEqual([
      ['min-bus-factor', 0, 'error', { 'busfactor/v1': '0a1b2c3d4e5f60718293a4b5c6d7e8f9' }, 'new'],
      ['min-bus-factor', 0, 'error', { 'busfactor/v1': '1b2c3d4e5f60718293a4b5c6d7e8f90a' }, 'updated'],
      ['max-lost', 2, 'error', { 'busfactor/v1': '2c3d4e5f60718293a4b5c6d7e8f90a1b' }, 'new'],
      ['min-stewardship-bus-factor', 3, 'error', { 'busfactor/v1': '3d4e5f60718293a4b5c6d7e8f90a1b2c' }, 'new'],
      ['min-active-bus-factor', 1, 'warning', { 'busfactor/v1': '4e5f60718293a4b5c6d7e8f90a1b2c3d' }, 'unchanged'],
      ['max-codeowners-drift', 4, 'warning', { 'busfactor/v1': '5f60718293a4b5c6d7e8f90a1b2c3d4e' }, 'new'],
    ]);
  });

  it('points at the declaring file and line, else the module folder, else the repository root', () => {
    const results = parse(renderCheckSarif(FAILING)).runs[0]!.results!;
    expect(results.map((r) => r.locations)).toEqual([
      [{ physicalLocation: { artifactLocation: { uri: '.github/CODEOWNERS', uriBaseId: '%SRCROOT%' }, region: { startLine: 3 } } }],
      [{ physicalLocation: { artifactLocation: { uri: 'lib/router/', uriBaseId: '%SRCROOT%' } } }],
      [{ physicalLocation: { artifactLocation: { uri: '.', uriBaseId: '%SRCROOT%' } } }],
      [{ physicalLocation: { artifactLocation: { uri: '.', uriBaseId: '%SRCROOT%' } } }],
      [{ physicalLocation: { artifactLocation: { uri: 'lib/router/', uriBaseId: '%SRCROOT%' } } }],
      [{ physicalLocation: { artifactLocation: { uri: '.github/CODEOWNERS', uriBaseId: '%SRCROOT%' } } }],
    ]);
  });

  it('gives every result exactly one location with a non-empty uri (GitHub code scanning needs one)', () => {
    for (const result of [FAILING, HOSTILE, manyFindings(3)]) {
      for (const r of parse(renderCheckSarif(result)).runs[0]!.results!) {
        expect(r.locations).toHaveLength(1);
        expect(r.locations![0]!.physicalLocation!.artifactLocation!.uri!.length).toBeGreaterThan(0);
      }
    }
  });

  it('says what, the baseline, who holds it, the remedy and whom to ask in the message; data in properties', () => {
    const [first, second] = parse(renderCheckSarif(FAILING)).runs[0]!.results!;
    expect(first!.message).toEqual({
      text:
        '/src/billing/ has a bus factor of 1, below the minimum of 2. Not in the baseline. Held by Ada Lovelace (80%). ' +
        'Remedy: have Bo Li review changes to it. Reviewers to ask: Bo Li (knows 42 % of it, 17 recent changes).',
    });
    expect(second!.message.text).toBe(
      'lib/router has a bus factor of 1, below the minimum of 2. Worse than the baseline, which records 2. ' +
        'Held by Ada Lovelace (90%, departed). Remedy: pair Bo Li or Cy Young with Ada Lovelace on it. ' +
        'Reviewers to ask: Bo Li (knows 42 % of it, 17 recent changes); Cy Young (knows 10 % of it, 3 recent changes).',
    );
    expect(second!.properties).toEqual({
      subjectId: 'directory:lib/router',
      subjectKind: 'module',
      subjectName: 'lib/router',
      value: 1,
      threshold: 2,
      policyLevel: 'error',
      baseline: 'regression',
      baselineValue: 2,
      holders: [{ id: 'p1', name: 'Ada Lovelace', email: 'ada@example.com', amount: 9, share: 0.9, departed: true }],
      candidates: [
        { id: 'p2', name: 'Bo Li', email: 'bo@example.com', evidence: 'knows 42 % of it, 17 recent changes' },
        { id: 'p3', name: 'Cy Young', email: 'cy@example.com', evidence: 'knows 10 % of it, 3 recent changes' },
      ],
    });
  });

  it('has no baseline state without a baseline', () => {
    const results = parse(renderCheckSarif(manyFindings(2))).runs[0]!.results!;
    expect(results.map((r) => [r.baselineState, r.properties!['baseline']])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it('is deterministic, and a passing check has the rules and no result', () => {
    expect(renderCheckSarif(FAILING)).toBe(renderCheckSarif(structuredClone(FAILING)));
    const run = parse(renderCheckSarif(PASSING)).runs[0]!;
    expect(run.results).toEqual([]);
    expect(run.tool.driver.rules!.map((rule) => rule.id)).toEqual(['min-bus-factor']);
    expect(renderCheckSarif(PASSING).endsWith('}\n')).toBe(true);
  });

  it('keeps hostile data as data: encoded uris, inert embedded links, no `##[` or raw control in the file', () => {
    const text = renderCheckSarif(HOSTILE);
    const [folder, located] = parse(text).runs[0]!.results!;
    expect(folder!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(
      'lib/a%7Cb%20%3Cscript%3E%26%22%25%3A%2C%07%5D%5D%3E%0A%3A%3Aerror%3A%3Ax/',
    );
    expect(located!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'docs/a%20b%25%2C%3A%5D%5D%3E.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7 },
    });
    expect(decodeURIComponent('docs/a%20b%25%2C%3A%5D%5D%3E.md')).toBe(HOSTILE_FILE);
    // SARIF §3.11.6: `[x](javascript:…)` in a plain-text message would be an embedded link.
    expect(located!.message.text).toContain(' \\[x\\](javascript:alert(1)) @octocat ##\\[error\\]y has an active bus factor of 0');
    expect(located!.message.text).not.toMatch(/(^|[^\\])\[x\]/);
    expect(located!.properties!['subjectName']).toBe(HOSTILE.findings[1]!.subject.name);
    expect(text).not.toContain('##[');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});
