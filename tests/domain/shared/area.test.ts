import { describe, expect, test } from 'vitest';
import { formatAreaM2, parseAreaM2 } from '@/domain/shared/area';

describe('parseAreaM2: strings to integer 0.01 m², never through a float', () => {
  test.each([
    ['89.5', 8950],
    ['89.50', 8950],
    ['89', 8900],
    ['0.01', 1],
    ['100.00', 10000],
    ['  120.3 ', 12030],
    ['120.30㎡', 12030],
    ['98.7平方米', 9870],
    ['１２０．５', 12050], // full-width digits from Chinese input methods
    ['20000.10', 2000010],
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996 in floating point
    ['1.15', 115], // 1.15 * 100 is 114.99999999999999
  ])('%s → %i', (input, centi) => {
    expect(parseAreaM2(input)).toEqual({ ok: true, centiM2: centi });
  });

  test.each([
    ['', 'area.invalid'],
    ['abc', 'area.invalid'],
    ['-5', 'area.negative'],
    ['-89.50', 'area.negative'],
    ['－12', 'area.negative'], // full-width minus
    ['1e3', 'area.invalid'],
    ['89.505', 'area.tooPrecise'],
    ['0', 'area.outOfRange'],
    ['0.00', 'area.outOfRange'],
    ['1000000.01', 'area.outOfRange'],
  ])('%j is refused with %s', (input, code) => {
    expect(parseAreaM2(input)).toEqual({ ok: false, code });
  });
});

describe('formatAreaM2', () => {
  test.each([
    [8950, '89.50'],
    [1, '0.01'],
    [2000010, '20000.10'],
    [0, '0.00'],
    [-150, '-1.50'],
  ])('%i → %s', (centi, text) => {
    expect(formatAreaM2(centi)).toBe(text);
  });

  test('format and parse are inverse for every value', () => {
    for (let c = 1; c < 20_000; c += 7) expect(parseAreaM2(formatAreaM2(c))).toEqual({ ok: true, centiM2: c });
  });
});
