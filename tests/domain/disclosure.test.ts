import { describe, expect, test } from 'vitest';
import { grantDiscloses } from '@/domain/disclosure/discloser';
import { addDays, eventSlot, fillTemplate, formatRate, periodicSlots, periodOf, slotState, timeliness } from '@/domain/disclosure/slots';

describe('periodOf: China calendar periods', () => {
  test.each([
    ['MONTHLY', '2026-11-15', '2026-11', '2026年11月', '2026-11-01', '2026-11-30'],
    ['MONTHLY', '2028-02-10', '2028-02', '2028年2月', '2028-02-01', '2028-02-29'], // leap year
    ['MONTHLY', '2026-02-28', '2026-02', '2026年2月', '2026-02-01', '2026-02-28'],
    ['MONTHLY', '2026-12-31', '2026-12', '2026年12月', '2026-12-01', '2026-12-31'],
    ['QUARTERLY', '2026-07-01', '2026-Q3', '2026年第3季度', '2026-07-01', '2026-09-30'],
    ['QUARTERLY', '2026-09-30', '2026-Q3', '2026年第3季度', '2026-07-01', '2026-09-30'],
    ['QUARTERLY', '2026-12-31', '2026-Q4', '2026年第4季度', '2026-10-01', '2026-12-31'],
    ['QUARTERLY', '2027-01-01', '2027-Q1', '2027年第1季度', '2027-01-01', '2027-03-31'],
    ['YEARLY', '2026-06-01', '2026', '2026年度', '2026-01-01', '2026-12-31'],
  ] as const)('%s %s → %s', (cadence, day, key, label, firstDay, lastDay) => {
    expect(periodOf(cadence, day)).toEqual({ key, label, firstDay, lastDay });
  });
});

describe('periodicSlots', () => {
  const rule = (cadence: 'MONTHLY' | 'QUARTERLY' | 'YEARLY', startsOn: string, graceDays = 0) => ({
    cadence,
    startsOn,
    graceDays,
    withinDays: null,
  });
  test.each([
    // [rule, today, keys, last due day]
    [rule('QUARTERLY', '2026-01-01', 10), '2026-12-04', ['2026-Q1', '2026-Q2', '2026-Q3'], '2026-10-10'],
    // created mid-quarter: the first slot is the first whole quarter
    [rule('QUARTERLY', '2026-02-15', 10), '2026-12-04', ['2026-Q2', '2026-Q3'], '2026-10-10'],
    // the quarter's last day is not yet over: no slot until the next day
    [rule('QUARTERLY', '2026-01-01', 10), '2026-09-30', ['2026-Q1', '2026-Q2'], '2026-07-10'],
    [rule('QUARTERLY', '2026-01-01', 10), '2026-10-01', ['2026-Q1', '2026-Q2', '2026-Q3'], '2026-10-10'],
    // December → January: the year's last month becomes due in the next year
    [rule('MONTHLY', '2026-11-01', 5), '2027-01-01', ['2026-11', '2026-12'], '2027-01-05'],
    [rule('MONTHLY', '2026-11-01', 5), '2026-12-31', ['2026-11'], '2026-12-05'],
    // leap February: due grace days after the 29th
    [rule('MONTHLY', '2028-02-01', 1), '2028-03-02', ['2028-02'], '2028-03-01'],
    [rule('YEARLY', '2025-01-01', 31), '2027-03-01', ['2025', '2026'], '2027-01-31'],
    // a year item created on 2 January waits for the next whole year
    [rule('YEARLY', '2026-01-02', 31), '2027-03-01', [], null],
  ] as const)('%o on %s', (r, today, keys, lastDue) => {
    const slots = periodicSlots(r, today);
    expect(slots.map((s) => s.key)).toEqual(keys);
    expect(slots.at(-1)?.dueOn ?? null).toBe(lastDue);
  });
  test('an event item has no periodic slots', () => {
    expect(periodicSlots({ cadence: 'EVENT', startsOn: '2026-01-01', graceDays: 0, withinDays: 3 }, '2026-12-01')).toEqual([]);
  });
});

describe('eventSlot and addDays', () => {
  test.each([
    ['2026-12-30', 3, '2027-01-02'],
    ['2028-02-27', 3, '2028-03-01'],
    ['2027-02-27', 3, '2027-03-02'],
    ['2026-01-10', -365, '2025-01-10'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-12-04', 400, '2028-01-08'],
  ])('%s + %i days → %s', (day, n, due) => {
    expect(addDays(day, n)).toBe(due);
    expect(eventSlot({ id: 7, occurredOn: day, description: '居民会议' }, n)).toMatchObject({ key: 'E7', dueOn: due });
  });
});

describe('slotState', () => {
  test.each([
    [null, '2026-10-10', 'DUE'],
    [null, '2026-10-11', 'OVERDUE'],
    [{ filedOn: '2026-10-10', waived: false }, '2026-12-01', 'ON_TIME'],
    [{ filedOn: '2026-10-11', waived: false }, '2026-12-01', 'LATE'],
    [{ filedOn: '2026-10-02', waived: true }, '2026-12-01', 'WAIVED'],
  ] as const)('%o on %s → %s', (filed, today, state) => {
    expect(slotState('2026-10-10', filed, today)).toBe(state);
  });
});

describe('公开及时率', () => {
  const s = (dueOn: string, filedOn: string | null, waived = false) => ({ dueOn, filed: filedOn ? { filedOn, waived } : null });
  test.each([
    ['nothing due', [], { onTime: 0, counted: 0, percent: '—' }],
    ['a slot still due is not counted', [s('2026-12-10', null)], { onTime: 0, counted: 0, percent: '—' }],
    ['overdue counts against', [s('2026-10-10', null), s('2026-07-10', '2026-07-09')], { onTime: 1, counted: 2, percent: '50.0%' }],
    ['late counts against', [s('2026-10-10', '2026-10-11')], { onTime: 0, counted: 1, percent: '0.0%' }],
    ['early filing of a slot still due counts for', [s('2026-12-10', '2026-12-02')], { onTime: 1, counted: 1, percent: '100.0%' }],
    [
      'waiver on time counts for, a late one against',
      [s('2026-07-10', '2026-07-01', true), s('2026-10-10', '2026-10-20', true)],
      { onTime: 1, counted: 2, percent: '50.0%' },
    ],
    [
      'cut, not rounded: 2/3',
      [s('2026-01-10', '2026-01-01'), s('2026-04-10', '2026-04-01'), s('2026-07-10', null)],
      { onTime: 2, counted: 3, percent: '66.6%' },
    ],
  ] as const)('%s', (_name, slots, expected) => {
    expect(timeliness(slots, '2026-12-04')).toEqual(expected);
  });
  test('999 of 1000 is not 100 %', () => expect(formatRate(999, 1000)).toBe('99.9%'));
  test('1 of 7', () => expect(formatRate(1, 7)).toBe('14.2%'));
});

describe('fillTemplate', () => {
  test('fills known placeholders, leaves others', () => {
    expect(fillTemplate('{{community}}{{period}}财务收支{{x}}', { community: '晋阳社区', period: '2026年第3季度' })).toBe(
      '晋阳社区2026年第3季度财务收支{{x}}',
    );
  });
});

describe('who discloses', () => {
  test.each([
    ['COMMUNITY_SECRETARY', 'COMMUNITY', true],
    ['RESIDENTS_COMMITTEE_STAFF', 'PROPERTY_FIRM', true],
    ['OWNERS_COMMITTEE_CHAIR', 'OWNERS_COMMITTEE', true],
    ['OWNERS_COMMITTEE_CHAIR', 'COMMUNITY', false],
    ['OWNERS_COMMITTEE_CHAIR', 'PROPERTY_FIRM', false],
    ['PROPERTY_FIRM_STAFF', 'PROPERTY_FIRM', true],
    ['PROPERTY_FIRM_STAFF', 'COMMUNITY', false],
    ['PROPERTY_FIRM_STAFF', 'OWNERS_COMMITTEE', false],
  ] as const)('%s for a %s item → %s', (role, discloser, ok) => {
    expect(grantDiscloses(role, discloser)).toBe(ok);
  });
});
