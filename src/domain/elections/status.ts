/**
 * The life of an election (decision 069): nominations (NOMINATING) → the candidate list on the board with objections
 * (PUBLICISING) → the roll frozen and ballots cast (VOTING) → counted (COUNTED) → the results notice published and the
 * winners seated (DONE). Any election not yet DONE may be cancelled with a reason. A count that needs a run-off, or
 * whose turnout failed, is still COUNTED then DONE: its notice says so, and the run-off is a new election (round + 1).
 * Pure: `electionTransition` returns the next status or a refusal code.
 */
export const electionStatuses = ['NOMINATING', 'PUBLICISING', 'VOTING', 'COUNTED', 'DONE', 'CANCELLED'] as const;
export type TElectionStatus = (typeof electionStatuses)[number];

export const electorates = ['ADULT_RESIDENTS', 'HOUSEHOLDS', 'OWNERS', 'PARTY_MEMBERS'] as const;
export type TElectorate = (typeof electorates)[number];

export const electionRules = ['MAJORITY', 'PLURALITY', 'OWNERS_278', 'RUNOFF_THIRD'] as const;
export type TElectionRule = (typeof electionRules)[number];

export const nominationKinds = ['SELF', 'RESIDENTS', 'BRANCH', 'STAFF'] as const;
export type TNominationKind = (typeof nominationKinds)[number];

/** The rule an electorate is counted by unless the organiser picks another that fits it (owners: art. 278 only). */
export function rulesFor(electorate: TElectorate): TElectionRule[] {
  return electorate === 'OWNERS' ? ['OWNERS_278'] : ['MAJORITY', 'PLURALITY'];
}

export type TElectionEvent =
  | { type: 'PUBLISH_CANDIDATES'; listed: number; seats: number }
  | { type: 'OPEN_VOTING'; objectionsOpen: number; publicityEnded: boolean }
  | { type: 'COUNT' }
  | { type: 'PUBLISH_RESULT' }
  | { type: 'CANCEL' };

export type TElectionTransition = { ok: true; next: TElectionStatus } | { ok: false; code: string };
const ok = (next: TElectionStatus): TElectionTransition => ({ ok: true, next });
const no = (code: string): TElectionTransition => ({ ok: false, code });

export const isFinal = (s: TElectionStatus) => s === 'DONE' || s === 'CANCELLED';

export function electionTransition(status: TElectionStatus, event: TElectionEvent): TElectionTransition {
  switch (event.type) {
    case 'PUBLISH_CANDIDATES':
      if (status !== 'NOMINATING') return no('election.wrongState');
      // 差额选举 is not required by the law for every body; at least as many candidates as seats is.
      if (event.listed < event.seats) return no('election.tooFewCandidates');
      return ok('PUBLICISING');
    case 'OPEN_VOTING':
      if (status !== 'PUBLICISING') return no('election.wrongState');
      if (!event.publicityEnded) return no('election.publicityRunning');
      if (event.objectionsOpen > 0) return no('election.objectionsOpen');
      return ok('VOTING');
    case 'COUNT':
      return status === 'VOTING' ? ok('COUNTED') : no('election.wrongState');
    case 'PUBLISH_RESULT':
      return status === 'COUNTED' ? ok('DONE') : no('election.wrongState');
    case 'CANCEL':
      return isFinal(status) ? no('election.wrongState') : ok('CANCELLED');
  }
}
