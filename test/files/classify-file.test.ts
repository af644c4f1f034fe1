import { describe, expect, it } from 'vitest';
import { classifyBlob, excludeByName, needsContent, type FileFacts } from '../../src/files/classify-file.js';
import type { FileAttributes } from '../../src/files/read-attributes.js';

const facts = (path: string, attributes?: Partial<FileAttributes>, size = 10): FileFacts => ({
  path,
  size,
  attributes: attributes === undefined ? undefined : { binary: false, lfs: false, ...attributes },
  included: false,
});

describe('needsContent', () => {
  it('reads what content can still turn into code, and nothing else', () => {
    expect(needsContent(facts('lib/a.js'), false)).toBe(true); // binary? generated? modeline?
    expect(needsContent(facts('bin/tool'), false)).toBe(true); // only a shebang can tell
    expect(needsContent(facts('guide.md'), false)).toBe(true); // heuristic: Markdown or GCC Machine Description
    expect(needsContent(facts('data.json'), false)).toBe(false); // JSON, or OpenAPI JSON: data either way
    expect(needsContent(facts('notes.txt'), false)).toBe(false); // Text, Vim Help File, Hosts File, Adblock: never code
    expect(needsContent(facts('data.json'), true)).toBe(true); // --all-text counts text: is it text?
    expect(needsContent(facts('data.json', { detectable: true }), false)).toBe(true);
    expect(needsContent(facts('lib/a.js', { detectable: false }), false)).toBe(false);
    expect(needsContent(facts('notes.txt', { language: 'Python' }), false)).toBe(true);
    expect(needsContent(facts('lib/a.js', { language: 'JSON' }), false)).toBe(false);
  });
});

describe('classifyBlob', () => {
  const options = { allText: false, missing: false };

  it('drops Git LFS pointers of files tracked with filter=lfs', () => {
    const pointer = Buffer.from('version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n');
    expect(classifyBlob(facts('lib/big.js', { lfs: true }), pointer, options)).toEqual({ counted: false, reason: 'binary' });
    expect(classifyBlob(facts('lib/big.js'), pointer, options)).toMatchObject({ counted: true });
  });

  it('resolves linguist-language aliases case-insensitively; an unknown or empty one gives no language', () => {
    const code = Buffer.from('x = 1\n');
    expect(classifyBlob(facts('a.txt', { language: 'PYTHON3' }), code, options)).toMatchObject({ counted: true, language: { name: 'Python' } });
    expect(classifyBlob(facts('a.txt', { language: 'cpp' }), code, options)).toMatchObject({ counted: true, language: { name: 'C++' } });
    expect(classifyBlob(facts('a.py', { language: null }), code, options)).toEqual({ counted: false, reason: 'not-code' });
  });

  it('keeps the documented precedence of name reasons', () => {
    expect(excludeByName(facts('vendor/package-lock.json'))).toBe('lockfile');
    expect(excludeByName(facts('docs/vendor/a.js'))).toBe('vendored');
    expect(excludeByName(facts('docs/a.min.js'))).toBe('vendored');
    expect(excludeByName(facts('docs/a.js.map'))).toBe('generated');
    expect(excludeByName(facts('docs/a.png'))).toBe('documentation');
    expect(excludeByName(facts('img/a.png', undefined, 0))).toBe('binary');
    expect(excludeByName(facts('a.js', undefined, 0))).toBe('empty');
    expect(excludeByName({ ...facts('vendor/a.js'), included: true })).toBeUndefined();
  });
});
