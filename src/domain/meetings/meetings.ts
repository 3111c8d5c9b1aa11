/**
 * Meetings, pure: recurring schedules (rrule), moved off public holidays when the organiser wants,
 * the notice each kind needs (rules.md §3, §4, §7), and the quorum a body's rule asks for.
 */
import * as rrule from 'rrule';
import type { Options } from 'rrule';
import { addDays, isWorkingDay, type TCalendar } from '../calendar/working-calendar';
import { leastForFraction, leastForMoreThanHalf, TWO_THIRDS } from '../votes/arithmetic';

export const meetingKinds = [
  'CONSULTATION',
  'COUNCIL',
  'RESIDENTS_MEETING',
  'JOINT',
  'RECEPTION_DAY',
  'COURTYARD',
  'PARTY_DAY',
  'OWNERS_ASSEMBLY',
  'OWNERS_COMMITTEE',
] as const;
export type TMeetingKind = (typeof meetingKinds)[number];

/** "Every month on the 6th and 26th", "every quarter on the 10th", "every Wednesday". */
export type TRecurrence =
  | { freq: 'MONTHLY'; monthDays: number[]; interval?: number }
  | { freq: 'QUARTERLY'; monthDays: number[] }
  | { freq: 'WEEKLY'; weekdays: number[] };

// rrule ships CommonJS for Node and ES modules for bundlers: take its class from whichever we got.
const RRule =
  (rrule as unknown as { RRule?: typeof rrule.RRule; default?: { RRule: typeof rrule.RRule } }).RRule ??
  (rrule as unknown as { default: { RRule: typeof rrule.RRule } }).default.RRule;
const RRULE_WEEKDAY = [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA];
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The dates of a schedule from `from` to `to` (inclusive, ISO dates in China). With `shiftOffHolidays`,
 * a date on a public holiday or weekend moves to the next working day (a date already taken is not
 * repeated).
 */
export function occurrences(rule: TRecurrence, from: string, to: string, cal: TCalendar, shiftOffHolidays: boolean): string[] {
  const base: Partial<Options> = { dtstart: toDate(from), until: toDate(to) };
  const opts: Partial<Options> =
    rule.freq === 'WEEKLY'
      ? { ...base, freq: RRule.WEEKLY, byweekday: rule.weekdays.map((d) => RRULE_WEEKDAY[d]!) }
      : { ...base, freq: RRule.MONTHLY, interval: rule.freq === 'QUARTERLY' ? 3 : (rule.interval ?? 1), bymonthday: rule.monthDays };
  const dates = new RRule(opts).all().map(toIso);
  if (!shiftOffHolidays) return dates;
  const out: string[] = [];
  for (const d of dates) {
    let day = d;
    while (!isWorkingDay(day, cal)) day = addDays(day, 1);
    if (!out.includes(day)) out.push(day);
  }
  return out;
}

/** A series' meetings are made up to the end of the year after the one it starts in: the calendar of this year and next. */
export const seriesLastDay = (from: string) => `${Number(from.slice(0, 4)) + 1}-12-31`;

/** Days of notice a kind needs before it meets (the notice day not counted): owners' assembly 15, owners' committee agenda 7. */
export const NOTICE_DAYS: Partial<Record<TMeetingKind, number>> = { OWNERS_ASSEMBLY: 15, OWNERS_COMMITTEE: 7 };

export function noticeInTime(
  kind: TMeetingKind,
  noticeDay: string,
  meetingDay: string,
): { ok: true } | { ok: false; days: number; earliest: string } {
  const days = NOTICE_DAYS[kind];
  if (!days) return { ok: true };
  const earliest = addDays(noticeDay, days);
  return meetingDay >= earliest ? { ok: true } : { ok: false, days, earliest };
}

/** The quorum each kind's body asks for: more than half of members (councils, committees, residents' meetings), two thirds (owners' assembly turnout), or none. */
export const QUORUM: Record<TMeetingKind, 'MORE_THAN_HALF' | 'TWO_THIRDS' | 'NONE'> = {
  CONSULTATION: 'NONE',
  COUNCIL: 'MORE_THAN_HALF',
  RESIDENTS_MEETING: 'MORE_THAN_HALF',
  JOINT: 'MORE_THAN_HALF',
  RECEPTION_DAY: 'NONE',
  COURTYARD: 'NONE',
  PARTY_DAY: 'NONE',
  OWNERS_ASSEMBLY: 'TWO_THIRDS',
  OWNERS_COMMITTEE: 'MORE_THAN_HALF',
};

/** 应到 / 实到 and whether the quorum is met (rules.md §2 and §4: "more than half" is `2 × present > expected`). */
export function quorum(
  kind: TMeetingKind,
  expected: number,
  present: number,
): { rule: (typeof QUORUM)[TMeetingKind]; least: number | null; met: boolean | null } {
  const rule = QUORUM[kind];
  if (rule === 'NONE' || expected === 0) return { rule, least: null, met: null };
  const least = rule === 'TWO_THIRDS' ? leastForFraction(expected, TWO_THIRDS) : leastForMoreThanHalf(expected);
  return { rule, least, met: present >= least };
}

/** Sign-in is open from half an hour before the meeting until it ends, unless it was closed. */
export function signInOpen(now: Date, m: { startsAt: Date; endsAt: Date; status: string }): boolean {
  return m.status === 'SCHEDULED' && now.getTime() >= m.startsAt.getTime() - 30 * 60_000 && now.getTime() <= m.endsAt.getTime();
}
