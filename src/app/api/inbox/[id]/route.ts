import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { localizedPath } from '@/i18n/paths';
import { locales, routing, type TLocale } from '@/i18n/routing';
import { openNotification } from '@/server/notifications/inbox';

/**
 * Opening an inbox entry (a plain link, so it works without JavaScript): marks it and the rest of its group read, and
 * goes where it leads, in the inbox's language. Someone else's entry is the plain "not found".
 */
export const GET = handler({
  who: 'signed-in',
  input: z.object({ id: ZRouteId, l: z.enum(locales as unknown as [TLocale, ...TLocale[]]).default(routing.defaultLocale) }),
  run: async (by, { id, l }) =>
    new Response(null, {
      status: 303,
      headers: { Location: localizedPath(await openNotification(by.userId, id), l), 'Cache-Control': 'no-store' },
    }),
});
