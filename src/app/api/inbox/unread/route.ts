import { handler } from '@/features/shared/handler';
import { unreadCount } from '@/server/notifications/inbox';

/** The header's unread count after a navigation inside the app (the page itself renders it for the first load). */
export const GET = handler({
  who: 'signed-in',
  run: async (by) => Response.json({ unread: await unreadCount(by.userId) }, { headers: { 'Cache-Control': 'no-store' } }),
});
