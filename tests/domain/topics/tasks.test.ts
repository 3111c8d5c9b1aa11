import { describe, expect, test } from 'vitest';
import { buildCalendar, type TCalendarEntry } from '@/domain/calendar/working-calendar';
import { dueDay, taskMove, taskOverdue, type TTaskEvent, type TTaskStatus } from '@/domain/topics/tasks';

const off = (from: string, to: string): TCalendarEntry[] => {
  const days: TCalendarEntry[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
    days.push({ date: d.toISOString().slice(0, 10), kind: 'HOLIDAY' });
  return days;
};
// 2026 as published (and in chinese-days): 春节 15–23 Feb, Saturdays 14 and 28 Feb worked; 国庆 1–7 Oct, 20 Sep and 10 Oct worked.
const official: TCalendarEntry[] = [
  ...off('2026-02-15', '2026-02-23'),
  { date: '2026-02-14', kind: 'WORKDAY' },
  { date: '2026-02-28', kind: 'WORKDAY' },
  ...off('2026-10-01', '2026-10-07'),
  { date: '2026-09-20', kind: 'WORKDAY' },
  { date: '2026-10-10', kind: 'WORKDAY' },
];
const cal = buildCalendar(official, [2026]);
// A district that also gave 9 October off (its own addition).
const district = buildCalendar([...official, { date: '2026-10-09', kind: 'HOLIDAY' }], [2026]);

describe('a task due in N working days', () => {
  test.each([
    ['Friday 25 Sep + 3 → over the weekend to Wednesday', '2026-09-25', 3, cal, '2026-09-30'],
    ['Wednesday 30 Sep + 1 → over 国庆 to Thursday 8 Oct', '2026-09-30', 1, cal, '2026-10-08'],
    ['Thursday 8 Oct + 2 → Friday, then the 调休 Saturday 10 Oct', '2026-10-08', 2, cal, '2026-10-10'],
    ['the district’s extra day off pushes it to Monday', '2026-10-08', 2, district, '2026-10-12'],
    ['Friday 13 Feb + 1 → the 调休 Saturday 14 Feb', '2026-02-13', 1, cal, '2026-02-14'],
    ['Saturday 14 Feb + 1 → over 春节 to Tuesday 24 Feb', '2026-02-14', 1, cal, '2026-02-24'],
    ['Tuesday 24 Feb + 4 → the 调休 Saturday 28 Feb', '2026-02-24', 4, cal, '2026-02-28'],
    ['Friday 27 Feb + 2 → Saturday 28 Feb, then Monday 2 Mar', '2026-02-27', 2, cal, '2026-03-02'],
  ])('%s', (_, today, n, c, due) => expect(dueDay({ workingDays: n }, today, c)).toBe(due));

  test.each([0, -1, 1.5, 251, Number.NaN])('%s working days is no deadline', (n) =>
    expect(dueDay({ workingDays: n }, '2026-03-02', cal)).toBeNull(),
  );

  test('a date is taken as it is', () => expect(dueDay({ date: '2026-10-03' }, '2026-09-01', cal)).toBe('2026-10-03'));
});

describe('the task state machine', () => {
  const cases: [TTaskStatus, TTaskEvent, string, TTaskStatus | string][] = [
    ['OPEN', 'PROGRESS', '', 'OPEN'],
    ['OPEN', 'DONE', '', 'DONE'], // 申请验收
    ['OPEN', 'ACCEPT', '', 'topic.taskNotDone'],
    ['OPEN', 'SEND_BACK', '缺照片', 'topic.taskNotDone'],
    ['OPEN', 'COMMENT', '', 'OPEN'],
    ['DONE', 'ACCEPT', '', 'ACCEPTED'],
    ['DONE', 'SEND_BACK', '3号楼前的线画歪了', 'OPEN'],
    ['DONE', 'SEND_BACK', '  ', 'topic.reasonRequired'],
    ['DONE', 'DONE', '', 'topic.taskNotOpen'],
    ['DONE', 'PROGRESS', '', 'topic.taskNotOpen'],
    ['DONE', 'COMMENT', '', 'DONE'],
    ['ACCEPTED', 'PROGRESS', '', 'topic.taskAccepted'],
    ['ACCEPTED', 'DONE', '', 'topic.taskAccepted'],
    ['ACCEPTED', 'ACCEPT', '', 'topic.taskAccepted'],
    ['ACCEPTED', 'SEND_BACK', '返工', 'topic.taskAccepted'],
    ['ACCEPTED', 'COMMENT', '', 'ACCEPTED'],
  ];
  test.each(cases)('%s + %s (%s) → %s', (status, event, reason, expected) => {
    const r = taskMove(status, event, reason);
    expect(r.ok ? r.next : r.code).toBe(expected);
  });
});

describe('overdue on "my tasks"', () => {
  test.each([
    ['OPEN', '2026-03-01', '2026-03-02', true],
    ['OPEN', '2026-03-02', '2026-03-02', false],
    ['DONE', '2026-03-01', '2026-03-02', false],
    ['ACCEPTED', '2026-03-01', '2026-03-02', false],
  ] as const)('%s due %s on %s: %s', (status, dueOn, today, overdue) => expect(taskOverdue({ status, dueOn }, today)).toBe(overdue));
});
