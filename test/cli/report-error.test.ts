import { describe, expect, it } from 'vitest';
import { reportError, reportStuck } from '../../src/cli/report-error.js';
import { InputError, InternalError, withContext } from '../../src/errors.js';

function report(error: unknown, env: NodeJS.ProcessEnv = {}): { line: string; exitCode: number } {
  let line = '';
  const exitCode = reportError(error, (text) => (line += text), env);
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
      expect(line).toMatch(/^busfactor: internal error: diff stream out of step at abc — please report it with this line \(busfactor \S+, node v\d+.*; BUSFACTOR_DEBUG=1 shows where it happened\)\n$/);
      expect(line.split('\n')).toHaveLength(2);
      expect(exitCode).toBe(2);
    }
  });
});

describe('BUSFACTOR_DEBUG=1', () => {
  it('adds where the analysis was and the stack below the one line, for a bug report', () => {
    const failure = withContext(withContext(new RangeError('offset is out of bounds'), 'applying the diff of chef/spec/unit/couchdb_spec.rb (698d36b2 → 65c2c9e4; 331 lines held)'), 'replaying commit 7c26b727 (1795 of 34363, parents first)');
    const { line, exitCode } = report(failure, { BUSFACTOR_DEBUG: '1' });
    const lines = line.split('\n');
    expect(lines[0]).toMatch(/^busfactor: internal error: offset is out of bounds — please report it with this line \(busfactor \S+, node v\S+, \w+\)$/);
    expect(lines[1]).toBe('  while applying the diff of chef/spec/unit/couchdb_spec.rb (698d36b2 → 65c2c9e4; 331 lines held)');
    expect(lines[2]).toBe('  while replaying commit 7c26b727 (1795 of 34363, parents first)');
    expect(lines[3]).toBe('  RangeError: offset is out of bounds');
    expect(lines[4]).toMatch(/^\s+at /);
    expect(exitCode).toBe(2);
    // Without it: the one line only; 0 and false count as unset.
    for (const env of [{}, { BUSFACTOR_DEBUG: '0' }, { BUSFACTOR_DEBUG: 'false' }]) expect(report(failure, env).line.split('\n')).toHaveLength(2);
  });

  it('a known error keeps its one line and gets its cause chain in debug mode', () => {
    const { line } = report(new InputError('the repository is corrupt: x', { cause: new Error('git said so') }), { BUSFACTOR_DEBUG: '1' });
    expect(line.split('\n')[0]).toBe('busfactor: error: the repository is corrupt: x');
    expect(line).toContain('  caused by: Error: git said so');
  });

  it('a run that stops waiting for ever is reported as a bug, never as a silent exit', () => {
    let line = '';
    expect(reportStuck((text) => (line += text))).toBe(2);
    expect(line).toMatch(/^busfactor: internal error: the analysis stopped: a step was waiting for an answer that can no longer come/);
  });
});
