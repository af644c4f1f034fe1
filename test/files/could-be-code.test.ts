import { describe, expect, it } from 'vitest';
import { couldBeCode } from '../../src/files/could-be-code.js';

describe('couldBeCode (paths no longer in the tree: name only)', () => {
  it('keeps code and names that content could still make code; drops what no content could', () => {
    const verdicts = Object.fromEntries(
      ['src/app.js', 'lib/view.vue', 'index.html', 'bin/tool', 'README.md', 'package-lock.json', 'dist/app.min.js', 'img/logo.png', 'data/table.csv', 'node_modules/x/index.js'].map((path) => [path, couldBeCode(path)]),
    );
    expect(verdicts).toEqual({
      'src/app.js': true,
      'lib/view.vue': true,
      'index.html': true,
      'bin/tool': true, // no extension: a shebang could make it code
      'README.md': false,
      'package-lock.json': false,
      'dist/app.min.js': false,
      'img/logo.png': false,
      'data/table.csv': false,
      'node_modules/x/index.js': false,
    });
  });
});
