import 'server-only';
import { scopesOf } from '@/domain/authz/can';
import { plannedWhen } from '@/domain/consultation/categories';
import type { ConsultationSource } from '@/generated/prisma/enums';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { categoryOf } from './categories';

/** The community's place, for staff who manage its topics (topic.manage draws up the list). */
export async function communityManaged(by: TBy, communityId: number) {
  const ancestry = await ancestryOf({ level: 'community', id: communityId });
  authorize(by, 'topic.manage', ancestry);
  return ancestry!;
}

/** A list for its community's staff; one of a place they may not manage is refused like one that does not exist. */
export async function managedList(by: TBy, listId: number) {
  const l = (await getDb().consultationList.findUnique({ where: { id: listId } })) ?? refuse('auth.forbidden');
  const ancestry = await communityManaged(by, l.communityId);
  return { ...l, ancestry };
}

/** Staff draw up a community's list for a year: one per community and year (a second tap returns the first). */
export async function createList(by: TBy, communityId: number, year: number) {
  await communityManaged(by, communityId);
  if (!(Number.isInteger(year) && year >= 2000 && year <= 2100)) refuse('consultation.year');
  const db = getDb();
  const existing = () => db.consultationList.findUnique({ where: { communityId_year: { communityId, year } }, select: { id: true } });
  const had = await existing();
  if (had) return had;
  try {
    return await db.$transaction(async (tx) => {
      const l = await tx.consultationList.create({ data: { communityId, year, createdById: by.userId } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'consultationList.create',
        entityType: 'ConsultationList',
        entityId: l.id,
        after: { year },
        communityId,
      });
      return { id: l.id };
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') return (await existing())!;
    throw e;
  }
}

export type TItemInput = {
  title: string;
  description: string;
  categoryId: number;
  quarter: number | null;
  month: number | null;
  source: ConsultationSource;
};

/**
 * A line added to the list: the next line number. After publishing too: the list is then published again, as
 * a correction of the notice before (decision 072). The same matter twice in one list is refused (a double tap).
 */
export async function addItem(by: TBy, listId: number, input: TItemInput) {
  const l = await managedList(by, listId);
  const c = await categoryOf(l.ancestry.district!, input.categoryId);
  const when = plannedWhen(input.quarter, input.month);
  if (when !== 'ok') refuse(when === 'both' ? 'consultation.whenBoth' : 'consultation.when');
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      // One line number at a time per list: the list's row is held until the line is written.
      await tx.$queryRaw`SELECT id FROM "ConsultationList" WHERE id = ${listId} FOR UPDATE`;
      const last = await tx.consultationItem.aggregate({ where: { listId }, _max: { line: true } });
      const item = await tx.consultationItem.create({
        data: { listId, line: (last._max.line ?? 0) + 1, ...input, categoryId: c.id },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'consultationList.item',
        entityType: 'ConsultationItem',
        entityId: item.id,
        after: { line: item.line, title: input.title, category: c.code, quarter: input.quarter, month: input.month, source: input.source },
        communityId: l.communityId,
      });
      return { id: item.id, line: item.line };
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') refuse('consultation.itemTaken', { title: input.title });
    throw e;
  }
}

/** A line struck off (kept, shown struck through on the list; its topics keep their link). */
export async function retireItem(by: TBy, itemId: number) {
  const item = (await getDb().consultationItem.findUnique({ where: { id: itemId } })) ?? refuse('auth.forbidden');
  const l = await managedList(by, item.listId);
  if (item.retiredAt) return;
  await getDb().$transaction(async (tx) => {
    const r = await tx.consultationItem.updateMany({ where: { id: itemId, retiredAt: null }, data: { retiredAt: new Date() } });
    if (r.count !== 1) return;
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'consultationList.item',
      entityType: 'ConsultationItem',
      entityId: itemId,
      before: { line: item.line, title: item.title },
      after: { retired: true },
      communityId: l.communityId,
    });
  });
}

/** The communities whose lists the user draws up (topic.manage there or above), by name. */
export async function managedCommunities(by: TBy) {
  const scopes = scopesOf(by.actor, 'topic.manage', by.today).filter((s) => s.level !== 'compound' && s.level !== 'building');
  if (scopes.length === 0) return [];
  return getDb().community.findMany({
    where: {
      OR: scopes.map((s) =>
        s.level === 'community' ? { id: s.id } : s.level === 'street' ? { streetId: s.id } : { street: { districtId: s.id } },
      ),
    },
    orderBy: { name: 'asc' },
    take: 300,
    select: { id: true, code: true, name: true, street: { select: { districtId: true } } },
  });
}
