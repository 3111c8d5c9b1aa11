import 'server-only';
import type { TTx } from '@/server/db';

/**
 * Writes inbox notifications (in the transaction of the change). Texts are short and never name the
 * author of an anonymous issue. Users who gave an e-mail address also get a copy: the notification
 * is marked PENDING, and the mail job sends it after the change committed (src/server/mail/outbox.ts).
 * A reminder passes `onceKey`: a user already holding a notification with that key gets nothing more (a unique key
 * decides, whatever runs at the same time — decision 057). Returns how many notifications were written.
 */
export async function notify(
  tx: TTx,
  userIds: (number | null | undefined)[],
  n: { kind: string; issueId?: number; topicId?: number; link?: string; title: string; body: string; onceKey?: string },
): Promise<number> {
  const ids = [...new Set(userIds.filter((x): x is number => typeof x === 'number' && x > 0))];
  if (ids.length === 0) return 0;
  const withEmail = new Set(
    (await tx.user.findMany({ where: { id: { in: ids }, email: { not: null } }, select: { id: true } })).map((u) => u.id),
  );
  const written = await tx.notification.createMany({
    data: ids.map((userId) => ({ userId, ...n, emailStatus: withEmail.has(userId) ? ('PENDING' as const) : null })),
    skipDuplicates: n.onceKey !== undefined,
  });
  return written.count;
}
