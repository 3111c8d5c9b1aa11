/**
 * A community's meetings as an iCalendar feed (RFC 5545), pure. A series is one event with RRULE and EXDATE
 * (issue 17, item 9): calendar apps show it as one repeating entry. Its meetings that do not sit where the rule puts
 * them (moved off a holiday, another time) are events of their own, and the rule's day is excluded; a cancelled
 * meeting is an EXDATE. Times are China's local time (TZID=Asia/Shanghai, no daylight saving time).
 */
import type { TLocalTime } from '../calendar/working-calendar';
import { occurrences, type TRecurrence } from './meetings';
import { buildCalendar } from '../calendar/working-calendar';

/** `label`: a district's own kind (decision 066), given as the event's CATEGORIES. */
export type TFeedMeeting = {
  id: number;
  start: TLocalTime;
  minutes: number;
  cancelled: boolean;
  title: string;
  location: string;
  label?: string;
};
export type TFeedSeries = { id: number; rule: TRecurrence; startsOn: string; startMinute: number; durationMinutes: number; label?: string };
const categories = (label?: string) => (label ? [`CATEGORIES:${text(label)}`] : []);
type TEvent = { uid: string; start: TLocalTime; minutes: number; title: string; location: string; url: string; extra: string[] };

const NO_HOLIDAYS = buildCalendar([], []);
const DAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (t: TLocalTime) => `${t.date.replace(/-/g, '')}T${pad(Math.floor(t.minute / 60))}${pad(t.minute % 60)}00`;
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** The rule in RRULE words, up to `until` (a UTC moment, as RFC 5545 asks when DTSTART names a time zone). */
export function rruleOf(rule: TRecurrence, until: Date): string {
  const tail = `UNTIL=${utcStamp(until)}`;
  if (rule.freq === 'WEEKLY') return `FREQ=WEEKLY;BYDAY=${rule.weekdays.map((d) => DAY[d]).join(',')};${tail}`;
  const interval = rule.freq === 'QUARTERLY' ? 3 : (rule.interval ?? 1);
  return `FREQ=MONTHLY;${interval > 1 ? `INTERVAL=${interval};` : ''}BYMONTHDAY=${rule.monthDays.join(',')};${tail}`;
}

/**
 * How a series' meetings within [from, to] appear: the rule from its first meeting held where the rule puts it to the
 * last, the rule's days in between without such a meeting (EXDATE), and the meetings held elsewhere or at another time.
 */
export function seriesLayout(s: TFeedSeries, meetings: TFeedMeeting[], from: string, to: string) {
  const onRule = new Map<string, TFeedMeeting>();
  const ruleDays = occurrences(s.rule, s.startsOn, to, NO_HOLIDAYS, false).filter((d) => d >= from);
  const ruleSet = new Set(ruleDays);
  for (const m of meetings)
    if (!m.cancelled && ruleSet.has(m.start.date) && m.start.minute === s.startMinute && m.minutes === s.durationMinutes)
      if (!onRule.has(m.start.date)) onRule.set(m.start.date, m);
  const held = ruleDays.filter((d) => onRule.has(d));
  const first = held[0];
  const last = held.at(-1);
  const taken = new Set(onRule.values());
  return {
    first: first ?? null,
    last: last ?? null,
    exdates: first && last ? ruleDays.filter((d) => d > first && d < last && !onRule.has(d)) : [],
    apart: meetings.filter((m) => !m.cancelled && !taken.has(m)),
  };
}

function fold(line: string): string {
  // Lines longer than 75 octets continue on the next line after a space, never splitting a character.
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const c = ch.codePointAt(0)!;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (octets + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      octets = 0;
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

function vevent(e: TEvent, now: Date): string[] {
  const endMinute = e.start.minute + e.minutes;
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=Asia/Shanghai:${stamp(e.start)}`,
    endMinute < 24 * 60 ? `DTEND;TZID=Asia/Shanghai:${stamp({ date: e.start.date, minute: endMinute })}` : `DURATION:PT${e.minutes}M`,
    ...e.extra,
    `SUMMARY:${text(e.title)}`,
    `LOCATION:${text(e.location)}`,
    `URL:${e.url}`,
    'END:VEVENT',
  ];
}

export type TFeedInput = {
  name: string;
  now: Date;
  from: string;
  to: string;
  /** Meetings outside a series, and every series' meetings with `seriesId`. */
  meetings: (TFeedMeeting & { seriesId: number | null })[];
  series: (TFeedSeries & { title: string; location: string; untilAt: (day: string) => Date })[];
  meetingUrl: (id: number) => string;
  seriesUrl: string;
};

/** The whole feed, CRLF line ends, folded lines. */
export function icsFeed(f: TFeedInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//yishi//meetings//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(f.name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  const single = (m: TFeedMeeting, extra: string[] = []): TEvent => ({
    uid: `meeting-${m.id}@yishi`,
    start: m.start,
    minutes: m.minutes,
    title: m.title,
    location: m.location,
    url: f.meetingUrl(m.id),
    extra: [...extra, ...categories(m.label)],
  });
  for (const m of f.meetings) if (m.seriesId === null && !m.cancelled) lines.push(...vevent(single(m), f.now));
  for (const s of f.series) {
    const own = f.meetings.filter((m) => m.seriesId === s.id);
    const layout = seriesLayout(s, own, f.from, f.to);
    const tag = `X-YISHI-SERIES:${s.id}`;
    if (layout.first && layout.last) {
      const start = { date: layout.first, minute: s.startMinute };
      const extra = [`RRULE:${rruleOf(s.rule, s.untilAt(layout.last))}`, tag, ...categories(s.label)];
      if (layout.exdates.length)
        extra.push(`EXDATE;TZID=Asia/Shanghai:${layout.exdates.map((d) => stamp({ date: d, minute: s.startMinute })).join(',')}`);
      const e = { uid: `series-${s.id}@yishi`, start, minutes: s.durationMinutes, title: s.title, location: s.location, url: f.seriesUrl };
      lines.push(...vevent({ ...e, extra }, f.now));
    }
    for (const m of layout.apart) lines.push(...vevent(single(m, [tag]), f.now));
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
