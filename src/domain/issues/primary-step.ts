import type { TIssueState } from './lifecycle';

export type THandlerStep = 'ACKNOWLEDGE' | 'START' | 'RESOLVE';

/**
 * The one step a handler is asked to take next in each state: the page's primary button, every other step a secondary
 * one (issue 20, item 9 — four identical red buttons told a handler on a phone nothing). Null: no step is expected.
 */
export function primaryHandlerStep(state: TIssueState): THandlerStep | null {
  switch (state) {
    case 'SUBMITTED':
    case 'REOPENED':
      return 'ACKNOWLEDGE';
    case 'ACKNOWLEDGED':
      return 'START';
    case 'IN_PROGRESS':
      return 'RESOLVE';
    default:
      return null;
  }
}
