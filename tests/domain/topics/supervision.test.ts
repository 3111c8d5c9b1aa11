import { describe, expect, test } from 'vitest';
import { buildCalendar, type TLocalTime } from '@/domain/calendar/working-calendar';
import { overdueWorkingDays, stepDeadline, superviseDue, taskDeadline, type TSupervised } from '@/domain/topics/supervision';

// 2026: National Day and Mid-Autumn, 10-01 to 10-07 off, Saturday 10-10 a make-up working day.
const cal = buildCalendar(
  [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'HOLIDAY' as const })),
    { date: '2026-10-10', kind: 'WORKDAY' },
  ],
  [2026],
);
const t = (date: string, h: number, m = 0): TLocalTime => ({ date, minute: h * 60 + m });
// A task due on Friday 2026-11-20 (by the end of that day).
const task: TSupervised = { deadline: taskDeadline('2026-11-20'), open: true, level: 'OWNER', reminded: false, overdue: false };

describe('督办: what the supervision pass does for a task or a step', () => {
  test.each([
    ['two working days before: nothing', task, t('2026-11-18', 9), { kind: 'NONE' }],
    ['the working day before: remind the owner', task, t('2026-11-19', 8), { kind: 'REMIND' }],
    ['reminded already: nothing', { ...task, reminded: true }, t('2026-11-19', 15), { kind: 'NONE' }],
    ['on the day itself, late evening: not overdue yet', { ...task, reminded: true }, t('2026-11-20', 23, 59), { kind: 'NONE' }],
    ['the next day (a Saturday): overdue, not escalated', task, t('2026-11-21', 9), { kind: 'OVERDUE', days: 0 }],
    ['flagged overdue already, one working day late: nothing more', { ...task, overdue: true }, t('2026-11-23', 9), { kind: 'NONE' }],
    [
      'two working days late: escalate to the community',
      { ...task, overdue: true },
      t('2026-11-24', 9),
      { kind: 'ESCALATE', to: 'COMMUNITY', days: 2 },
    ],
    [
      'not flagged yet and already two days late: escalate at once',
      task,
      t('2026-11-24', 9),
      { kind: 'ESCALATE', to: 'COMMUNITY', days: 2 },
    ],
    [
      'at the community, four days late: nothing more',
      { ...task, overdue: true, level: 'COMMUNITY' as const },
      t('2026-11-26', 9),
      { kind: 'NONE' },
    ],
    [
      'at the community, five days late: escalate to the street',
      { ...task, overdue: true, level: 'COMMUNITY' as const },
      t('2026-11-27', 9),
      { kind: 'ESCALATE', to: 'STREET', days: 5 },
    ],
    ['at the street: the top, nothing more', { ...task, overdue: true, level: 'STREET' as const }, t('2026-12-20', 9), { kind: 'NONE' }],
    ['done or accepted: nothing', { ...task, open: false }, t('2026-12-20', 9), { kind: 'NONE' }],
  ])('%s', (_, s, now, due) => expect(superviseDue(s, now, cal)).toEqual(due));

  test('a task due on the first working day after 国庆 is reminded before the holiday, not on the day itself', () => {
    const s = { ...task, deadline: taskDeadline('2026-10-08') };
    expect(superviseDue(s, t('2026-09-29', 9), cal)).toEqual({ kind: 'NONE' });
    expect(superviseDue(s, t('2026-09-30', 9), cal)).toEqual({ kind: 'REMIND' });
  });

  test('a task due before 国庆 is not two working days late until the holiday is over', () => {
    const s = { ...task, deadline: taskDeadline('2026-09-30'), overdue: true };
    expect(overdueWorkingDays(s.deadline, t('2026-10-07', 18), cal)).toBe(0);
    expect(superviseDue(s, t('2026-10-07', 18), cal)).toEqual({ kind: 'NONE' });
    // 10-08 and 10-09 are working days: escalated on the 9th; the make-up Saturday 10-10 counts too.
    expect(superviseDue(s, t('2026-10-09', 9), cal)).toEqual({ kind: 'ESCALATE', to: 'COMMUNITY', days: 2 });
    expect(overdueWorkingDays(s.deadline, t('2026-10-13', 9), cal)).toBe(5);
  });

  test('a step is due at its moment, not at the end of its day', () => {
    const s = { ...task, deadline: stepDeadline(t('2026-11-20', 17, 30)), reminded: true };
    expect(superviseDue(s, t('2026-11-20', 17, 29), cal)).toEqual({ kind: 'NONE' });
    expect(superviseDue(s, t('2026-11-20', 17, 30), cal)).toEqual({ kind: 'OVERDUE', days: 0 });
  });
});
