import 'server-only';
import type { TTx } from '@/server/db';

export const ANONYMOUS_LABEL = '匿名居民';

/**
 * Writes inbox notifications (in the transaction of the change). Texts are short and never name the
 * author of an anonymous issue. An e-mail channel would hang off the same call (not configured here).
 */
export async function notify(tx: TTx, userIds: (number | null | undefined)[], n: { kind: string; issueId: number; title: string; body: string }) {
  const ids = [...new Set(userIds.filter((x): x is number => typeof x === 'number'))];
  if (ids.length) await tx.notification.createMany({ data: ids.map((userId) => ({ userId, ...n })) });
}
