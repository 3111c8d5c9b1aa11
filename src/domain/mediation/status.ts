/**
 * The life of a mediation case (矛盾纠纷调解, decision 062): received (OPEN) → an agreement signed (AGREED) → the follow-up
 * visit finds it kept (CLOSED); or no agreement, the parties referred elsewhere (UNRESOLVED); or the applicant withdraws
 * (WITHDRAWN). A follow-up that finds the agreement broken reopens the case (OPEN again, reopenCount + 1).
 * Pure: `caseTransition` returns the next status or a refusal code.
 */
export const mediationStatuses = ['OPEN', 'AGREED', 'UNRESOLVED', 'CLOSED', 'WITHDRAWN'] as const;
export type TMediationStatus = (typeof mediationStatuses)[number];

export const mediationKinds = ['NEIGHBOURS', 'PROPERTY_SERVICE', 'PARKING', 'PETS', 'NOISE', 'WATER_LEAK', 'FAMILY', 'OTHER'] as const;
export type TMediationKind = (typeof mediationKinds)[number];

export const mediationSources = ['ISSUE', 'RECEPTION_DAY', 'COURTYARD_MEETING', 'STREET_REFERRAL', 'POLICE_REFERRAL', 'WALK_IN'] as const;
export type TMediationSource = (typeof mediationSources)[number];

export const mediationReferrals = ['STREET_CENTRE', 'COURT', 'HOTLINE_12345', 'ARBITRATION', 'OTHER'] as const;
export type TMediationReferral = (typeof mediationReferrals)[number];

export const followUpResults = ['KEPT', 'PARTLY', 'BROKEN'] as const;
export type TFollowUpResult = (typeof followUpResults)[number];

export type TCaseEvent =
  /** The parties signed the agreement (its scan attached). */
  | { type: 'SIGN_AGREEMENT' }
  /** No agreement could be reached: where the parties were referred. */
  | { type: 'NO_AGREEMENT'; referral: TMediationReferral }
  | { type: 'WITHDRAW' }
  /** The follow-up visit after the agreement's deadline. PARTLY keeps the case AGREED for another visit. */
  | { type: 'FOLLOW_UP'; result: TFollowUpResult };

export type TCaseTransition = { ok: true; next: TMediationStatus; reopened: boolean } | { ok: false; code: string };

const ok = (next: TMediationStatus, reopened = false): TCaseTransition => ({ ok: true, next, reopened });
const no = (code: string): TCaseTransition => ({ ok: false, code });

/** Final statuses: nothing more happens to the case. */
export const isFinal = (s: TMediationStatus) => s === 'UNRESOLVED' || s === 'CLOSED' || s === 'WITHDRAWN';

export function caseTransition(status: TMediationStatus, event: TCaseEvent): TCaseTransition {
  switch (event.type) {
    case 'SIGN_AGREEMENT':
    case 'NO_AGREEMENT':
    case 'WITHDRAW':
      if (status !== 'OPEN') return no('mediation.wrongState');
      return ok(event.type === 'SIGN_AGREEMENT' ? 'AGREED' : event.type === 'NO_AGREEMENT' ? 'UNRESOLVED' : 'WITHDRAWN');
    case 'FOLLOW_UP':
      if (status !== 'AGREED') return no('mediation.wrongState');
      if (event.result === 'KEPT') return ok('CLOSED');
      if (event.result === 'BROKEN') return ok('OPEN', true);
      return ok('AGREED');
  }
}
