import { describe, expect, test } from 'vitest';
import { buildCalendar } from '@/domain/calendar/working-calendar';
import { noticeInTime, occurrences, quorum, signInOpen } from '@/domain/meetings/meetings';

// Test calendar: 国庆 2026-10-01…08 off, Saturday 10 Oct a make-up working day; Dec 26 2026 is a Saturday.
const cal = buildCalendar(
  [
    ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2026-10-${d}`, kind: 'HOLIDAY' as const })),
    { date: '2026-10-10', kind: 'WORKDAY' },
  ],
  [2026],
);

describe('recurring schedules (S4: reception days on the 6th and 26th, joint meeting on the 16th)', () => {
  test('the 6th and 26th of each month, as they fall', () => {
    expect(occurrences({ freq: 'MONTHLY', monthDays: [6, 26] }, '2026-09-01', '2026-12-31', cal, false)).toEqual([
      '2026-09-06',
      '2026-09-26',
      '2026-10-06',
      '2026-10-26',
      '2026-11-06',
      '2026-11-26',
      '2026-12-06',
      '2026-12-26',
    ]);
  });
  test('moved off holidays and weekends to the next working day when the organiser wants', () => {
    expect(occurrences({ freq: 'MONTHLY', monthDays: [6, 26] }, '2026-09-01', '2026-12-31', cal, true)).toEqual([
      '2026-09-07',
      '2026-09-28',
      '2026-10-09',
      '2026-10-26',
      '2026-11-06',
      '2026-11-26',
      '2026-12-07',
      '2026-12-28',
    ]);
  });
  test('quarterly on the 10th; weekly on Wednesdays', () => {
    expect(occurrences({ freq: 'QUARTERLY', monthDays: [10] }, '2026-01-01', '2026-12-31', cal, false)).toEqual([
      '2026-01-10',
      '2026-04-10',
      '2026-07-10',
      '2026-10-10',
    ]);
    expect(occurrences({ freq: 'WEEKLY', weekdays: [3] }, '2026-11-01', '2026-11-30', cal, false)).toEqual([
      '2026-11-04',
      '2026-11-11',
      '2026-11-18',
      '2026-11-25',
    ]);
  });
  test('the 31st only in months that have one', () => {
    expect(occurrences({ freq: 'MONTHLY', monthDays: [31] }, '2026-01-01', '2026-06-30', cal, false)).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
    ]);
  });
});

describe('notice periods (rules.md vector 13 and the owners’ committee agenda)', () => {
  test.each([
    ['OWNERS_ASSEMBLY', '2025-07-01', '2025-07-16', true],
    ['OWNERS_ASSEMBLY', '2025-07-02', '2025-07-16', false],
    ['OWNERS_COMMITTEE', '2026-11-01', '2026-11-08', true],
    ['OWNERS_COMMITTEE', '2026-11-02', '2026-11-08', false],
    ['COUNCIL', '2026-11-08', '2026-11-08', true],
  ] as const)('%s noticed %s, meeting %s: in time %s', (kind, notice, meeting, ok) => {
    expect(noticeInTime(kind, notice, meeting).ok).toBe(ok);
  });
});

describe('quorum (rules.md vectors 9 and 11)', () => {
  test.each([
    ['RESIDENTS_MEETING', 420, 210, false, 211],
    ['RESIDENTS_MEETING', 420, 211, true, 211],
    ['OWNERS_COMMITTEE', 7, 4, true, 4],
    ['OWNERS_COMMITTEE', 7, 3, false, 4],
    ['COUNCIL', 37, 19, true, 19],
    ['COUNCIL', 37, 18, false, 19],
    ['OWNERS_ASSEMBLY', 300, 200, true, 200],
    ['OWNERS_ASSEMBLY', 300, 199, false, 200],
  ] as const)('%s of %d with %d present: met %s (least %d)', (kind, expected, present, met, least) => {
    expect(quorum(kind, expected, present)).toMatchObject({ met, least });
  });
  test('a reception day has no quorum', () => {
    expect(quorum('RECEPTION_DAY', 10, 0)).toEqual({ rule: 'NONE', least: null, met: null });
  });
});

test('sign-in opens half an hour before and closes at the end, or when the meeting is closed', () => {
  const m = { startsAt: new Date('2026-11-22T06:00:00Z'), endsAt: new Date('2026-11-22T08:00:00Z'), status: 'SCHEDULED' };
  expect(
    [
      new Date('2026-11-22T05:29:00Z'),
      new Date('2026-11-22T05:30:00Z'),
      new Date('2026-11-22T08:00:00Z'),
      new Date('2026-11-22T08:01:00Z'),
    ].map((d) => signInOpen(d, m)),
  ).toEqual([false, true, true, false]);
  expect(signInOpen(new Date('2026-11-22T07:00:00Z'), { ...m, status: 'CLOSED' })).toBe(false);
});
