import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText } from '../../src/render/escape-xml.js';
import { renderCheckJunit } from '../../src/render/check/render-check-junit.js';
import { FAILING, HOSTILE, HOSTILE_NAME, HOSTILE_PATH, PASSING } from './sample-result.js';

// `htmlEntities` makes the parser decode character references (`&#xA;`) too, as any XML parser does.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

interface TestCase {
  classname: string;
  name: string;
  failure?: { '#text'?: string; message: string; type: string };
  'system-out'?: string;
  properties?: { property: { name: string; value: string }[] };
}
interface Parsed {
  testsuites: {
    name: string;
    tests: string;
    failures: string;
    errors: string;
    testsuite: { name: string; tests: string; failures: string; errors: string; skipped: string; testcase: TestCase[] }[];
  };
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Parsed;
}

/** What XML 1.0 cannot hold, even as a reference, becomes U+FFFD. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const held = (text: string): string => text.replace(NOT_XML, '\ufffd');

describe('renderCheckJunit', () => {
  it('has one suite per rule with checks, counting tests and failures', () => {
    const xml = renderCheckJunit(FAILING);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="busfactor check" tests="10" failures="4" errors="0">\n')).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
    const { testsuites } = parse(xml);
    expect([testsuites.name, testsuites.tests, testsuites.failures, testsuites.errors]).toEqual(['busfactor check', '10', '4', '0']);
    expect(testsuites.testsuite.map((s) => [s.name, s.tests, s.failures, s.errors, s.skipped])).toEqual([
      ['min-bus-factor', '3', '2', '0', '0'],
      ['min-active-bus-factor', '2', '0', '0', '0'],
      ['max-lost', '1', '1', '0', '0'],
      ['min-stewardship-bus-factor', '2', '1', '0', '0'],
      ['max-codeowners-drift', '2', '0', '0', '0'],
    ]);
    expect(testsuites.testsuite[0]!.testcase.map((c) => [c.classname, c.name, c.failure === undefined])).toEqual([
      ['busfactor.min-bus-factor', 'codeowners:3', false],
      ['busfactor.min-bus-factor', 'directory:lib/router', false],
      ['busfactor.min-bus-factor', 'workspace:packages/api', true],
    ]);
  });

  it('gives a failing check at level error a failure with the full details', () => {
    const failure = parse(renderCheckJunit(FAILING)).testsuites.testsuite[0]!.testcase[1]!.failure;
    expect(failure).toEqual({
      message: 'lib/router has a bus factor of 1, below the minimum of 2',
      type: 'min-bus-factor',
      '#text': [
        'lib/router has a bus factor of 1, below the minimum of 2.',
        'Worse than the baseline, which records 2.',
        'Held by Ada Lovelace (90%, departed).',
        'Remedy: pair Bo Li or Cy Young with Ada Lovelace on it.',
        'Reviewers to ask: Bo Li (knows 42 % of it, 17 recent changes); Cy Young (knows 10 % of it, 3 recent changes).',
      ].join('\n'),
    });
  });

  it('does not fail on a warning: its details go to system-out, its level to properties', () => {
    const debt = parse(renderCheckJunit(FAILING)).testsuites.testsuite[1]!.testcase[0]!;
    expect(debt).toEqual({
      classname: 'busfactor.min-active-bus-factor',
      name: 'directory:lib/router',
      properties: { property: [{ name: 'level', value: 'warning' }, { name: 'baseline', value: 'debt' }] },
      'system-out': [
        'lib/router has an active bus factor of 0, below the minimum of 1.',
        'Known debt of the baseline, which records 0.',
        'Held by Ada Lovelace (90%, departed).',
        'Remedy: have Bo Li or Cy Young take over lib/router.',
        'Reviewers to ask: Bo Li (knows 42 % of it, 17 recent changes); Cy Young (knows 10 % of it, 3 recent changes).',
      ].join('\n'),
    });
  });

  it('writes every passing check as an empty test case', () => {
    expect(renderCheckJunit(PASSING)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="busfactor check" tests="2" failures="0" errors="0">',
        '  <testsuite name="min-bus-factor" tests="2" failures="0" errors="0" skipped="0">',
        '    <testcase classname="busfactor.min-bus-factor" name="repository"/>',
        '    <testcase classname="busfactor.min-bus-factor" name="workspace:packages/api"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('the validator is a real check: the hostile name unescaped is not well-formed', () => {
    expect(XMLValidator.validate(`<a n="${HOSTILE_NAME}">${HOSTILE_NAME}</a>`)).not.toBe(true);
  });

  it('keeps hostile names well-formed and round-trips them, less what XML cannot hold', () => {
    const xml = renderCheckJunit(HOSTILE);
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).not.toContain('##[');
    expect(xml).not.toMatch(/^\s*::/m);
    const [folder, config] = parse(xml).testsuites.testsuite.map((s) => s.testcase[0]!);
    expect(folder!.name).toBe(held(`directory:${HOSTILE_PATH}`));
    expect(folder!.failure!.message).toBe(held(`${HOSTILE_PATH} has a bus factor of 1, below the minimum of 2`));
    expect(folder!.failure!['#text']).toBe(
      [
        `${held(HOSTILE_PATH)} has a bus factor of 1, below the minimum of 2.`,
        `Held by ${held(HOSTILE_NAME)} (100%, departed).`,
        `Remedy: have ${held(HOSTILE_NAME)} review changes to it.`,
        `Reviewers to ask: ${held(HOSTILE_NAME)} (knows 1 % of it, 1 recent change).`,
      ].join('\n'),
    );
    expect(config!.name).toBe('config:evil');
    expect(config!.failure).toBeUndefined();
    expect(config!['system-out']).toBe(
      [
        `${held(HOSTILE_NAME)} has an active bus factor of 0, below the minimum of 1.`,
        `Held by ${held(HOSTILE_NAME)} (100%, departed).`,
        `Remedy: have ${held(HOSTILE_NAME)} review changes to it.`,
        `Reviewers to ask: ${held(HOSTILE_NAME)} (knows 1 % of it, 1 recent change).`,
      ].join('\n'),
    );
  });
});

describe('escapeXmlText and escapeXmlAttribute', () => {
  it('write the five entities', () => {
    expect(escapeXmlText(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXmlAttribute(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXmlText(']]>')).toBe(']]&gt;');
  });

  it('replace what XML 1.0 cannot hold with U+FFFD, and keep tab, paired surrogates', () => {
    expect(escapeXmlText('a\u0000b\u0007c\u001fd\ufffee\uffff\tf')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffd\tf');
    expect(escapeXmlText('x\ud800y\udc00z\ud83d\ude00')).toBe('x\ufffdy\ufffdz\ud83d\ude00');
  });

  it('write line breaks, and in attributes tabs, as references', () => {
    expect(escapeXmlText('a\nb\r\nc\td')).toBe('a&#xA;b&#xD;&#xA;c\td');
    expect(escapeXmlAttribute('a\nb\rc\td')).toBe('a&#xA;b&#xD;c&#x9;d');
  });

  it('write terminal controls and `##[` as references: the same data, safe to print', () => {
    expect(escapeXmlText('\u001b[31m \u009b \u202e \u2028 ##[error]')).toBe('\ufffd[31m &#x9B; &#x202E; &#x2028; ##&#x5B;error]');
    expect(escapeXmlAttribute('\u007f ##[x] #[y]')).toBe('&#x7F; ##&#x5B;x] #[y]');
  });
});
