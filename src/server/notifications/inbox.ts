import 'server-only';
import { groupInbox, subjectOf } from '@/domain/notifications/inbox-groups';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';

/** How many of the newest notifications the inbox groups (older ones are read, or were long ago). */
const INBOX_DEPTH = 200;

/** The header's badge: the user's own unread notifications (an index on userId, readAt answers it). */
export function unreadCount(userId: number): Promise<number> {
  return getDb().notification.count({ where: { userId, readAt: null } });
}

/** The inbox as one entry per topic, issue or linked thing, newest first (decision 057). */
export async function inboxView(userId: number) {
  const db = getDb();
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: { id: 'desc' },
      take: INBOX_DEPTH,
      select: { id: true, at: true, kind: true, title: true, body: true, topicId: true, issueId: true, link: true, readAt: true },
    }),
    unreadCount(userId),
  ]);
  return { groups: groupInbox(items), unread };
}

/** Where a notification leads: its link, else its topic or issue, else the inbox. */
const targetOf = (n: { link: string | null; topicId: number | null; issueId: number | null }) =>
  n.link ?? (n.topicId ? `/topics/${n.topicId}` : n.issueId ? `/issues/${n.issueId}` : '/inbox');

/**
 * Opening an entry: it and every other unread notification of the user about the same subject are read (they lead
 * to the same page). Returns the path it leads to. Another user's notification is refused, and nothing changes.
 */
export async function openNotification(userId: number, id: number): Promise<string> {
  const db = getDb();
  const n = await db.notification.findUnique({
    where: { id },
    select: { id: true, userId: true, topicId: true, issueId: true, link: true },
  });
  if (!n || n.userId !== userId) return refuse('auth.forbidden');
  const subject = subjectOf(n);
  const same = subject.startsWith('topic:')
    ? { topicId: n.topicId }
    : subject.startsWith('issue:')
      ? { topicId: null, issueId: n.issueId }
      : subject.startsWith('link:')
        ? { topicId: null, issueId: null, link: n.link }
        : { id: n.id };
  await db.notification.updateMany({ where: { userId, readAt: null, ...same }, data: { readAt: new Date() } });
  return targetOf(n);
}
