import type { TMeetingKind } from './meetings';

/** The kinds an organiser may open to the residents of the place on the form (decision 067). */
export const OPENABLE_KINDS: readonly TMeetingKind[] = ['COURTYARD', 'PARTY_DAY', 'CONSULTATION'];

export type TApproval = 'PROPOSED' | 'APPROVED' | 'RETURNED';

/** Open when its district type says so, or when the organiser ticked "open" for a kind that may be. */
export function isOpen(kind: TMeetingKind, chosen: boolean | undefined, typeOpen: boolean | undefined): boolean {
  return !!typeOpen || (!!chosen && OPENABLE_KINDS.includes(kind));
}

/**
 * The approval a new meeting starts with: none when its kind (PARTY_DAY) or type does not need one; PROPOSED when a
 * branch secretary schedules it (申报); APPROVED at once when community staff schedule it themselves.
 */
export function approvalOnCreate(a: { kind: TMeetingKind; typeNeedsApproval?: boolean; byBranchOnly: boolean }): TApproval | null {
  if (a.kind !== 'PARTY_DAY' && !a.typeNeedsApproval) return null;
  return a.byBranchOnly ? 'PROPOSED' : 'APPROVED';
}

/** Announced: invitations, calendar, feed, reminders and sign-in (a meeting that needs no approval always is). */
export const announced = (approval: TApproval | null) => approval === null || approval === 'APPROVED';

/** What the community may do with a meeting in this state, and the branch. */
export function approvalMoves(approval: TApproval | null): { decide: boolean; propose: boolean } {
  return { decide: approval === 'PROPOSED', propose: approval === 'RETURNED' };
}
