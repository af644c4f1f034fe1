import { describe, expect, it } from 'vitest';
import { renderCheckCodeClimate } from '../../src/render/check/render-check-codeclimate.js';
import { FAILING, HOSTILE, HOSTILE_FILE, PASSING } from './sample-result.js';

interface Issue {
  type: string;
  check_name: string;
  description: string;
  content: { body: string };
  categories: string[];
  location: { path: string; lines: { begin: number } };
  fingerprint: string;
  severity: string;
}

const parse = (text: string): Issue[] => JSON.parse(text) as Issue[];

describe('renderCheckCodeClimate', () => {
  it('writes one issue per finding, in full', () => {
    const issues = parse(renderCheckCodeClimate(FAILING));
    expect(issues).toHaveLength(6);
    expect(issues[1]).toEqual({
      type: 'issue',
      check_name: 'min-bus-factor',
      description: 'lib/router has a bus factor of 1, below the minimum of 2',
      content: {
        body: [
          'lib/router has a bus factor of 1, below the minimum of 2.',
          'Worse than the baseline, which records 2.',
          'Held by:\n- Ada Lovelace \\(90%, departed\\)',
          'Remedy: pair Bo Li or Cy Young with Ada Lovelace on it.',
          'Reviewers to ask:\n- Bo Li \\(knows 42 % of it, 17 recent changes\\)\n- Cy Young \\(knows 10 % of it, 3 recent changes\\)',
        ].join('\n\n'),
      },
      categories: ['Bug Risk'],
      location: { path: 'lib/router', lines: { begin: 1 } },
      fingerprint: '1b2c3d4e5f60718293a4b5c6d7e8f90a',
      severity: 'major',
    });
  });

  it('maps levels to severities and locations to paths and lines', () => {
    const issues = parse(renderCheckCodeClimate(FAILING));
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin, i.fingerprint])).toEqual([
      ['min-bus-factor', 'major', '.github/CODEOWNERS', 3, '0a1b2c3d4e5f60718293a4b5c6d7e8f9'],
      ['min-bus-factor', 'major', 'lib/router', 1, '1b2c3d4e5f60718293a4b5c6d7e8f90a'],
      ['max-lost', 'major', '.', 1, '2c3d4e5f60718293a4b5c6d7e8f90a1b'],
      ['min-stewardship-bus-factor', 'major', '.', 1, '3d4e5f60718293a4b5c6d7e8f90a1b2c'],
      ['min-active-bus-factor', 'minor', 'lib/router', 1, '4e5f60718293a4b5c6d7e8f90a1b2c3d'],
      ['max-codeowners-drift', 'minor', '.github/CODEOWNERS', 1, '5f60718293a4b5c6d7e8f90a1b2c3d4e'],
    ]);
  });

  it('writes an empty array when nothing fails', () => {
    expect(renderCheckCodeClimate(PASSING)).toBe('[]\n');
  });

  it('keeps the description on one line and the body inert', () => {
    const text = renderCheckCodeClimate(HOSTILE);
    expect(text).not.toContain('##[');
    const [folder, located] = parse(text);
    expect(folder!.description).toBe('lib/a|b <script>&"%:,\u0007]]> ::error::x has a bus factor of 1, below the minimum of 2');
    expect(folder!.location).toEqual({ path: HOSTILE.findings[0]!.subject.path, lines: { begin: 1 } });
    expect(located!.location).toEqual({ path: HOSTILE_FILE, lines: { begin: 7 } });
    expect(folder!.content.body.split('\n\n')[1]).toBe(
      'Held by:\n- Eve "&lt;/table&gt;&lt;script&gt;alert\\(1\\)&lt;/script&gt;" &amp; Co | 50%\\: a,b \\\\x07 \\]\\]&gt;  ' +
        '\\:\\:error\\:\\:x \\[x\\]\\(javascript\\:alert\\(1\\)\\) @&#8203;octocat \\#\\#\\[error\\]y \\(100%, departed\\)',
    );
  });
});
