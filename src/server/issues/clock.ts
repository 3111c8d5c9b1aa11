import 'server-only';
import type { TLocalTime } from '@/domain/calendar/working-calendar';
import { CHINA_OFFSET_MS as OFFSET_MS, chinaDay } from '@/server/today';

// China has one time zone, UTC+8, and no daylight saving time; the day comes from the one helper (server/today.ts).

export function toChinaLocal(d: Date): TLocalTime {
  const local = new Date(d.getTime() + OFFSET_MS);
  return { date: chinaDay(d), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

export function fromChinaLocal(t: TLocalTime): Date {
  const [y, m, d] = t.date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 0, t.minute) - OFFSET_MS);
}
