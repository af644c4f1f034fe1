import { compareText } from '../compare-text.js';
import type { MergeSuggestion, SuggestedIdentity } from '../identity/merge-suggestions.js';
import { sanitizeForTerminal as safe } from './sanitize.js';

/** `(merged by busfactor, not by git)`: what accepting the suggestion changes. */
export function mergeState(suggestion: MergeSuggestion): string {
  return suggestion.mergedByBusfactor ? 'merged by busfactor, not by git' : 'not merged by busfactor';
}

/** `Name <email>`, escaped for a terminal. */
export const identityText = (identity: { readonly name: string; readonly email: string }): string => `${safe(identity.name)} <${safe(identity.email)}>`;

/**
 * A part git's .mailmap parser would read back as written: not empty, no `<` or `>` (they delimit
 * emails), nothing `sanitizeForTerminal` would escape (controls, newlines, bidi controls).
 */
function writable(text: string): boolean {
  return text !== '' && !/[<>]/.test(text) && safe(text) === text;
}

const SKIPPED = 'cannot be written as a .mailmap line (empty, or holds <, > or a control character)';

/**
 * The suggestions as .mailmap lines to review (docs/people.md), one block per group: a `# reason`
 * comment per suggestion, then `Proper Name <proper@email> Commit Name <commit@email>` for every
 * identity of the group but the proposed one itself. Identities that cannot be written exactly are
 * left out with a comment saying so. Nothing but comments and mailmap lines.
 */
export function renderMailmap(suggestions: readonly MergeSuggestion[]): string {
  const groups = new Map<number, MergeSuggestion[]>();
  for (const suggestion of suggestions) groups.set(suggestion.group, [...(groups.get(suggestion.group) ?? []), suggestion]);
  const blocks = [...groups.values()].map((group) => {
    const canonical = (group[0] as MergeSuggestion).canonical;
    const lines = group.map((s) => `# ${s.reason} (${mergeState(s)}): ${s.identities.map(identityText).join(', ')}`);
    // A proper name starting with # would make the whole line a comment.
    if (!writable(canonical.name) || canonical.name.startsWith('#') || !writable(canonical.email)) {
      return [...lines, `# skipped: the proposed identity ${identityText(canonical)} ${SKIPPED}`];
    }
    for (const identity of membersOf(group)) {
      if (identity.name === canonical.name && identity.email === canonical.email) continue;
      if (!writable(identity.name) || !writable(identity.email)) lines.push(`# skipped: ${identityText(identity)} ${SKIPPED}`);
      else lines.push(`${canonical.name} <${canonical.email}> ${identity.name} <${identity.email}>`);
    }
    return lines;
  });
  return blocks.length === 0 ? '' : `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** Every identity of the group once, most commits first. */
function membersOf(group: readonly MergeSuggestion[]): SuggestedIdentity[] {
  const byKey = new Map<string, SuggestedIdentity>();
  for (const suggestion of group) for (const identity of suggestion.identities) byKey.set(`${identity.name}\0${identity.email}`, identity);
  return [...byKey.values()].sort((a, b) => b.commits - a.commits || compareText(a.name, b.name) || compareText(a.email, b.email));
}
