import { z } from 'zod';
import { icsFeed } from '@/domain/meetings/ical';
import type { TRecurrence } from '@/domain/meetings/meetings';
import { publicUrl } from '@/env';
import { handler } from '@/features/shared/handler';
import { fromChinaLocal, toChinaLocal } from '@/server/issues/clock';
import { feedOf } from '@/server/meetings/read-meetings';
import { fromDateOnly, thisYear } from '@/server/today';

/**
 * The community's meetings of this year and the whole of next year as an iCalendar feed people can subscribe to:
 * a series is one repeating event (RRULE, EXDATE), the rest one event each (issue 17, item 9).
 */
export const GET = handler({
  who: 'public',
  input: z.object({ code: z.string() }),
  run: async (_, { code }) => {
    const year = thisYear();
    const [from, to] = [`${year}-01-01`, `${year + 1}-12-31`];
    const feed = await feedOf(code, from, to);
    if (!feed) return new Response('Not found', { status: 404 });
    const body = icsFeed({
      name: `${feed.community.name} 议事日程`,
      now: new Date(),
      from,
      to,
      meetings: feed.meetings.map((m) => ({
        id: m.id,
        seriesId: m.seriesId,
        start: toChinaLocal(m.startsAt),
        minutes: Math.round((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000),
        cancelled: m.status === 'CANCELLED',
        title: m.title,
        location: m.location,
        label: m.type?.nameZh,
      })),
      series: feed.series.map((s) => ({
        ...s,
        label: s.type?.nameZh,
        rule: s.rule as TRecurrence,
        startsOn: fromDateOnly(s.startsOn),
        untilAt: (day: string) => fromChinaLocal({ date: day, minute: s.startMinute }),
      })),
      meetingUrl: (id) => publicUrl(`/meetings/${id}`),
      seriesUrl: publicUrl(`/places/c/${code}/meetings`),
    });
    return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'public, max-age=600' } });
  },
});
