import { describe, expect, test } from 'vitest';
import { caseTransition, isFinal, mediationStatuses, type TCaseEvent, type TMediationStatus } from '@/domain/mediation/status';

const sign: TCaseEvent = { type: 'SIGN_AGREEMENT' };
const none: TCaseEvent = { type: 'NO_AGREEMENT', referral: 'STREET_CENTRE' };
const withdraw: TCaseEvent = { type: 'WITHDRAW' };
const visit = (result: 'KEPT' | 'PARTLY' | 'BROKEN'): TCaseEvent => ({ type: 'FOLLOW_UP', result });

// [from, event, next (or the refusal), reopened]
const TABLE: [TMediationStatus, TCaseEvent, TMediationStatus | string, boolean?][] = [
  ['OPEN', sign, 'AGREED'],
  ['OPEN', none, 'UNRESOLVED'],
  ['OPEN', withdraw, 'WITHDRAWN'],
  ['OPEN', visit('KEPT'), 'mediation.wrongState'],
  ['AGREED', visit('KEPT'), 'CLOSED'],
  ['AGREED', visit('PARTLY'), 'AGREED'],
  ['AGREED', visit('BROKEN'), 'OPEN', true],
  ['AGREED', sign, 'mediation.wrongState'],
  ['AGREED', none, 'mediation.wrongState'],
  ['AGREED', withdraw, 'mediation.wrongState'],
  ['UNRESOLVED', sign, 'mediation.wrongState'],
  ['UNRESOLVED', visit('KEPT'), 'mediation.wrongState'],
  ['CLOSED', visit('BROKEN'), 'mediation.wrongState'],
  ['CLOSED', sign, 'mediation.wrongState'],
  ['WITHDRAWN', sign, 'mediation.wrongState'],
  ['WITHDRAWN', withdraw, 'mediation.wrongState'],
];

describe('a mediation case moves only along the table', () => {
  test.each(TABLE)('%s + %o → %s', (from, event, expected, reopened = false) => {
    const r = caseTransition(from, event);
    if (expected.startsWith('mediation.')) expect(r).toEqual({ ok: false, code: expected });
    else expect(r).toEqual({ ok: true, next: expected, reopened });
  });
});

test('only an unresolved, closed or withdrawn case is final', () => {
  expect(mediationStatuses.filter(isFinal)).toEqual(['UNRESOLVED', 'CLOSED', 'WITHDRAWN']);
});
