/**
 * Bots are not people (docs/algorithms.md §4): GitHub App accounts (`name[bot]`, `…[bot]@users.noreply.github.com`)
 * and the well-known automation accounts that commit under a plain name.
 */
const BOT_NAME = /\[bot\]|^(dependabot|dependabot-preview|renovate|renovate-bot|github-actions|greenkeeper(io)?|snyk-bot|imgbot|allcontributors|semantic-release-bot|pre-commit-ci|mergify|codecov-io|deepsource-autofix|whitesource-bolt|pyup-bot|gitter-badger|azure-pipelines|travis-ci)$/i;
const BOT_EMAIL = /\[bot\]@|^(bot|noreply\+bot)@|^(dependabot|renovate|github-actions|greenkeeper|snyk-bot|imgbot|allcontributors|semantic-release-bot|pre-commit-ci|mergify)(\+[^@]*)?@/i;

/**
 * AI coding agents, as they sign `Co-authored-by:` trailers (or commit themselves): they are tools,
 * not people who carry knowledge away (docs/algorithms.md, "Co-authors").
 */
// Only names no person goes by: a developer called Devin or Jules is a person.
const AGENT_NAME = /^(claude|claude code|copilot|github copilot|copilot-swe-agent|cursor agent|cursoragent|openai codex|chatgpt|openhands|openhands-agent|devin-ai|devin ai|gemini code assist|amazon q developer|sweep ai|aider \([^)]*\))$/i;
const AGENT_EMAIL = /^(noreply@anthropic\.com|claude@anthropic\.com|cursoragent@cursor\.com|openhands@all-hands\.dev|noreply@aider\.chat|[0-9]+\+copilot@users\.noreply\.github\.com|devin-ai-integration\[bot\]@users\.noreply\.github\.com|codex@openai\.com|noreply@openai\.com|jules@google\.com)$/i;

/** True when an author name or email belongs to an automated account (bots and AI agents). */
export function isBotIdentity(name: string, email: string): boolean {
  const trimmedName = name.trim();
  const trimmedEmail = email.trim();
  return BOT_NAME.test(trimmedName) || BOT_EMAIL.test(trimmedEmail) || AGENT_NAME.test(trimmedName) || AGENT_EMAIL.test(trimmedEmail);
}
