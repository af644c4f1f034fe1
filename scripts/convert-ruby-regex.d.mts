/** Types of convert-ruby-regex.mjs (a build-time script, imported by its tests). */
export class UnsupportedRegexError extends Error {}
export function convertRubyRegex(source: string, flags?: { i?: boolean; m?: boolean; x?: boolean; singleLine?: boolean }): string;
