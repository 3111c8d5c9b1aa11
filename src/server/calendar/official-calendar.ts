import 'server-only';
import { createRequire } from 'node:module';
import { buildCalendar, type TCalendar, type TCalendarEntry } from '@/domain/calendar/working-calendar';

type TPackageData = { holidays: Record<string, string>; workdays: Record<string, string> };

/**
 * China's official holidays and make-up working days from the npm package chinese-days (maintained,
 * updated when the State Council publishes the next year's schedule, usually in November).
 * `additions` are days district admins enter for a year the package does not cover yet; they win.
 */
export function officialCalendar(additions: TCalendarEntry[] = []): TCalendar {
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as TPackageData;
  const entries: TCalendarEntry[] = [
    ...Object.keys(data.holidays).map((date) => ({ date, kind: 'HOLIDAY' as const })),
    ...Object.keys(data.workdays).map((date) => ({ date, kind: 'WORKDAY' as const })),
  ];
  // A year counts as known once the package has it or the district entered a holiday in it (decision 040).
  const years = new Set([...entries, ...additions.filter((e) => e.kind === 'HOLIDAY')].map((e) => Number(e.date.slice(0, 4))));
  return buildCalendar([...entries, ...additions], years);
}
