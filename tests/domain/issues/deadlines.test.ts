import { describe, expect, test } from 'vitest';
import { buildCalendar, type TLocalTime } from '@/domain/calendar/working-calendar';
import { deadlinesFrom, dueAction } from '@/domain/issues/deadlines';

const cal = buildCalendar(
  [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'HOLIDAY' as const })),
    { date: '2026-10-10', kind: 'WORKDAY' },
  ],
  [2026],
);
const t = (date: string, h: number, m = 0): TLocalTime => ({ date, minute: h * 60 + m });
// Scenario S3: acknowledge within 2 office hours, resolve within 2 working days, remind 30 minutes before.
const policy = { acknowledgeMinutes: 120, resolveWorkingDays: 2, remindBeforeMinutes: 30 };

describe('deadlines on the working calendar', () => {
  test('a blocked septic tank reported on Monday morning', () => {
    expect(deadlinesFrom(t('2026-11-16', 8, 40), policy, cal)).toEqual({
      acknowledgeBy: t('2026-11-16', 11),
      resolveBy: t('2026-11-18', 17, 30),
    });
  });
  test('reported on the eve of National Day: the clock stops for the holiday and restarts on the make-up Saturday', () => {
    expect(deadlinesFrom(t('2026-09-30', 17), policy, cal)).toEqual({
      acknowledgeBy: t('2026-10-08', 10, 30),
      resolveBy: t('2026-10-09', 17, 30),
    });
  });
});

describe('what the escalation job does', () => {
  const deadlines = deadlinesFrom(t('2026-11-16', 9), policy, cal); // acknowledge by 11:00
  const issue = { state: 'SUBMITTED' as const, level: 'COMPOUND' as const, deadlines, reminded: false };
  test.each([
    ['well before the deadline: nothing', issue, t('2026-11-16', 9, 30), { kind: 'NONE' }],
    ['30 minutes before: remind', issue, t('2026-11-16', 10, 30), { kind: 'REMIND', deadline: 'acknowledge' }],
    ['reminded already: nothing more', { ...issue, reminded: true }, t('2026-11-16', 10, 45), { kind: 'NONE' }],
    ['missed: escalate to the community', issue, t('2026-11-16', 11), { kind: 'ESCALATE', deadline: 'acknowledge', to: 'COMMUNITY' }],
    [
      'acknowledged but unresolved after 2 working days: escalate',
      { ...issue, state: 'IN_PROGRESS' as const },
      t('2026-11-18', 17, 30),
      { kind: 'ESCALATE', deadline: 'resolve', to: 'COMMUNITY' },
    ],
    [
      'at the street, missed: escalate to the district',
      { ...issue, level: 'STREET' as const },
      t('2026-11-17', 9),
      { kind: 'ESCALATE', deadline: 'acknowledge', to: 'DISTRICT' },
    ],
    [
      'at the district, missed: overdue at the top',
      { ...issue, level: 'DISTRICT' as const },
      t('2026-11-17', 9),
      { kind: 'OVERDUE_AT_TOP' },
    ],
    ['resolved: nothing', { ...issue, state: 'RESOLVED' as const }, t('2026-12-01', 9), { kind: 'NONE' }],
  ])('%s', (_, i, now, due) => expect(dueAction(i, now, policy, cal)).toEqual(due));

  test('a weekend does not bring a deadline closer', () => {
    const friday = deadlinesFrom(t('2026-11-20', 16, 30), policy, cal); // 1 h on Friday, 1 h on Monday
    expect(friday.acknowledgeBy).toEqual(t('2026-11-23', 10));
    expect(dueAction({ ...issue, deadlines: friday }, t('2026-11-22', 12), policy, cal)).toEqual({ kind: 'NONE' });
  });
});

describe('categories that run around the clock (24/7): minutes after the report, whatever the calendar', () => {
  // A lift: acknowledge within 30 minutes, repair within 4 hours, remind 15 minutes before.
  const lift = { acknowledgeMinutes: 30, resolveWorkingDays: 1, remindBeforeMinutes: 15, aroundTheClock: true, resolveMinutes: 240 };
  test.each<[string, TLocalTime, TLocalTime, TLocalTime]>([
    ['a lift fault at 06:06 on a Monday', t('2026-11-16', 6, 6), t('2026-11-16', 6, 36), t('2026-11-16', 10, 6)],
    ['on a Sunday', t('2026-11-22', 14), t('2026-11-22', 14, 30), t('2026-11-22', 18)],
    ['on National Day, late at night: across midnight', t('2026-10-01', 23, 50), t('2026-10-02', 0, 20), t('2026-10-02', 3, 50)],
    ['at the end of the year', t('2026-12-31', 22), t('2026-12-31', 22, 30), t('2027-01-01', 2)],
  ])('%s', (_, since, acknowledgeBy, resolveBy) => {
    expect(deadlinesFrom(since, lift, cal)).toEqual({ acknowledgeBy, resolveBy });
  });

  test('the same report in an office-hours category waits for the office to open (the 09:30 of the issue)', () => {
    expect(deadlinesFrom(t('2026-11-16', 6, 6), { ...lift, aroundTheClock: false }, cal).acknowledgeBy).toEqual(t('2026-11-16', 9, 30));
  });

  test('reminders and escalation count plain minutes too', () => {
    const deadlines = deadlinesFrom(t('2026-11-22', 6, 6), lift, cal); // a Sunday: acknowledge by 06:36
    const issue = { state: 'SUBMITTED' as const, level: 'COMPOUND' as const, deadlines, reminded: false };
    expect(dueAction(issue, t('2026-11-22', 6, 10), lift, cal)).toEqual({ kind: 'NONE' });
    expect(dueAction(issue, t('2026-11-22', 6, 21), lift, cal)).toEqual({ kind: 'REMIND', deadline: 'acknowledge' });
    expect(dueAction(issue, t('2026-11-22', 6, 36), lift, cal)).toEqual({ kind: 'ESCALATE', deadline: 'acknowledge', to: 'COMMUNITY' });
  });
});
