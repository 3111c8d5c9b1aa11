import { describe, expect, test } from 'vitest';
import { formatFen, parseYuan } from '@/domain/ledgers/money';
import { keepsKind } from '@/domain/ledgers/keepers';

describe('amounts as typed, to fen', () => {
  test.each([
    ['1,234.56', 123_456n],
    ['1234.5', 123_450n],
    ['1234', 123_400n],
    ['0.01', 1n],
    ['¥ 88,000', 8_800_000n],
    ['￥440000.00', 44_000_000n],
    ['1，234.56', 123_456n],
    [' 12.3 ', 1_230n],
    ['10,000,000,000.00', 1_000_000_000_000n],
  ])('%s → %d fen', (typed, fen) => {
    expect(parseYuan(typed)).toEqual({ ok: true, fen });
  });

  test.each([
    ['12.345', 'amountDigits'],
    ['0.001', 'amountDigits'],
    ['-5', 'amountNotPositive'],
    ['−5', 'amountNotPositive'],
    ['0', 'amountNotPositive'],
    ['0.00', 'amountNotPositive'],
    ['10,000,000,000.01', 'amountTooLarge'],
    ['99999999999999', 'amountTooLarge'],
    ['', 'amountFormat'],
    ['abc', 'amountFormat'],
    ['1,23.4', 'amountFormat'],
    ['12,34', 'amountFormat'],
    ['1.2.3', 'amountFormat'],
    ['1e5', 'amountFormat'],
    ['.5', 'amountFormat'],
  ])('%s is refused: %s', (typed, code) => {
    expect(parseYuan(typed)).toEqual({ ok: false, code });
  });
});

describe('fen as people read them', () => {
  test.each([
    [0n, '¥0.00'],
    [1n, '¥0.01'],
    [123_456n, '¥1,234.56'],
    [44_000_000n, '¥440,000.00'],
    [-1_00n, '-¥1.00'],
    [1_000_000_000_000n, '¥10,000,000,000.00'],
  ])('%d fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
});

describe('who keeps which ledger', () => {
  test.each([
    ['PROPERTY_FEES', 'PROPERTY_FIRM_STAFF', true],
    ['MAINTENANCE_FUND', 'PROPERTY_FIRM_STAFF', false],
    ['MAINTENANCE_FUND', 'OWNERS_COMMITTEE_CHAIR', true],
    ['SELF_RAISED', 'OWNERS_COMMITTEE_CHAIR', true],
    ['WORKING_FUNDS', 'OWNERS_COMMITTEE_CHAIR', false],
    ['SERVICE_FUNDS', 'PROPERTY_FIRM_STAFF', false],
    ['WORKING_FUNDS', 'COMMUNITY_SECRETARY', true],
    ['PROPERTY_FEES', 'COMMUNITY_SECRETARY', true],
  ] as const)('%s kept by %s: %s', (kind, role, expected) => {
    expect(keepsKind(kind, role)).toBe(expected);
  });
});
