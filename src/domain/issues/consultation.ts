/**
 * A quick written consultation of a building's owners on an issue (decision 050): advisory, not a decision of the
 * owners under Civil Code art. 278 — no thresholds, no areas. Its result is the plain majority of those with a view.
 */
export type TConsultationCounts = { AGREE: number; DISAGREE: number; NO_VIEW: number };
export type TConsultationResult = 'NO_ANSWERS' | 'MOSTLY_AGREE' | 'MOSTLY_DISAGREE' | 'SPLIT';

export function consultationResult(c: TConsultationCounts): TConsultationResult {
  if (c.AGREE + c.DISAGREE === 0) return 'NO_ANSWERS';
  return c.AGREE > c.DISAGREE ? 'MOSTLY_AGREE' : c.AGREE < c.DISAGREE ? 'MOSTLY_DISAGREE' : 'SPLIT';
}
