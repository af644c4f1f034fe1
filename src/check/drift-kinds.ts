/** The CODEOWNERS drift kinds a policy can cap (report.ts `CodeownersDrift`; docs/json-report.md, "codeowners"). */
export const DRIFT_KINDS = ['owner-without-knowledge', 'key-person-not-owner', 'unowned'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];
