/** The formats `busfactor check` writes (docs/check.md, "Formats"), each a renderer in check-renderers.ts. */
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown', 'codeclimate', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
