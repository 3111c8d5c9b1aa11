/**
 * China's calendar day: the one way to get "today", the day of an instant, and the values of
 * date-only columns (@db.Date: term dates, record dates, due dates, calendar days).
 *
 * China has one time zone (UTC+8, no daylight saving time). A date-only column holds a calendar day,
 * which Prisma reads and writes as a Date at UTC midnight of that day; it must never be compared with,
 * or written from, a raw instant (`new Date()`): between 00:00 and 08:00 China time the UTC day is
 * still yesterday (decisions/025). The ESLint rule in eslint.config.mjs keeps raw instants away from
 * those columns.
 */
export const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The China calendar day ("YYYY-MM-DD") an instant falls on. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in China ("YYYY-MM-DD"), the "today" passed into the domain's rules. */
export function today(now = new Date()): string {
  return chinaDay(now);
}

/** A calendar day ("YYYY-MM-DD") as the value to store in, or compare with, a date-only column. */
export function dateOnly(day: string): Date {
  if (!ISO_DAY.test(day)) throw new RangeError(`not a calendar day: ${day}`);
  const d = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) throw new RangeError(`not a calendar day: ${day}`);
  return d;
}

/** A date-only column's value read back as its calendar day ("YYYY-MM-DD"). */
export function fromDateOnly(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** The year of today in China (on 1 January before 08:00 the UTC year is still the last one). */
export const thisYear = (now = new Date()) => Number(today(now).slice(0, 4));

/** Today as the value of a date-only column (a record dated the day it is made). */
export const todayDateOnly = (now = new Date()) => dateOnly(today(now));

/**
 * The Prisma filter for a term in force on a day (`startsOn`/`endsOn`: 以上/届满 include the day),
 * for body members, party positions, organisation assignments and role grants.
 */
export function inForceOn(day: string) {
  const d = dateOnly(day);
  return { startsOn: { lte: d }, OR: [{ endsOn: null }, { endsOn: { gte: d } }] };
}
