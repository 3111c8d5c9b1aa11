import 'server-only';
import { can } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { ancestryOf } from '@/server/places/ancestry';
import { chinaDay } from '@/server/today';
import { categoriesFor } from './categories';
import { linkableItems } from './read';

/**
 * A topic's category and line of the consultation list, for its page (whose reader getTopicForViewer has let
 * in); with what staff who manage it may choose from when they hold topic.manage there.
 */
export async function topicConsultation(by: TBy, topicId: number) {
  const t = await getDb().topic.findUnique({
    where: { id: topicId },
    select: {
      districtId: true,
      communityId: true,
      compoundId: true,
      createdAt: true,
      categoryId: true,
      category: { select: { nameZh: true, nameEn: true } },
      consultationItemId: true,
      consultationItem: { select: { line: true, title: true, list: { select: { year: true } } } },
    },
  });
  if (!t) return null;
  const ancestry = await ancestryOf(t.compoundId ? { level: 'compound', id: t.compoundId } : { level: 'community', id: t.communityId });
  const manages = !!ancestry && can(by.actor, 'topic.manage', { ancestry }, by.today);
  const choices = manages
    ? {
        categories: await categoriesFor(t.districtId),
        items: await linkableItems(t.communityId, Number(chinaDay(t.createdAt).slice(0, 4))),
      }
    : null;
  return { ...t, choices };
}
