/**
 * Joint meetings (联席会议, decision 066), pure: each host's own quorum over its frozen members, more than half of
 * them (`2 × present > expected`); the meeting is quorate when every host is. A host with no members has no quorum
 * to meet and does not hold the meeting back.
 */
import { leastForMoreThanHalf } from '../votes/arithmetic';
import { NOTICE_DAYS, type TMeetingKind } from './meetings';

export type THostCount = { hostId: number; expected: number; present: number };
export type THostQuorum = THostCount & { least: number | null; met: boolean | null };

export function jointQuorum(hosts: THostCount[]): { hosts: THostQuorum[]; allMet: boolean } {
  const out = hosts.map((h) => {
    if (h.expected === 0) return { ...h, least: null, met: null };
    const least = leastForMoreThanHalf(h.expected);
    return { ...h, least, met: h.present >= least };
  });
  return { hosts: out, allMet: out.length > 0 && out.every((h) => h.met !== false) };
}

/** A joint meeting is held by two or more hosts. */
export const JOINT_LEAST_HOSTS = 2;

/** The chair who signs off a host's minutes: a body's CHAIR else VICE_CHAIR; a party organisation's SECRETARY else DEPUTY. */
export function chairOf(positions: { personId: number; position: string }[], kind: 'body' | 'partyOrg'): number[] {
  const order = kind === 'body' ? ['CHAIR', 'VICE_CHAIR'] : ['SECRETARY', 'DEPUTY_SECRETARY'];
  for (const p of order) {
    const found = positions.filter((x) => x.position === p).map((x) => x.personId);
    if (found.length) return found;
  }
  return [];
}

/** Notice days a district's type asks for: never below its base kind's legal notice (the larger applies). */
export function noticeFloor(baseKind: TMeetingKind): number {
  return NOTICE_DAYS[baseKind] ?? 0;
}
