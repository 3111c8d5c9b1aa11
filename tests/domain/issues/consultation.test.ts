import { describe, expect, test } from 'vitest';
import { consultationResult, type TConsultationCounts } from '@/domain/issues/consultation';

// The building consultation on an issue is advisory (decision 050): its result is the plain majority of the answers given.
describe('consultationResult', () => {
  test.each<[TConsultationCounts, ReturnType<typeof consultationResult>]>([
    [{ AGREE: 0, DISAGREE: 0, NO_VIEW: 0 }, 'NO_ANSWERS'],
    [{ AGREE: 0, DISAGREE: 0, NO_VIEW: 3 }, 'NO_ANSWERS'],
    [{ AGREE: 3, DISAGREE: 1, NO_VIEW: 5 }, 'MOSTLY_AGREE'],
    [{ AGREE: 1, DISAGREE: 2, NO_VIEW: 0 }, 'MOSTLY_DISAGREE'],
    [{ AGREE: 2, DISAGREE: 2, NO_VIEW: 1 }, 'SPLIT'],
  ])('%j → %s', (counts, result) => {
    expect(consultationResult(counts)).toBe(result);
  });
});
