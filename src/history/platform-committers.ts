/**
 * Committer identities that are a hosting platform, not a person (docs/stewardship.md,
 * "Integration"): GitHub commits the merges, squashes and rebases made with its web buttons as
 * `GitHub <noreply@github.com>` (the `web-flow` account; `GitHub Enterprise` on a server). The
 * person who pressed the button is not in git: a merge is credited to its author (GitHub makes the
 * presser the author of a merge commit), a squash or rebase to nobody (counted as unattributed).
 */
const PLATFORM_EMAILS = new Set(['noreply@github.com']);
const PLATFORM_NAMES = new Set(['github', 'github enterprise']);

export function isPlatformCommitter(name: string, email: string): boolean {
  const address = email.trim().toLowerCase();
  if (PLATFORM_EMAILS.has(address)) return true;
  return PLATFORM_NAMES.has(name.trim().toLowerCase()) && (address === '' || address.startsWith('noreply@'));
}
