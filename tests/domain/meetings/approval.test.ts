import { describe, expect, test } from 'vitest';
import { announced, approvalMoves, approvalOnCreate, isOpen } from '@/domain/meetings/approval';

describe('a meeting that needs the community’s approval (decision 067)', () => {
  test.each([
    { kind: 'PARTY_DAY', type: undefined, branch: true, want: 'PROPOSED' },
    { kind: 'PARTY_DAY', type: undefined, branch: false, want: 'APPROVED' },
    { kind: 'COURTYARD', type: undefined, branch: true, want: null },
    { kind: 'COURTYARD', type: true, branch: true, want: 'PROPOSED' },
    { kind: 'CONSULTATION', type: false, branch: false, want: null },
  ] as const)('$kind (type needs approval: $type) by a branch only: $branch → $want', ({ kind, type, branch, want }) => {
    expect(approvalOnCreate({ kind, typeNeedsApproval: type, byBranchOnly: branch })).toBe(want);
  });

  test.each([
    [null, true],
    ['APPROVED', true],
    ['PROPOSED', false],
    ['RETURNED', false],
  ] as const)('approval %s announced: %s', (a, want) => expect(announced(a)).toBe(want));

  test.each([
    [null, { decide: false, propose: false }],
    ['PROPOSED', { decide: true, propose: false }],
    ['RETURNED', { decide: false, propose: true }],
    ['APPROVED', { decide: false, propose: false }],
  ] as const)('in state %s the moves are %o', (a, want) => expect(approvalMoves(a)).toEqual(want));

  test.each([
    { kind: 'PARTY_DAY', chosen: true, type: undefined, want: true },
    { kind: 'COURTYARD', chosen: true, type: undefined, want: true },
    { kind: 'COUNCIL', chosen: true, type: undefined, want: false },
    { kind: 'COUNCIL', chosen: false, type: true, want: true },
    { kind: 'PARTY_DAY', chosen: undefined, type: undefined, want: false },
  ] as const)('$kind chosen open $chosen, type open $type → open $want', ({ kind, chosen, type, want }) => {
    expect(isOpen(kind, chosen, type)).toBe(want);
  });
});
