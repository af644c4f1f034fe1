import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/report-error.js';
import { InputError, InternalError } from '../../src/errors.js';

function report(error: unknown): { line: string; exitCode: number } {
  let line = '';
  const exitCode = reportError(error, (text) => (line += text));
  return { line, exitCode };
}

describe('reportError', () => {
  it('prints a known failure as one error line with its hint, exit 2', () => {
    expect(report(new InputError('not a git repository: /tmp/x', { hint: 'check the path' }))).toEqual({
      line: 'busfactor: error: not a git repository: /tmp/x (check the path)\n',
      exitCode: 2,
    });
  });

  it('prints a bug (ours or anyone\'s) as an internal error to report, exit 2, never a stack', () => {
    for (const error of [new InternalError('diff stream out of step at abc'), new TypeError('diff stream out of step at abc')]) {
      const { line, exitCode } = report(error);
      expect(line).toMatch(/^busfactor: internal error: diff stream out of step at abc — please report it with this line \(busfactor \S+, node v\d+/);
      expect(line.split('\n')).toHaveLength(2);
      expect(exitCode).toBe(2);
    }
  });
});
