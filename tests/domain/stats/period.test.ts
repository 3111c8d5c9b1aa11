import { describe, expect, it } from 'vitest';
import { addMonths, monthsBetween, parsePeriod, presetPeriod, previousPeriod } from '@/domain/stats/period';

const TODAY = '2026-11-22';

describe('periods', () => {
  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -14, '2025-01'],
  ])('%s + %i months = %s', (m, n, out) => expect(addMonths(m, n)).toBe(out));

  it.each([
    ['thisMonth', '2026-11', '2026-11'],
    ['lastMonth', '2026-10', '2026-10'],
    ['thisYear', '2026-01', '2026-11'],
    ['last12', '2025-12', '2026-11'],
  ] as const)('preset %s is %s..%s', (p, from, to) => expect(presetPeriod(p, TODAY)).toEqual({ from, to }));

  it.each([
    [{}, { ok: true, period: { from: '2026-01', to: '2026-11' } }],
    [
      { from: '2026-03', to: '2026-05' },
      { ok: true, period: { from: '2026-03', to: '2026-05' } },
    ],
    [{ from: '2026-03' }, { ok: true, period: { from: '2026-03', to: '2026-03' } }],
    [
      { preset: 'lastMonth', from: 'ignored' },
      { ok: true, period: { from: '2026-10', to: '2026-10' } },
    ],
    [{ from: '2026-13' }, { ok: false, code: 'stats.badMonth' }],
    [{ from: '26-01' }, { ok: false, code: 'stats.badMonth' }],
    [
      { from: '2026-05', to: '2026-03' },
      { ok: false, code: 'stats.periodReversed' },
    ],
    [{ from: '2026-12' }, { ok: false, code: 'stats.periodInFuture' }],
    [
      { from: '2020-01', to: '2026-01' },
      { ok: false, code: 'stats.periodTooLong' },
    ],
  ])('parse %o', (input, expected) => expect(parsePeriod(input, TODAY)).toEqual(expected));

  it.each([
    [
      { from: '2026-11', to: '2026-11' },
      { from: '2026-10', to: '2026-10' },
    ],
    [
      { from: '2026-01', to: '2026-11' },
      { from: '2025-02', to: '2025-12' },
    ],
  ])('previous of %o is %o', (p, prev) => expect(previousPeriod(p)).toEqual(prev));

  it('lists the months of a period across a year end', () => {
    expect(monthsBetween({ from: '2025-11', to: '2026-02' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
