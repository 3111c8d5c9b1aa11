import { expect, test } from 'vitest';
import { formatYuan, parseYuan } from '@/domain/shared/money';

test.each([
  ['36000', 3_600_000],
  ['36,000', 3_600_000],
  ['36,000.5', 3_600_050],
  ['34500.00', 3_450_000],
  ['0.01', 1],
  ['１２', 1200],
  ['1,500 元', 150_000],
  ['20000000', 2_000_000_000],
  ['', null],
  ['abc', null],
  ['1.234', null],
  ['-5', null],
  ['20000000.01', null],
  ['1e3', null],
])('parseYuan(%j) = %j fen', (text, fen) => {
  expect(parseYuan(text)).toBe(fen);
});

test.each([
  [3_600_000, '36,000.00'],
  [3_450_000, '34,500.00'],
  [150_000, '1,500.00'],
  [1, '0.01'],
  [0, '0.00'],
  [-150_000, '-1,500.00'],
  [2_000_000_000, '20,000,000.00'],
])('formatYuan(%d) = %s', (fen, text) => {
  expect(formatYuan(fen)).toBe(text);
});
