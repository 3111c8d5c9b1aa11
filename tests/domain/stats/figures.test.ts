import { describe, expect, it } from 'vitest';
import {
  addCounts,
  change,
  emptyFigures,
  figureKeys,
  figureValue,
  formatMinutes,
  formatRate,
  median,
  rate,
  rates,
  sortRows,
  worstFirst,
  zeroCounts,
  type TCounts,
} from '@/domain/stats/figures';

const c = (p: Partial<TCounts>): TCounts => addCounts(zeroCounts(), p);

describe('rates', () => {
  it.each([
    // [counts, response, resolution, satisfaction]
    [c({}), null, null, null],
    [c({ ackDue: 4, ackOnTime: 3 }), 0.75, null, null],
    [c({ resolveDue: 3, resolved: 2 }), null, 2 / 3, null],
    [c({ rated: 5, satisfied: 5 }), null, null, 1],
    [c({ ackDue: 1, ackOnTime: 0, resolveDue: 1, resolved: 0, rated: 1, satisfied: 0 }), 0, 0, 0],
  ])('%o', (counts, response, resolution, satisfaction) => {
    expect(rate(counts, 'response')).toBe(response);
    expect(rate(counts, 'resolution')).toBe(resolution);
    expect(rate(counts, 'satisfaction')).toBe(satisfaction);
  });

  it('merging cells sums counts, so a rate of the whole is never an average of rates', () => {
    // 1 of 1 and 1 of 3: the average of rates would be 66.7 %, the whole is 2 of 4.
    const whole = addCounts(c({ ackDue: 1, ackOnTime: 1 }), c({ ackDue: 3, ackOnTime: 1 }));
    expect(rate(whole, 'response')).toBe(0.5);
  });
});

describe('one figure of a unit', () => {
  const counts = c({ opened: 7, ackDue: 4, ackOnTime: 3 });
  const f = { counts, rates: rates(counts), ackMedian: 95, resolveMedian: null };
  it.each([
    ['opened', 7],
    ['response', 0.75],
    ['satisfaction', null],
    ['ackMedian', 95],
    ['resolveMedian', null],
  ] as const)('%s → %o', (k, v) => expect(figureValue(f, k)).toBe(v));

  it('lists counts, then rates, then medians, and an empty unit has zero counts and no rates', () => {
    expect(figureKeys.slice(-5)).toEqual(['response', 'resolution', 'satisfaction', 'ackMedian', 'resolveMedian']);
    expect(figureKeys.map((k) => figureValue(emptyFigures(), k))).toEqual([...Array(12).fill(0), null, null, null, null, null]);
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[9, 1, 5], 5],
    [[1, 2, 3, 10], 2.5],
    [[60, 60, 1440, 30], 60],
  ])('%o → %o', (values, expected) => expect(median(values)).toBe(expected));
});

describe('formatting', () => {
  it.each([
    [null, '—'],
    [0, '0.0%'],
    [2 / 3, '66.7%'],
    [1, '100.0%'],
    [0.9995, '100.0%'],
  ])('rate %o → %s', (r, s) => expect(formatRate(r)).toBe(s));

  it.each([
    [null, 'zh', '—'],
    [45, 'zh', '45分钟'],
    [125, 'zh', '2小时5分'],
    [1440 * 3 + 240, 'zh', '3天4小时'],
    [125, 'en', '2 h 5 min'],
    [1440 + 60, 'en', '1 d 1 h'],
  ] as const)('minutes %o (%s) → %s', (m, locale, s) => expect(formatMinutes(m, locale)).toBe(s));
});

describe('change and sorting', () => {
  it.each([
    [0.8, 0.7, 0.1],
    [5, 8, -3],
    [null, 3, null],
    [3, null, null],
  ])('%o against %o → %o', (cur, prev, d) => {
    const got = change(cur, prev);
    if (d === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(d, 10);
  });

  it.each([
    ['resolution', 'asc'],
    ['satisfaction', 'asc'],
    ['overdue', 'desc'],
    ['resolveMedian', 'desc'],
    ['opened', 'desc'],
  ] as const)('worst first for %s is %s', (k, dir) => expect(worstFirst(k)).toBe(dir));

  it('puts missing values last in both directions', () => {
    const rows = [{ v: 0.5 }, { v: null }, { v: 0.9 }, { v: 0.1 }];
    expect(sortRows(rows, (r) => r.v, 'desc').map((r) => r.v)).toEqual([0.9, 0.5, 0.1, null]);
    expect(sortRows(rows, (r) => r.v, 'asc').map((r) => r.v)).toEqual([0.1, 0.5, 0.9, null]);
  });
});
