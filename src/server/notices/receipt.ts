import 'server-only';
import { can } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { getFileStore } from '@/server/files/file-store';
import { topicAncestry } from '@/server/topics/standing';
import { PUBLISHED_FINANCE } from './read-board';

/**
 * An expense's receipt (decision 031): public (and cacheable) when its topic is on the public finance page —
 * the same "published" rule as financeOf — else only for those who read topics at its place (staff, members).
 * Null when missing or not theirs: the route answers 404 either way.
 */
export async function expenseReceipt(
  by: TBy | null,
  expenseId: number,
): Promise<{ bytes: Buffer; cacheable: boolean; key: string; name: string | null } | null> {
  const db = getDb();
  const e = await db.expense.findUnique({ where: { id: expenseId }, select: { receiptKey: true, receiptName: true, topicId: true } });
  if (!e?.receiptKey) return null;
  const published = (await db.topic.count({ where: { id: e.topicId, ...PUBLISHED_FINANCE } })) > 0;
  if (!published) {
    const topic = await db.topic.findUniqueOrThrow({ where: { id: e.topicId }, select: { compoundId: true, communityId: true } });
    const ancestry = await topicAncestry(topic);
    if (!by || !ancestry || !can(by.actor, 'topic.read', { ancestry }, by.today)) return null;
  }
  const bytes = await getFileStore().get(e.receiptKey);
  return bytes ? { bytes, cacheable: published, key: e.receiptKey, name: e.receiptName } : null;
}
