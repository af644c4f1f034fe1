import { createHash } from 'node:crypto';
import type { RuleId } from './check-result.js';

/**
 * A finding's identity across runs: its rule and its subject's id, nothing that changes while the
 * problem stays (figures, people, the commit). Code scanning (SARIF `partialFingerprints`) and GitLab
 * (CodeClimate `fingerprint`) match alerts by it; the version prefix lets a later scheme coexist.
 */
export function findingFingerprint(rule: RuleId, subjectId: string): string {
  return createHash('sha256').update(`busfactor/v1\u0000${rule}\u0000${subjectId}`).digest('hex').slice(0, 32);
}
