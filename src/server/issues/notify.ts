import 'server-only';
import type { TTx } from '@/server/db';

/**
 * Writes inbox notifications (in the transaction of the change). Texts are short and never name the
 * author of an anonymous issue. Copies by e-mail and SMS are not decided here: the database's trigger
 * route_notifications() writes a Delivery row per channel the user chose, in this same transaction, for every
 * notification whoever inserts it (decision 056); the channels' jobs send them after the change committed.
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
  const written = await tx.notification.createMany({
    data: ids.map((userId) => ({ userId, ...n })),
    skipDuplicates: n.onceKey !== undefined,
  });
  return written.count;
}
