import { describe, expect, test } from 'vitest';
import { issueStates } from '@/domain/issues/lifecycle';
import { primaryHandlerStep } from '@/domain/issues/primary-step';

// Issue 20, item 9: the issue page showed four identical red buttons; in each state one step is the primary one.
describe('the one primary step per state', () => {
  test.each([
    ['SUBMITTED', 'ACKNOWLEDGE'],
    ['REOPENED', 'ACKNOWLEDGE'],
    ['ACKNOWLEDGED', 'START'],
    ['IN_PROGRESS', 'RESOLVE'],
    ['RESOLVED', null],
    ['CLOSED', null],
    ['CLOSED_UNFIXED', null],
    ['IN_TOPIC', null],
    ['IN_MEDIATION', null],
  ] as const)('%s → %s', (state, step) => {
    expect(primaryHandlerStep(state)).toBe(step);
  });

  test('every state is named above', () => {
    expect(issueStates).toHaveLength(9);
  });
});
