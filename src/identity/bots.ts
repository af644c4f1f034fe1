/**
 * Bots are not people (docs/algorithms.md §4): GitHub App accounts (`name[bot]`, `…[bot]@users.noreply.github.com`)
 * and the well-known automation accounts that commit under a plain name.
 */
const BOT_NAME = /\[bot\]|^(dependabot|dependabot-preview|renovate|renovate-bot|github-actions|greenkeeper(io)?|snyk-bot|imgbot|allcontributors|semantic-release-bot|pre-commit-ci|mergify|codecov-io|deepsource-autofix|whitesource-bolt|pyup-bot|gitter-badger|azure-pipelines|travis-ci)$/i;
const BOT_EMAIL = /\[bot\]@|^(bot|noreply\+bot)@|^(dependabot|renovate|github-actions|greenkeeper|snyk-bot|imgbot|allcontributors|semantic-release-bot|pre-commit-ci|mergify)(\+[^@]*)?@/i;

/** True when an author name or email belongs to an automated account. */
export function isBotIdentity(name: string, email: string): boolean {
  return BOT_NAME.test(name.trim()) || BOT_EMAIL.test(email.trim());
}
