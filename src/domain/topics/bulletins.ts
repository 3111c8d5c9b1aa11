/**
 * Progress bulletins (进展公示) of a decided topic (issue 19 item 3, decision 053): periods of a month or two weeks
 * from the schedule's first day; after a period ends, one bulletin covers everything since the last one. Pure.
 */
import { addDays } from '@/domain/calendar/working-calendar';

export type TCadence = 'MONTHLY' | 'BIWEEKLY';

/** `iso` plus `n` months, kept within the month (31 January + 1 month = 28 or 29 February). */
export function addMonths(iso: string, n: number): string {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(+iso.slice(8, 10), last);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first day of period `n` (0 = the schedule's first day). */
export const periodStart = (startsOn: string, cadence: TCadence, n: number) =>
  cadence === 'MONTHLY' ? addMonths(startsOn, n) : addDays(startsOn, 14 * n);

/** The last day of period `n`. */
export const periodEnd = (startsOn: string, cadence: TCadence, n: number) => addDays(periodStart(startsOn, cadence, n + 1), -1);

export type TSchedule = { cadence: TCadence; startsOn: string; endsOn: string | null };

/**
 * The bulletin due on `today`: the latest period that has ended (before today) after the last one drafted, and the days
 * it covers (from the day after the last bulletin, or the first day). A period starting after the end date is never due.
 * Null when nothing is due.
 */
export function dueBulletin(s: TSchedule, today: string, last: { period: number; toDay: string } | null) {
  let n = last ? last.period : -1;
  while (periodEnd(s.startsOn, s.cadence, n + 1) < today && !(s.endsOn && periodStart(s.startsOn, s.cadence, n + 1) > s.endsOn)) n++;
  if (n === (last ? last.period : -1)) return null;
  const toDay = periodEnd(s.startsOn, s.cadence, n);
  return { period: n, fromDay: last ? addDays(last.toDay, 1) : s.startsOn, toDay: s.endsOn && s.endsOn < toDay ? s.endsOn : toDay };
}

export type TBulletinTask = {
  title: string;
  responsible: string;
  status: 'OPEN' | 'DONE' | 'ACCEPTED';
  dueOn: string;
  /** This period's entries, oldest first; no names (an anonymous supervisor stays unnamed). */
  entries: { day: string; kind: string; body: string }[];
};

const STATUS = { OPEN: '进行中', DONE: '已完成，待验收', ACCEPTED: '已验收' } as const;
const ENTRY: Record<string, string> = {
  PROGRESS: '进展',
  DONE: '申请验收',
  ACCEPT: '验收通过',
  SEND_BACK: '退回返工',
  COMMENT: '居民意见',
};

/** The draft's title and text: each task's status and this period's entries, and the share accepted. */
export function bulletinText(topicTitle: string, fromDay: string, toDay: string, tasks: TBulletinTask[]) {
  const accepted = tasks.filter((t) => t.status === 'ACCEPTED').length;
  const pct = tasks.length ? Math.round((accepted * 100) / tasks.length) : 0;
  const lines = [
    `${topicTitle} 落实进展（${fromDay} 至 ${toDay}）`,
    `共 ${tasks.length} 项任务，已验收 ${accepted} 项（${pct}%）。`,
    ...tasks.flatMap((t, i) => [
      `${i + 1}. ${t.title}（${t.responsible}，期限 ${t.dueOn}）：${STATUS[t.status]}`,
      ...t.entries.map((e) => `   ${e.day} ${ENTRY[e.kind] ?? e.kind}：${e.body}`),
      ...(t.entries.length ? [] : ['   本期无新进展']),
    ]),
  ];
  return {
    title: `${topicTitle}：落实进展公示（${toDay}）`,
    body: lines.join('\n'),
    allAccepted: tasks.length > 0 && accepted === tasks.length,
  };
}
