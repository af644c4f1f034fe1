import type { StewardEvents } from '../history/steward-events.js';
import type { People } from '../identity/merge-identities.js';
import type { Release } from '../stewardship/classify-tags.js';

/**
 * Each person's last activity of any kind (docs/stewardship.md; what `--departed-after` measures):
 * their last authored commit, or the last merge, commit of someone else's they landed, review or
 * sign-off trailer on someone else's commit, or release they made. A maintainer who only merges has not left. Seconds; undefined when nothing is dated.
 */
export function lastActive(people: People, events: StewardEvents | undefined, releases: readonly Release[]): (number | undefined)[] {
  const last = people.people.map((person) => person.lastCommitAt ?? Number.NEGATIVE_INFINITY);
  const see = (raw: number, time: number | undefined) => {
    if (raw < 0 || time === undefined || Number.isNaN(time)) return;
    const person = people.personOf[raw] as number;
    if (time > (last[person] as number)) last[person] = time;
  };
  // A trailer or a landing of one's own commit (a self sign-off, a commit committed from another of
  // one's addresses) says nothing new: their commit's date already counts.
  if (events) {
    for (let i = 0; i < events.length; i += 1) {
      const actor = events.actor[i] as number;
      const author = events.author[i] as number;
      if (events.kindAt(i) !== 'merge' && author >= 0 && actor >= 0 && people.personOf[actor] === people.personOf[author]) continue;
      see(actor, events.time[i]);
    }
  }
  for (const release of releases) see(release.actor, release.time);
  return last.map((time) => (Number.isFinite(time) ? time : undefined));
}
