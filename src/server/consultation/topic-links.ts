import 'server-only';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { chinaDay } from '@/server/today';
import { categoryOf } from './categories';

/** A topic for staff who manage topics at its place; one they may not manage is refused like one that does not exist. */
async function managedTopic(by: TBy, topicId: number) {
  const t =
    (await getDb().topic.findUnique({
      where: { id: topicId },
      select: {
        id: true,
        districtId: true,
        communityId: true,
        compoundId: true,
        createdAt: true,
        categoryId: true,
        consultationItemId: true,
        category: { select: { code: true } },
      },
    })) ?? refuse('auth.forbidden');
  const ancestry = await ancestryOf(t.compoundId ? { level: 'compound', id: t.compoundId } : { level: 'community', id: t.communityId });
  authorize(by, 'topic.manage', ancestry);
  return t;
}

/** Staff with topic.manage change what a topic is about (audited consultationList.categorise). */
export async function setTopicCategory(by: TBy, topicId: number, categoryId: number) {
  const t = await managedTopic(by, topicId);
  const c = await categoryOf(t.districtId, categoryId);
  if (c.id === t.categoryId) return;
  await getDb().$transaction(async (tx) => {
    await tx.topic.update({ where: { id: t.id }, data: { categoryId: c.id } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'consultationList.categorise',
      entityType: 'Topic',
      entityId: t.id,
      before: { category: t.category.code },
      after: { category: c.code },
      communityId: t.communityId,
      compoundId: t.compoundId,
    });
  });
}

/**
 * Staff with topic.manage say which line of the community's consultation list a topic carries out, or none (null).
 * The line must be of the topic's own community (a trigger says so too), not retired, and of a list for the year
 * the topic was raised or a later one (a topic raised in December may open next year's line; never an old list's).
 */
export async function linkTopic(by: TBy, topicId: number, itemId: number | null) {
  const t = await managedTopic(by, topicId);
  const db = getDb();
  let item: { id: number; line: number; list: { year: number } } | null = null;
  if (itemId !== null) {
    const i = await db.consultationItem.findUnique({
      where: { id: itemId },
      select: { id: true, line: true, retiredAt: true, list: { select: { communityId: true, year: true } } },
    });
    if (!i || i.list.communityId !== t.communityId) return refuse('consultation.itemOtherCommunity');
    if (i.retiredAt) refuse('consultation.itemRetired');
    if (i.list.year < Number(chinaDay(t.createdAt).slice(0, 4))) refuse('consultation.itemOlderList', { year: i.list.year });
    item = i;
  }
  if ((item?.id ?? null) === t.consultationItemId) return;
  await db.$transaction(async (tx) => {
    await tx.topic.update({ where: { id: t.id }, data: { consultationItemId: item?.id ?? null } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'consultationList.link',
      entityType: 'Topic',
      entityId: t.id,
      before: { item: t.consultationItemId },
      after: { item: item?.id ?? null, year: item?.list.year ?? null, line: item?.line ?? null },
      communityId: t.communityId,
      compoundId: t.compoundId,
    });
  });
}
