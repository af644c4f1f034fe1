import type { Finding } from '../../check/check-result.js';

/**
 * Where a finding points, as a path relative to the repository root: the file that declares the
 * subject (its CODEOWNERS line, its manifest, the config file), else the module's folder with a
 * trailing slash, else the repository root `.`. Code scanning and Code Quality both need a
 * non-empty path for every result (docs/check.md, "Formats").
 */
export function findingPath(finding: Finding, folder: { readonly trailingSlash: boolean }): string {
  if (finding.location?.file) return finding.location.file;
  if (finding.subject.path) return folder.trailingSlash ? `${finding.subject.path}/` : finding.subject.path;
  return '.';
}

/** The 1-based line of the declaration, when the finding has one. */
export function findingLine(finding: Finding): number | undefined {
  const line = finding.location?.file ? finding.location.line : undefined;
  return line !== undefined && Number.isInteger(line) && line >= 1 ? line : undefined;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A repository path as a relative URI reference (RFC 3986), as SARIF's `artifactLocation.uri`
 * requires: each segment percent-encoded, so a space, `%`, `#` or `?` in a file name stays part of
 * the path, and a `:` in the first segment (`c:x`) cannot read as a scheme. A lone surrogate, which
 * has no UTF-8 form, becomes U+FFFD first (`encodeURIComponent` would throw).
 */
export function toUriReference(path: string): string {
  return path
    .replace(LONE_SURROGATE, '\ufffd')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
