/**
 * The disclosure calendar (公开目录, decision 070): which slots an item opens at a place, when each is due, and its state.
 * Pure: days are China calendar days as "YYYY-MM-DD", given by the caller (src/server/today.ts).
 */

export type TCadence = 'MONTHLY' | 'QUARTERLY' | 'YEARLY' | 'EVENT';
export type TSlotState = 'DUE' | 'OVERDUE' | 'ON_TIME' | 'LATE' | 'WAIVED';

/** What the calendar needs of an item. */
export type TItemRule = { cadence: TCadence; graceDays: number; withinDays: number | null; startsOn: string };

/** One slot of an item at a place: its period (or event), the day it is due. */
export type TSlot = { key: string; label: string; firstDay: string; lastDay: string; dueOn: string };

/** What was filed for a slot. */
export type TFiled = { filedOn: string; waived: boolean };

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const pad = (n: number) => String(n).padStart(2, '0');
const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (y: number, m: number) => (m === 2 ? (leap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);

/** The day n days after (or before, n < 0) a day: by months, without Date (it runs for every slot of a street). */
export function addDays(day: string, n: number): string {
  if (Math.abs(n) > 3660) return fromMs(toMs(day) + n * DAY_MS);
  let y = Number(day.slice(0, 4));
  let m = Number(day.slice(5, 7));
  let d = Number(day.slice(8, 10)) + n;
  while (d > daysIn(y, m)) {
    d -= daysIn(y, m);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  while (d < 1) {
    m -= 1;
    if (m < 1) {
      m = 12;
      y -= 1;
    }
    d += daysIn(y, m);
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The last day of a month (1–12) of a year (string arithmetic: the calendar is walked for thousands of slots). */
const lastOfMonth = (year: number, month: number) => `${year}-${pad(month)}-${pad(daysIn(year, month))}`;

/** The period of a periodic cadence that contains a day. */
export function periodOf(cadence: Exclude<TCadence, 'EVENT'>, day: string): Omit<TSlot, 'dueOn'> {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (cadence === 'MONTHLY')
    return {
      key: `${year}-${pad(month)}`,
      label: `${year}年${month}月`,
      firstDay: `${year}-${pad(month)}-01`,
      lastDay: lastOfMonth(year, month),
    };
  if (cadence === 'QUARTERLY') {
    const q = Math.ceil(month / 3);
    return {
      key: `${year}-Q${q}`,
      label: `${year}年第${q}季度`,
      firstDay: `${year}-${pad(q * 3 - 2)}-01`,
      lastDay: lastOfMonth(year, q * 3),
    };
  }
  return { key: `${year}`, label: `${year}年度`, firstDay: `${year}-01-01`, lastDay: `${year}-12-31` };
}

/** The period after a period (its first day is the day after the other's last). */
function nextPeriod(cadence: Exclude<TCadence, 'EVENT'>, p: { firstDay: string }) {
  const year = Number(p.firstDay.slice(0, 4));
  const month = Number(p.firstDay.slice(5, 7)) + (cadence === 'MONTHLY' ? 1 : cadence === 'QUARTERLY' ? 3 : 12);
  return periodOf(cadence, month > 12 ? `${year + 1}-${pad(month - 12)}-01` : `${year}-${pad(month)}-01`);
}

/**
 * The slots of a periodic item up to today: every whole period that starts on or after the item's first day and has
 * ended before today (a period is disclosed once it is over), each due graceDays after its last day. An item that
 * starts mid-period opens its first slot with the next whole period: nobody owes a disclosure of a period the catalogue
 * did not cover from its start.
 */
export function periodicSlots(rule: TItemRule, today: string): TSlot[] {
  if (rule.cadence === 'EVENT') return [];
  const cadence = rule.cadence;
  const slots: TSlot[] = [];
  let p = periodOf(cadence, rule.startsOn);
  if (p.firstDay < rule.startsOn) p = nextPeriod(cadence, p);
  while (p.lastDay < today) {
    slots.push({ ...p, dueOn: addDays(p.lastDay, rule.graceDays) });
    p = nextPeriod(cadence, p);
  }
  return slots;
}

/** An event's slot: from the event's day, due withinDays later; the key names the event. */
export function eventSlot(event: { id: number; occurredOn: string; description: string }, withinDays: number): TSlot {
  return {
    key: `E${event.id}`,
    label: `${event.occurredOn} ${event.description}`,
    firstDay: event.occurredOn,
    lastDay: event.occurredOn,
    dueOn: addDays(event.occurredOn, withinDays),
  };
}

/** Whether a filing made on a day counts as on time: on or before the due day (a waiver too — a late waiver is late). */
export const filedOnTime = (filedOn: string, dueOn: string) => filedOn <= dueOn;

/** A slot's state today: filed (on time, late, waived) or not yet (due, or overdue once its due day has passed). */
export function slotState(dueOn: string, filed: TFiled | null, today: string): TSlotState {
  if (filed) return filed.waived ? 'WAIVED' : filedOnTime(filed.filedOn, dueOn) ? 'ON_TIME' : 'LATE';
  return today > dueOn ? 'OVERDUE' : 'DUE';
}

/**
 * 公开及时率: slots filed on time (a waiver on time included) ÷ slots that count — every slot filed, and every slot
 * whose due day has passed. A slot still due and not filed is not counted yet. Exact integers; the percentage is cut
 * (not rounded) to one decimal, so 100.0 % means every one; "—" when nothing counts.
 */
export function timeliness(slots: readonly { dueOn: string; filed: TFiled | null }[], today: string) {
  let onTime = 0;
  let counted = 0;
  for (const s of slots) {
    if (s.filed) {
      counted += 1;
      if (filedOnTime(s.filed.filedOn, s.dueOn)) onTime += 1;
    } else if (today > s.dueOn) counted += 1;
  }
  return { onTime, counted, percent: formatRate(onTime, counted) };
}

/** "87.5%" (cut to one decimal), or "—" when nothing was due. */
export function formatRate(onTime: number, counted: number): string {
  if (counted === 0) return '—';
  const permille = Math.floor((onTime * 1000) / counted);
  return `${Math.floor(permille / 10)}.${permille % 10}%`;
}

/** Fills a template's {{period}}, {{community}}, {{compound}} and {{event}}; an unknown placeholder stays as written. */
export function fillTemplate(template: string, values: { period?: string; community?: string; compound?: string; event?: string }): string {
  return template.replace(/\{\{(period|community|compound|event)\}\}/g, (whole, name: keyof typeof values) => values[name] ?? whole);
}
