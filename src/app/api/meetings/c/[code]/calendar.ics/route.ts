import { createEvents, type EventAttributes } from 'ics';
import { z } from 'zod';
import { publicUrl } from '@/env';
import { handler } from '@/features/shared/handler';
import { calendarOf } from '@/server/meetings/read-meetings';
import { thisYear } from '@/server/today';

/** The community's meetings of this and next year as an iCalendar feed people can subscribe to. */
export const GET = handler({
  who: 'public',
  input: z.object({ code: z.string() }),
  run: async (_, { code }) => {
    const year = thisYear();
    const [a, b] = await Promise.all([calendarOf(code, year), calendarOf(code, year + 1)]);
    if (!a || !b) return new Response('Not found', { status: 404 });
    const events: EventAttributes[] = [...a.meetings, ...b.meetings].map((m) => ({
      uid: `meeting-${m.id}@yishi`,
      title: m.title,
      location: m.location,
      start: m.startsAt.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: m.endsAt.getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      url: publicUrl(`/meetings/${m.id}`),
      calName: `${a.community.name} 议事日程`,
      productId: 'yishi/meetings',
    }));
    const { error, value } = createEvents(events);
    if (error || !value) return new Response('Calendar unavailable', { status: 500 });
    return new Response(value, { headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'public, max-age=600' } });
  },
});
