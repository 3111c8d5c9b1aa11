import 'server-only';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';

export type TCategory = { id: number; code: string; nameZh: string; nameEn: string; districtId: number | null };

const SELECT = { id: true, code: true, nameZh: true, nameEn: true, districtId: true } as const;

/** What a district's forms offer: the ten built-ins and its own, not retired, in order. */
export function categoriesFor(districtId: number, db: TDb | TTx = getDb()): Promise<TCategory[]> {
  return db.topicCategory.findMany({
    where: { retiredAt: null, OR: [{ districtId: null }, { districtId }] },
    orderBy: [{ sort: 'asc' }, { id: 'asc' }],
    select: SELECT,
  });
}

/**
 * A category a topic of the district may take: by id (from a form) or by a built-in's code (seeds, the issue
 * mapping). Another district's, a retired one or an unknown one is refused; none at all is refused in words.
 */
export async function categoryOf(districtId: number, category: number | string | null | undefined, db: TDb | TTx = getDb()) {
  if (category === undefined || category === null || category === '') return refuse('consultation.categoryMissing');
  const c = await db.topicCategory.findFirst({
    where: {
      retiredAt: null,
      OR: [{ districtId: null }, { districtId }],
      ...(typeof category === 'number' ? { id: category } : { code: category }),
    },
    orderBy: { districtId: { sort: 'desc', nulls: 'last' } },
    select: SELECT,
  });
  return c ?? refuse('consultation.categoryUnknown');
}

/** A district's own categories, retired ones too (its administrator's page), after the built-ins. */
export async function listCategories(by: TBy, districtId: number) {
  authorize(by, 'topicCategory.manage', { district: districtId });
  return getDb().topicCategory.findMany({
    where: { OR: [{ districtId: null }, { districtId }] },
    orderBy: [
      { districtId: { sort: 'asc', nulls: 'first' } },
      { retiredAt: { sort: 'asc', nulls: 'first' } },
      { sort: 'asc' },
      { id: 'asc' },
    ],
    select: { ...SELECT, retiredAt: true, sort: true, _count: { select: { topics: true } } },
  });
}

export type TCategoryInput = { nameZh: string; nameEn: string };

/** A district adds a category of its own; its code is made from the next free number (D1, D2 …). */
export async function createCategory(by: TBy, districtId: number, input: TCategoryInput) {
  authorize(by, 'topicCategory.manage', { district: districtId });
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.topicCategory.findFirst({ where: { OR: [{ districtId: null }, { districtId }], nameZh: input.nameZh } }))
        refuse('consultation.categoryTaken', { name: input.nameZh });
      const n = await tx.topicCategory.count({ where: { districtId } });
      const c = await tx.topicCategory.create({ data: { districtId, code: `D${n + 1}`, sort: 500 + n, ...input } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'topicCategory.create',
        entityType: 'TopicCategory',
        entityId: c.id,
        after: { code: c.code, ...input },
        districtId,
      });
      return { id: c.id };
    });
  } catch (e) {
    // Two administrators adding at once: the code key lets one through; the other is told to try again.
    if ((e as { code?: string }).code === 'P2002') refuse('consultation.categoryTaken', { name: input.nameZh });
    throw e;
  }
}

/** A district's own category, for its administrator; a built-in or another district's is refused. */
async function ownCategory(by: TBy, id: number) {
  const c = (await getDb().topicCategory.findUnique({ where: { id } })) ?? refuse('auth.forbidden');
  const district = c.districtId ?? refuse('consultation.categoryBuiltIn');
  authorize(by, 'topicCategory.manage', { district });
  return { ...c, districtId: district };
}

export async function renameCategory(by: TBy, id: number, input: TCategoryInput) {
  const before = await ownCategory(by, id);
  await getDb().$transaction(async (tx) => {
    await tx.topicCategory.update({ where: { id }, data: input });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topicCategory.update',
      entityType: 'TopicCategory',
      entityId: id,
      before: { nameZh: before.nameZh, nameEn: before.nameEn },
      after: { ...input },
      districtId: before.districtId,
    });
  });
}

/** Retired: no longer offered; the topics and lines that have it keep it. */
export async function retireCategory(by: TBy, id: number) {
  const before = await ownCategory(by, id);
  if (before.retiredAt) return;
  await getDb().$transaction(async (tx) => {
    const r = await tx.topicCategory.updateMany({ where: { id, retiredAt: null }, data: { retiredAt: new Date() } });
    if (r.count !== 1) return;
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topicCategory.retire',
      entityType: 'TopicCategory',
      entityId: id,
      before: { code: before.code },
      districtId: before.districtId,
    });
  });
}
