import { describe, expect, test } from 'vitest';
import { addWorkingDays, dayKind, isCovered } from '@/domain/calendar/working-calendar';
import { officialCalendar } from '@/server/calendar/official-calendar';

describe('the official calendar from chinese-days', () => {
  const cal = officialCalendar();
  test.each([
    ['2026-10-01', 'HOLIDAY'],
    ['2026-10-07', 'HOLIDAY'],
    ['2026-09-20', 'MAKEUP_WORKDAY'],
    ['2026-10-10', 'MAKEUP_WORKDAY'],
    ['2026-02-17', 'HOLIDAY'], // 春节 2026
    ['2026-11-20', 'WORKDAY'],
  ])('%s is %s', (date, kind) => expect(dayKind(date, cal)).toBe(kind));

  test('covers the years it knows, and district additions extend an uncovered year', () => {
    expect(isCovered('2026-12-31', cal)).toBe(true);
    const withNewYear = officialCalendar([{ date: '2027-01-01', kind: 'HOLIDAY' }]);
    expect(addWorkingDays('2026-12-31', 1, withNewYear)).toBe('2027-01-04');
  });
});
