/** Placeholder for the outcome part of the case page (agreement, no agreement, follow-up): the "outcome" work replaces it. */
export function MediationOutcome({ caseId }: { caseId: number }) {
  void caseId;
  return null;
}
