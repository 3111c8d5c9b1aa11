import { describe, expect, it } from 'vitest';
import { addMediationCounts, mediationFigures, successRate, zeroMediationCounts, type TMediationCounts } from '@/domain/mediation/figures';
import { formatRate } from '@/domain/stats/figures';

const c = (received: number, succeeded: number, kept: number): TMediationCounts => ({ received, succeeded, kept });

describe('成功率 = 调解成功 / 受理 (decision 062: the cohort received in the period)', () => {
  it.each([
    // [counts, rate, as the dashboard prints it]
    [c(0, 0, 0), null, '—'],
    [c(4, 3, 1), 0.75, '75.0%'],
    [c(3, 2, 2), 2 / 3, '66.7%'],
    [c(5, 0, 0), 0, '0.0%'],
    [c(7, 7, 7), 1, '100.0%'],
  ])('%o → %s (%s)', (counts, rate, shown) => {
    expect(successRate(counts)).toBe(rate);
    expect(formatRate(successRate(counts))).toBe(shown);
  });
});

describe('counts from SQL rows', () => {
  it.each([
    // [row as the database returns it, counts]
    [{}, c(0, 0, 0)],
    [{ received: 2, succeeded: 1, kept: 0 }, c(2, 1, 0)],
    [{ received: '12', succeeded: '5', kept: '3' }, c(12, 5, 3)],
  ])('%o', (row, counts) => {
    expect(addMediationCounts(zeroMediationCounts(), row)).toEqual(counts);
  });

  it('sums rows: a unit is the sum of its communities, the rate is computed from the sums (never averaged)', () => {
    const rows = [c(1, 1, 0), c(3, 0, 0)];
    const total = rows.reduce(addMediationCounts, zeroMediationCounts());
    expect(mediationFigures(total)).toEqual({ counts: c(4, 1, 0), rate: 0.25 });
  });

  it.each([
    // inconsistent rows can only come from a bug: refused loudly, never shown as a rate above 100 %
    [c(1, 2, 0)],
    [c(2, 1, 2)],
    [c(-1, 0, 0)],
  ])('%o is refused', (counts) => {
    expect(() => mediationFigures(counts)).toThrow(RangeError);
  });
});
