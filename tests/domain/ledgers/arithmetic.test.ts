import { describe, expect, test } from 'vitest';
import {
  contributionsByHousehold,
  effectOf,
  overlaps,
  periodTotals,
  shortfall,
  totalsOf,
  unreconciledIn,
  type TEntry,
} from '@/domain/ledgers/arithmetic';
import { statementOf, statementText } from '@/domain/ledgers/statement';

// The named test: ledger arithmetic, table-driven, exact integer fen.
let seq = 0;
const e = (kind: TEntry['kind'], amountFen: bigint, day = '2026-10-01', more: Partial<TEntry> = {}): TEntry => ({
  seq: ++seq,
  kind,
  day,
  amountFen,
  ...more,
});

describe('effect of one entry on (balance, advances outstanding)', () => {
  test.each([
    ['INCOME', null, 12_345n, 12_345n, 0n],
    ['SPENDING', null, 12_345n, -12_345n, 0n],
    ['ADVANCE', null, 500_00n, 500_00n, 500_00n],
    ['ADVANCE_REPAID', null, 200_00n, -200_00n, -200_00n],
    ['REVERSAL', 'INCOME', 12_345n, -12_345n, 0n],
    ['REVERSAL', 'SPENDING', 1n, 1n, 0n],
    ['REVERSAL', 'ADVANCE', 500_00n, -500_00n, -500_00n],
    ['REVERSAL', 'ADVANCE_REPAID', 200_00n, 200_00n, 200_00n],
  ] as const)('%s (undoing %s) of %d fen', (kind, reversesKind, amountFen, balance, advances) => {
    expect(effectOf({ kind, amountFen, reversesKind })).toEqual({ balance, advances });
  });

  test('a reversal without the kind it undoes is a programming error', () => {
    expect(() => effectOf({ kind: 'REVERSAL', amountFen: 1n })).toThrow();
  });
});

describe('running totals and what fits', () => {
  const opening = e('INCOME', 1_000_000_00n);
  test.each<[string, TEntry[], bigint, bigint]>([
    ['nothing', [], 0n, 0n],
    ['an opening balance', [opening], 1_000_000_00n, 0n],
    ['interest and a draw', [opening, e('INCOME', 3_456_78n), e('SPENDING', 440_000_00n)], 563_456_78n, 0n],
    [
      'an advance then its repayment',
      [e('ADVANCE', 80_00n), e('SPENDING', 80_00n), e('INCOME', 80_00n), e('ADVANCE_REPAID', 80_00n)],
      0n,
      0n,
    ],
    ['an advance outstanding', [e('ADVANCE', 80_00n), e('SPENDING', 50_00n)], 30_00n, 80_00n],
    [
      'a reversed spending',
      [opening, e('SPENDING', 1_00n), e('REVERSAL', 1_00n, undefined, { reversesKind: 'SPENDING' })],
      1_000_000_00n,
      0n,
    ],
    // Beyond 2^53: still exact.
    [
      'large sums stay exact',
      [e('INCOME', 999_999_999_999n), e('INCOME', 999_999_999_999n), e('INCOME', 9_007_199_254_740_993n)],
      9_009_199_254_740_991n,
      0n,
    ],
  ])('%s', (_, entries, balanceFen, advancesFen) => {
    expect(totalsOf(entries)).toEqual({ balanceFen, advancesFen });
  });

  test.each([
    ['a spending within the balance', { balanceFen: 100_00n, advancesFen: 0n }, 'SPENDING', 100_00n, null, null],
    [
      'one fen over the balance',
      { balanceFen: 100_00n, advancesFen: 0n },
      'SPENDING',
      100_01n,
      null,
      { kind: 'balance', needFen: 100_01n, balanceFen: 100_00n },
    ],
    ['any income', { balanceFen: 0n, advancesFen: 0n }, 'INCOME', 1n, null, null],
    [
      'repaying more than was advanced',
      { balanceFen: 500_00n, advancesFen: 100_00n },
      'ADVANCE_REPAID',
      100_01n,
      null,
      { kind: 'advances', needFen: 100_01n, advancesFen: 100_00n },
    ],
    [
      'repaying with no money held',
      { balanceFen: 0n, advancesFen: 100_00n },
      'ADVANCE_REPAID',
      1n,
      null,
      { kind: 'balance', needFen: 1n, balanceFen: 0n },
    ],
    [
      'reversing an income already spent',
      { balanceFen: 10_00n, advancesFen: 0n },
      'REVERSAL',
      50_00n,
      'INCOME',
      { kind: 'balance', needFen: 50_00n, balanceFen: 10_00n },
    ],
    ['reversing a spending', { balanceFen: 0n, advancesFen: 0n }, 'REVERSAL', 50_00n, 'SPENDING', null],
  ] as const)('%s', (_, totals, kind, amountFen, reversesKind, expected) => {
    expect(shortfall(totals, { kind, amountFen, reversesKind })).toEqual(expected);
  });
});

describe('a period and its statement', () => {
  const entries: TEntry[] = [
    e('INCOME', 1_200_000_00n, '2026-06-30', { reconciled: true }), // opening balance, before the period
    e('ADVANCE', 10_000_00n, '2026-06-30', { reconciled: true }),
    e('INCOME', 3_210_55n, '2026-07-21', { reconciled: true }), // interest
    e('SPENDING', 264_000_00n, '2026-08-03', { reconciled: true }),
    e('ADVANCE_REPAID', 4_000_00n, '2026-08-10', { reconciled: true }),
    e('SPENDING', 1_00n, '2026-09-01', { reconciled: true }),
    e('REVERSAL', 1_00n, '2026-09-02', { reversesKind: 'SPENDING', reconciled: false }),
    e('REVERSAL', 3_210_55n, '2026-09-30', { reversesKind: 'INCOME', reconciled: true }),
    e('INCOME', 7_00n, '2026-10-01', { reconciled: false }), // after the period
  ];
  test.each([
    [
      'the third quarter',
      '2026-07-01',
      '2026-09-30',
      {
        openingFen: 1_210_000_00n,
        incomeFen: 0n,
        spendingFen: 264_000_00n,
        advancesFen: -4_000_00n,
        closingFen: 942_000_00n,
        owedFen: 6_000_00n,
        entryCount: 6,
      },
    ],
    [
      'one day',
      '2026-09-01',
      '2026-09-01',
      {
        openingFen: 945_210_55n,
        incomeFen: 0n,
        spendingFen: 1_00n,
        advancesFen: 0n,
        closingFen: 945_209_55n,
        owedFen: 6_000_00n,
        entryCount: 1,
      },
    ],
    [
      'an empty period',
      '2026-01-01',
      '2026-03-31',
      { openingFen: 0n, incomeFen: 0n, spendingFen: 0n, advancesFen: 0n, closingFen: 0n, owedFen: 0n, entryCount: 0 },
    ],
  ])('%s', (_, from, to, expected) => {
    const t = periodTotals(entries, from, to);
    expect(t).toEqual(expected);
    // The statement's closing is the running balance at its end.
    expect(t.closingFen).toBe(totalsOf(entries.filter((x) => x.day <= to)).balanceFen);
  });

  test('entries not reconciled in the period hold the statement back', () => {
    expect(unreconciledIn(entries, '2026-07-01', '2026-09-30').map((x) => x.kind)).toEqual(['REVERSAL']);
    expect(unreconciledIn(entries, '2026-07-01', '2026-08-31')).toEqual([]);
  });

  test('the text hashed is fixed by the entries, whatever their order', () => {
    const stated = entries.map((x) => ({ ...x, description: 'd', receipts: 0 }));
    expect(statementText([...stated].reverse())).toBe(statementText(stated));
    expect(statementText(stated.slice(0, 2))).toBe(
      `${stated[0]!.seq}|2026-06-30|INCOME|120000000||||d\n${stated[1]!.seq}|2026-06-30|ADVANCE|1000000||||d`,
    );
    expect(statementOf(stated, '2026-10-01', '2026-10-31').covered.map((x) => x.amountFen)).toEqual([7_00n]);
  });

  test.each([
    [{ from: '2026-07-01', to: '2026-09-30' }, { from: '2026-09-30', to: '2026-12-31' }, true],
    [{ from: '2026-07-01', to: '2026-09-30' }, { from: '2026-10-01', to: '2026-12-31' }, false],
    [{ from: '2026-07-01', to: '2026-09-30' }, { from: '2026-08-01', to: '2026-08-01' }, true],
    [{ from: '2026-07-01', to: '2026-09-30' }, { from: '2026-01-01', to: '2026-06-30' }, false],
  ])('periods %o and %o overlap: %s', (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
  });
});

describe('contributions per household (self-raised funds)', () => {
  test.each<[string, TEntry[], [number, bigint][]]>([
    [
      'one each',
      [e('INCOME', 200_00n, undefined, { householdId: 1 }), e('INCOME', 300_00n, undefined, { householdId: 2 })],
      [
        [1, 200_00n],
        [2, 300_00n],
      ],
    ],
    [
      'two from one household',
      [e('INCOME', 200_00n, undefined, { householdId: 1 }), e('INCOME', 50_00n, undefined, { householdId: 1 })],
      [[1, 250_00n]],
    ],
    [
      'a reversed contribution leaves nothing',
      [e('INCOME', 200_00n, undefined, { householdId: 1 }), e('REVERSAL', 200_00n, undefined, { householdId: 1, reversesKind: 'INCOME' })],
      [],
    ],
    ['spending is not a contribution', [e('SPENDING', 200_00n, undefined, { householdId: 1 })], []],
  ])('%s', (_, entries, expected) => {
    expect([...contributionsByHousehold(entries)]).toEqual(expected);
  });
});
