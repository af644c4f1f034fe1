import { compareText } from '../compare-text.js';
import type { IdentityTable } from '../identity/identity-table.js';
import { isPlatformCommitter } from '../history/platform-committers.js';
import type { Signature, TagRecord } from './read-tags.js';

/** One release: who made it (raw identity) and when. */
export interface Release {
  readonly tag: string;
  readonly actor: number;
  /** Seconds since the epoch; undefined when the tag gives no usable date. */
  readonly time: number | undefined;
}

export interface ClassifiedTags {
  readonly tags: number;
  /** Oldest first (undated ones first), then by name. */
  readonly releases: readonly Release[];
  readonly ignored: { notRelease: number; notCommit: number; afterAnalysed: number; anonymous: number };
}

/**
 * Which tags are releases and who made them (docs/stewardship.md, "Releases"), in this order: a
 * tag named as a release; tagging a commit (a tag of a tag counts: its outer tagger made it);
 * naming somebody; made by the analysed commit — dated no later than its committer time, or
 * tagging the analysed commit itself (tagged after it was made). On any branch: release branches
 * are not in the analysed history. The releaser is an annotated tag's tagger; for a lightweight
 * tag, or an annotated one without a tagger, the tagged commit's committer — its author when a
 * platform committed it (a GitHub release tags a commit of the merge button, whose author pressed
 * it). Releasers are interned with the history's people.
 */
export function classifyTags(tags: readonly TagRecord[], isRelease: (name: string) => boolean, identities: IdentityTable, reference: { readonly time: number | undefined; readonly commit: string }): ClassifiedTags {
  const ignored = { notRelease: 0, notCommit: 0, afterAnalysed: 0, anonymous: 0 };
  const releases: Release[] = [];
  for (const tag of tags) {
    if (!isRelease(tag.name)) ignored.notRelease += 1;
    else if (tag.target !== 'commit' && !(tag.kind === 'annotated' && tag.target === 'tag')) ignored.notCommit += 1;
    else {
      const by = releaser(tag);
      if (!by) ignored.anonymous += 1;
      else if (reference.time !== undefined && by.time !== undefined && by.time > reference.time && tag.object !== reference.commit) ignored.afterAnalysed += 1;
      else releases.push({ tag: tag.name, actor: identities.addSteward(by.name, by.email), time: by.time });
    }
  }
  releases.sort((a, b) => (a.time ?? -1) - (b.time ?? -1) || compareText(a.tag, b.tag));
  return { tags: tags.length, releases, ignored };
}

/** Who made a release tag, and when (docs/stewardship.md, "Releases"). */
function releaser(tag: TagRecord): Signature | undefined {
  if (tag.tagger) return tag.tagger;
  const { committer, author } = tag;
  if (committer && author && isPlatformCommitter(committer.name, committer.email)) return { ...author, time: committer.time ?? author.time };
  return committer;
}
