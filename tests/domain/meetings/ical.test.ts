import { describe, expect, test } from 'vitest';
import { icsFeed, rruleOf, seriesLayout, type TFeedMeeting } from '@/domain/meetings/ical';
import type { TRecurrence } from '@/domain/meetings/meetings';

const at = (date: string, minute = 540, extra: Partial<TFeedMeeting> = {}): TFeedMeeting => ({
  id: Number(date.replace(/-/g, '')) % 100_000,
  start: { date, minute },
  minutes: 120,
  cancelled: false,
  title: '业主接待日',
  location: '物业服务中心',
  ...extra,
});
const S = { id: 1, rule: { freq: 'MONTHLY' as const, monthDays: [6, 26] }, startsOn: '2026-09-01', startMinute: 540, durationMinutes: 120 };

describe('a series in the .ics feed', () => {
  test.each([
    [{ freq: 'MONTHLY', monthDays: [6, 26] }, 'FREQ=MONTHLY;BYMONTHDAY=6,26;UNTIL=20271226T010000Z'],
    [{ freq: 'QUARTERLY', monthDays: [10] }, 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=10;UNTIL=20271226T010000Z'],
    [{ freq: 'WEEKLY', weekdays: [3] }, 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20271226T010000Z'],
  ] as [TRecurrence, string][])('%j is %s', (rule, words) => expect(rruleOf(rule, new Date('2027-12-26T01:00:00Z'))).toBe(words));

  test('moved, cancelled and retimed meetings: the rule runs from the first to the last on its day, the others apart', () => {
    const moved = at('2026-09-07'); // the 6th was a Sunday
    const cancelled = at('2026-10-26', 540, { cancelled: true });
    const later = at('2026-11-06', 600); // 10:00 instead of 9:00
    const layout = seriesLayout(
      S,
      [moved, at('2026-09-26'), at('2026-10-06'), cancelled, later, at('2026-11-26')],
      '2026-01-01',
      '2027-12-31',
    );
    expect(layout).toEqual({ first: '2026-09-26', last: '2026-11-26', exdates: ['2026-10-26', '2026-11-06'], apart: [moved, later] });
  });

  test('text is escaped, long lines folded at 75 octets without splitting a character, lines end in CRLF', () => {
    const feed = icsFeed({
      name: '棠湖社区 议事日程',
      now: new Date('2026-12-03T00:00:00Z'),
      from: '2026-01-01',
      to: '2027-12-31',
      meetings: [{ ...at('2026-12-07'), seriesId: null, title: '议事会, 第一次; 讨论'.repeat(4) }],
      series: [],
      meetingUrl: (id) => `https://yishi.example.gov.cn/meetings/${id}`,
      seriesUrl: 'https://yishi.example.gov.cn/places/c/1/meetings',
    });
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(feed.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(feed.replace(/\r\n /g, '')).toContain('SUMMARY:议事会\\, 第一次\\; 讨论');
    expect(feed).toContain('DTSTART;TZID=Asia/Shanghai:20261207T090000\r\nDTEND;TZID=Asia/Shanghai:20261207T110000');
  });
});
