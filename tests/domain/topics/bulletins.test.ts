import { describe, expect, test } from 'vitest';
import { addMonths, bulletinText, dueBulletin, periodEnd, type TSchedule } from '@/domain/topics/bulletins';

describe('bulletin periods', () => {
  test.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-15', 2, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (iso, n, out) => expect(addMonths(iso, n)).toBe(out));

  test.each([
    ['MONTHLY', 0, '2026-09-30'],
    ['MONTHLY', 1, '2026-10-31'],
    ['BIWEEKLY', 0, '2026-09-14'],
    ['BIWEEKLY', 2, '2026-10-12'],
  ] as const)('%s period %i ends %s', (cadence, n, end) => expect(periodEnd('2026-09-01', cadence, n)).toBe(end));

  const monthly: TSchedule = { cadence: 'MONTHLY', startsOn: '2026-09-01', endsOn: null };
  test.each([
    ['nothing before the first period ends', monthly, '2026-09-30', null, null],
    ['the first period, the day after it ends', monthly, '2026-10-01', null, { period: 0, fromDay: '2026-09-01', toDay: '2026-09-30' }],
    ['already drafted', monthly, '2026-10-20', { period: 0, toDay: '2026-09-30' }, null],
    ['the next one', monthly, '2026-11-01', { period: 0, toDay: '2026-09-30' }, { period: 1, fromDay: '2026-10-01', toDay: '2026-10-31' }],
    [
      'after a pause, one bulletin since the last',
      monthly,
      '2027-01-05',
      { period: 0, toDay: '2026-09-30' },
      { period: 3, fromDay: '2026-10-01', toDay: '2026-12-31' },
    ],
    [
      'the end date cuts the last period',
      { ...monthly, endsOn: '2026-10-15' },
      '2026-12-01',
      { period: 0, toDay: '2026-09-30' },
      { period: 1, fromDay: '2026-10-01', toDay: '2026-10-15' },
    ],
    ['nothing after the end date', { ...monthly, endsOn: '2026-10-15' }, '2027-03-01', { period: 1, toDay: '2026-10-15' }, null],
    [
      'every two weeks',
      { cadence: 'BIWEEKLY', startsOn: '2026-09-01', endsOn: null },
      '2026-09-15',
      null,
      { period: 0, fromDay: '2026-09-01', toDay: '2026-09-14' },
    ],
  ] as const)('%s', (_, s, today, last, due) => expect(dueBulletin(s as TSchedule, today, last)).toEqual(due));
});

describe('the draft', () => {
  test('status of each task, this period’s entries without names, the share accepted', () => {
    const d = bulletinText('非机动车棚改造', '2026-09-01', '2026-09-30', [
      {
        title: '拆除旧车棚',
        responsible: '安居物业',
        status: 'ACCEPTED',
        dueOn: '2026-09-10',
        entries: [{ day: '2026-09-09', kind: 'ACCEPT', body: '验收合格' }],
      },
      { title: '新建车棚', responsible: '安居物业', status: 'OPEN', dueOn: '2026-10-20', entries: [] },
    ]);
    expect(d.title).toBe('非机动车棚改造：落实进展公示（2026-09-30）');
    expect(d.body.split('\n')).toEqual([
      '非机动车棚改造 落实进展（2026-09-01 至 2026-09-30）',
      '共 2 项任务，已验收 1 项（50%）。',
      '1. 拆除旧车棚（安居物业，期限 2026-09-10）：已验收',
      '   2026-09-09 验收通过：验收合格',
      '2. 新建车棚（安居物业，期限 2026-10-20）：进行中',
      '   本期无新进展',
    ]);
    expect(d.allAccepted).toBe(false);
  });
});
