import { describe, expect, it } from 'vitest';
import { countTicks, labelStep, linePath, yOf } from '@/domain/stats/chart';

describe('the value axis of a count chart', () => {
  it.each([
    // [largest value, ticks]: whole numbers, from 0 to at least the largest value, steps of 1, 2 or 5 × 10^k
    [0, [0, 1]],
    [1, [0, 1]],
    [3, [0, 1, 2, 3]],
    [7, [0, 2, 4, 6, 8]],
    [10, [0, 2, 4, 6, 8, 10]],
    [37, [0, 10, 20, 30, 40]],
    [120, [0, 50, 100, 150]],
    [4852, [0, 1000, 2000, 3000, 4000, 5000]],
  ])('largest %i → %o', (max, ticks) => expect(countTicks(max)).toEqual(ticks));
});

describe('where a value sits (0 at the bottom, the top tick at 0 from the top, in a box 100 high)', () => {
  it.each([
    [0, 40, 100],
    [40, 40, 0],
    [10, 40, 75],
  ])('%i of %i → y %i', (v, top, y) => expect(yOf(v, top)).toBe(y));
});

describe('the line of a rate over the months', () => {
  it('joins the months that have a rate and skips those without (no rate is not 0 %)', () => {
    // 4 months, each 10 wide: centres at 5, 15, 25, 35.
    expect(linePath([0.5, null, 1, 0], 100)).toBe('M5 50L25 0L35 100');
  });
  it('draws nothing when no month has a rate', () => expect(linePath([null, null], 100)).toBe(''));
  it('a single month is a point (a marker shows it)', () => expect(linePath([0.25], 100)).toBe('M5 75'));
});

describe('which month labels fit under a narrow chart (at most 4, so that they fit at 375 px and 200 % text)', () => {
  it.each([
    [1, 1],
    [4, 1],
    [6, 2],
    [7, 2],
    [12, 3],
    [24, 6],
  ])('%i months → every %i', (n, step) => expect(labelStep(n)).toBe(step));
});
