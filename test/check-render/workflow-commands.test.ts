import { describe, expect, it } from 'vitest';
import { escapeCommandData, escapeCommandProperty } from '../../src/render/escape-workflow-command.js';
import { renderWorkflowCommands } from '../../src/render/check/render-workflow-commands.js';
import { FAILING, HOSTILE, PASSING } from './sample-result.js';

describe('renderWorkflowCommands', () => {
  it('writes one command per finding, with file and line only where the finding has them', () => {
    expect(renderWorkflowCommands(FAILING)).toBe(
      [
        '::error file=.github/CODEOWNERS,line=3,title=busfactor min-bus-factor%3A /src/billing/::/src/billing/ has a bus factor of 1, below the minimum of 2. Not in the baseline. Held by Ada Lovelace (80%25). Remedy: have Bo Li review changes to it.',
        '::error title=busfactor min-bus-factor%3A lib/router::lib/router has a bus factor of 1, below the minimum of 2. Worse than the baseline, which records 2. Held by Ada Lovelace (90%25, departed). Remedy: pair Bo Li or Cy Young with Ada Lovelace on it.',
        '::error title=busfactor max-lost%3A acme::acme has lost 25.4%25 of its files, above the maximum of 25%25. Not in the baseline. Held by Ada Lovelace (90%25, departed). Remedy: have someone still here take over the files of Ada Lovelace.',
        '::error title=busfactor min-stewardship-bus-factor%3A releases::releases have a stewardship bus factor of 1, below the minimum of 2. Not in the baseline. Held by Ada Lovelace (100%25). Remedy: let Bo Li cut the next release with Ada Lovelace.',
        '::warning title=busfactor min-active-bus-factor%3A lib/router::lib/router has an active bus factor of 0, below the minimum of 1. Known debt of the baseline, which records 0. Held by Ada Lovelace (90%25, departed). Remedy: have Bo Li or Cy Young take over lib/router.',
        '::warning file=.github/CODEOWNERS,title=busfactor max-codeowners-drift%3A unowned::3 files match no CODEOWNERS rule, above the maximum of 0. Not in the baseline. Remedy: add CODEOWNERS rules for them.',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing when nothing fails', () => {
    expect(renderWorkflowCommands(PASSING)).toBe('');
  });

  it('keeps a hostile name inside its own command: one line per finding, properties escaped', () => {
    const output = renderWorkflowCommands(HOSTILE);
    const lines = output.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines.filter((line) => line.startsWith('::'))).toHaveLength(2);
    expect(lines[1]!.startsWith('::warning file=docs/a b%25%2C%3A]]>.md,line=7,title=busfactor min-active-bus-factor%3A Eve "</table><script>alert(1)</script>" & Co | 50%25%3A a%2Cb \\x07 ]]> %0A%3A%3Aerror%3A%3Ax [x](javascript%3Aalert(1)) @octocat ##[error]y::')).toBe(true);
    expect(lines[0]).toBe(
      '::error title=busfactor min-bus-factor%3A lib/a|b <script>&"%25%3A%2C\\x07]]>%0A%3A%3Aerror%3A%3Ax::' +
        'lib/a|b <script>&"%25:,\\x07]]>%0A::error::x has a bus factor of 1, below the minimum of 2. ' +
        'Held by Eve "</table><script>alert(1)</script>" & Co | 50%25: a,b \\x07 ]]> %0A::error::x [x](javascript:alert(1)) @octocat ##[error]y (100%25, departed). ' +
        'Remedy: have Eve "</table><script>alert(1)</script>" & Co | 50%25: a,b \\x07 ]]> %0A::error::x [x](javascript:alert(1)) @octocat ##[error]y review changes to it.',
    );
    // The properties part (up to the first `::` after the command) holds no `:` or `,` of the data.
    for (const line of lines.slice(0, 2)) {
      const properties = line.slice(line.indexOf(' ') + 1, line.indexOf('::', 2));
      expect(properties.split(',').map((p) => p.split('=')[0])).toEqual(line.startsWith('::warning') ? ['file', 'line', 'title'] : ['title']);
    }
    // eslint-disable-next-line no-control-regex
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});

describe('escapeCommandData and escapeCommandProperty', () => {
  it('escape as @actions/core does, `%` first', () => {
    expect(escapeCommandData('50% a\r\nb:c,d %0A')).toBe('50%25 a%0D%0Ab:c,d %250A');
    expect(escapeCommandProperty('50% a\r\nb:c,d %0A')).toBe('50%25 a%0D%0Ab%3Ac%2Cd %250A');
  });
});
