/**
 * The Chinese working calendar: weekends, public holidays and make-up working days (调休).
 * Pure: the official schedule comes in as data (the server loads it from the npm package
 * chinese-days, plus days district admins add for years the package does not cover yet).
 * Dates are ISO "YYYY-MM-DD" in China's time zone; times are minutes after local midnight.
 */
export type TCalendar = {
  /** Official rest days that fall on weekdays or weekends (春节, 国庆节, …). */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休). */
  makeupWorkdays: ReadonlySet<string>;
  /** Years whose official schedule is known (the package's, and years a district entered holidays for); others fall back to Monday–Friday plus additions. */
  coveredYears: ReadonlySet<number>;
};

export type TDayKind = 'WORKDAY' | 'MAKEUP_WORKDAY' | 'HOLIDAY' | 'WEEKEND';

export type TCalendarEntry = { date: string; kind: 'HOLIDAY' | 'WORKDAY' };

/** Builds a calendar; later entries win (district additions override the package for the same day). */
export function buildCalendar(entries: TCalendarEntry[], coveredYears: Iterable<number>): TCalendar {
  const holidays = new Set<string>();
  const makeupWorkdays = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'HOLIDAY') {
      holidays.add(e.date);
      makeupWorkdays.delete(e.date);
    } else {
      makeupWorkdays.add(e.date);
      holidays.delete(e.date);
    }
  }
  return { holidays, makeupWorkdays, coveredYears: new Set(coveredYears) };
}

const MS_DAY = 86_400_000;
const toDays = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_DAY;
const fromDays = (n: number) => new Date(n * MS_DAY).toISOString().slice(0, 10);
export const addDays = (iso: string, n: number) => fromDays(toDays(iso) + n);
/** 0 = Sunday … 6 = Saturday */
const weekday = (iso: string) => new Date(toDays(iso) * MS_DAY).getUTCDay();

export function dayKind(iso: string, cal: TCalendar): TDayKind {
  if (cal.makeupWorkdays.has(iso)) return 'MAKEUP_WORKDAY';
  if (cal.holidays.has(iso)) return 'HOLIDAY';
  const d = weekday(iso);
  return d === 0 || d === 6 ? 'WEEKEND' : 'WORKDAY';
}

export const isWorkingDay = (iso: string, cal: TCalendar) => {
  const k = dayKind(iso, cal);
  return k === 'WORKDAY' || k === 'MAKEUP_WORKDAY';
};

/** Whether the official schedule of the date's year is known (else: weekends only, plus additions). */
export const isCovered = (iso: string, cal: TCalendar) => cal.coveredYears.has(+iso.slice(0, 4));

/**
 * The years among `dates` whose holidays the calendar does not know (sorted): a date there may fall on a public
 * holiday it cannot see, so whoever schedules it is told (issue 17, item 9).
 */
export function uncoveredYears(dates: Iterable<string>, cal: TCalendar): number[] {
  const years = new Set<number>();
  for (const d of dates) if (!isCovered(d, cal)) years.add(+d.slice(0, 4));
  return [...years].sort((x, y) => x - y);
}

/** The n-th working day after `iso` (the day itself not counted); n = 0 gives `iso` or the next working day. */
export function addWorkingDays(iso: string, n: number, cal: TCalendar): string {
  let day = iso;
  if (n === 0) {
    while (!isWorkingDay(day, cal)) day = addDays(day, 1);
    return day;
  }
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) left--;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string, cal: TCalendar): number {
  let n = 0;
  for (let d = addDays(from, 1); toDays(d) <= toDays(to); d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}

/** A moment in China's local time. */
export type TLocalTime = { date: string; minute: number };
/** Office hours as [start, end) minute ranges of a working day; default 9:00–12:00 and 13:30–17:30. */
export type TOfficeHours = readonly (readonly [number, number])[];
export const DEFAULT_OFFICE_HOURS: TOfficeHours = [
  [9 * 60, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
];

/**
 * The moment `minutes` of office time after `start`: time outside office hours, on weekends and on
 * holidays does not count. A start outside office hours counts from the next opening.
 */
export function addWorkingMinutes(
  start: TLocalTime,
  minutes: number,
  cal: TCalendar,
  hours: TOfficeHours = DEFAULT_OFFICE_HOURS,
): TLocalTime {
  let left = minutes;
  let { date, minute } = start;
  for (let guard = 0; guard < 10_000; guard++) {
    if (isWorkingDay(date, cal)) {
      for (const [open, close] of hours) {
        if (minute >= close) continue;
        const from = Math.max(minute, open);
        const available = close - from;
        if (left <= available) return { date, minute: from + left };
        left -= available;
        minute = close;
      }
    }
    date = addDays(date, 1);
    minute = 0;
  }
  throw new Error('addWorkingMinutes: no working time found');
}

/** Compares two local times: negative when a is earlier. */
export const compareLocal = (a: TLocalTime, b: TLocalTime) => toDays(a.date) - toDays(b.date) || a.minute - b.minute;
