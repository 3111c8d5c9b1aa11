/**
 * Party members first (重大事项党员先知道、党员先商量、党员先行动, decision 052): while a topic is in a
 * party-members-first step it is seen by those holding topic.partyFirst at its place (the party members of
 * the place, the staff who run topics there) and by its liaison only — to everyone else it does not exist.
 */

/** How a viewer stands toward one topic, worked out by the server from the permission matrix and the topic. */
export type TTopicViewer = {
  /** May read the topic when it is open to residents (topic.read there, a resident, a follower, a stakeholder). */
  reads: boolean;
  /** Holds topic.partyFirst at the topic's place. */
  partyFirst: boolean;
  /** Is the topic's 协商联络人. */
  liaison: boolean;
};

export function maySeeTopic(partyOnly: boolean, v: TTopicViewer): boolean {
  if (v.liaison) return true;
  return partyOnly ? v.partyFirst : v.reads;
}

export type TPartyView = { votesFor: number; votesAgainst: number; votesAmend: number };

/** The members' view is a count of those for, against and for amending: whole, not negative, someone counted. */
export function partyViewProblem(v: TPartyView): string | null {
  const counts = [v.votesFor, v.votesAgainst, v.votesAmend];
  if (counts.some((n) => !Number.isInteger(n) || n < 0 || n > 100_000)) return 'record.partyViewCounts';
  if (counts.every((n) => n === 0)) return 'record.partyViewEmpty';
  return null;
}
