import { describe, expect, test } from 'vitest';
import {
  addWorkingDays,
  addWorkingMinutes,
  buildCalendar,
  dayKind,
  isCovered,
  workingDaysBetween,
  type TCalendarEntry,
} from '@/domain/calendar/working-calendar';

// The official 2026 National Day schedule: 1–7 October off, Sunday 20 September and Saturday
// 10 October worked instead (as published; also in the chinese-days package).
const official: TCalendarEntry[] = [
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'HOLIDAY' as const })),
  { date: '2026-09-20', kind: 'WORKDAY' },
  { date: '2026-10-10', kind: 'WORKDAY' },
];
const cal = buildCalendar(official, [2026]);

describe('the kind of a day', () => {
  test.each([
    ['2026-09-18', 'WORKDAY'], // Friday
    ['2026-09-19', 'WEEKEND'], // Saturday
    ['2026-09-20', 'MAKEUP_WORKDAY'], // Sunday worked
    ['2026-10-01', 'HOLIDAY'], // Thursday off
    ['2026-10-05', 'HOLIDAY'], // Monday off
    ['2026-10-10', 'MAKEUP_WORKDAY'], // Saturday worked
    ['2026-10-11', 'WEEKEND'],
  ])('%s is %s', (date, kind) => expect(dayKind(date, cal)).toBe(kind));
});

describe('adding working days', () => {
  test.each([
    ['Friday + 1 → Monday', '2026-09-25', 1, '2026-09-28'],
    ['Saturday 19 Sep + 1 → the make-up Sunday', '2026-09-19', 1, '2026-09-20'],
    ['Tuesday 29 Sep + 2 → over the holiday to Thursday 8 Oct', '2026-09-29', 2, '2026-10-08'],
    ['Tuesday 29 Sep + 3 → Friday 9 Oct', '2026-09-29', 3, '2026-10-09'],
    ['Wednesday 30 Sep + 1 → Thursday 8 Oct', '2026-09-30', 1, '2026-10-08'],
    ['Thursday 8 Oct + 2 → the make-up Saturday, then Monday', '2026-10-08', 2, '2026-10-10'],
    ['a holiday + 0 → the next working day', '2026-10-03', 0, '2026-10-08'],
    ['a working day + 0 → itself', '2026-10-09', 0, '2026-10-09'],
  ])('%s', (_, from, n, to) => expect(addWorkingDays(from, n, cal)).toBe(to));

  test('counting back between two dates agrees with adding', () => {
    for (let n = 0; n < 40; n++) expect(workingDaysBetween('2026-09-15', addWorkingDays('2026-09-15', n, cal), cal)).toBe(n);
  });
});

describe('a year the package does not cover yet', () => {
  test('falls back to Monday–Friday, and days district admins add count', () => {
    expect([isCovered('2026-03-01', cal), isCovered('2027-03-01', cal)]).toEqual([true, false]);
    expect(addWorkingDays('2027-02-05', 1, cal)).toBe('2027-02-08'); // Friday → Monday
    const withAdditions = buildCalendar(
      [...official, { date: '2027-02-08', kind: 'HOLIDAY' }, { date: '2027-02-06', kind: 'WORKDAY' }],
      [2026],
    );
    expect(addWorkingDays('2027-02-05', 1, withAdditions)).toBe('2027-02-06');
    expect(addWorkingDays('2027-02-06', 1, withAdditions)).toBe('2027-02-09');
  });

  test('a district addition overrides the package for the same day', () => {
    const c = buildCalendar([...official, { date: '2026-10-07', kind: 'WORKDAY' }], [2026]);
    expect(dayKind('2026-10-07', c)).toBe('MAKEUP_WORKDAY');
  });
});

describe('office hours (9:00–12:00, 13:30–17:30)', () => {
  const t = (date: string, h: number, m = 0) => ({ date, minute: h * 60 + m });
  test.each([
    ['within the morning', t('2026-09-28', 9), 120, t('2026-09-28', 11)],
    ['across lunch', t('2026-09-28', 11), 120, t('2026-09-28', 14, 30)],
    ['across the night', t('2026-09-28', 16, 30), 120, t('2026-09-29', 10)],
    ['reported at night, counted from 9:00', t('2026-09-28', 22), 60, t('2026-09-29', 10)],
    ['reported at lunch, counted from 13:30', t('2026-09-28', 12, 15), 30, t('2026-09-28', 14)],
    [
      '4 working hours from the eve of National Day: 2.5 h that day, 1.5 h after the holiday',
      t('2026-09-30', 15),
      240,
      t('2026-10-08', 10, 30),
    ],
    ['a full working day is 7 hours', t('2026-10-09', 9), 7 * 60, t('2026-10-09', 17, 30)],
    ['…and a minute more rolls to the make-up Saturday', t('2026-10-09', 9), 7 * 60 + 1, t('2026-10-10', 9, 1)],
  ])('%s', (_, start, minutes, end) => expect(addWorkingMinutes(start, minutes, cal)).toEqual(end));
});
