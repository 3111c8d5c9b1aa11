import 'server-only';
import { deadlinesFrom } from '@/domain/issues/deadlines';
import { writeAudit } from '@/server/audit';
import { can } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import { officialCalendar } from '@/server/calendar/official-calendar';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { fromChinaLocal, toChinaLocal } from './clock';
import { findHandler, policyOf } from './handlers';
import { ANONYMOUS_LABEL, notify } from './notify';
import { MAX_PHOTOS, preparePhoto } from './photos';
import { getFileStore } from '@/server/files/file-store';
import { randomUUID } from 'node:crypto';

export type TRaiseIssue = {
  categoryId: number;
  title: string;
  description: string;
  compoundId: number;
  buildingId?: number;
  anonymous: boolean;
  /** From the form: the same key twice (a double tap) stores one issue. */
  idempotencyKey: string;
  /** Up to six photos as uploaded; checked, resized and stripped of metadata before anything is stored. */
  photos?: Buffer[];
};

/**
 * A resident raises an issue (verified or not). A verified resident raises it in the communities
 * where they live; staff may raise it on a resident's behalf where they handle issues. The issue is
 * routed to its first responder with deadlines on the working calendar.
 */
export async function raiseIssue(by: TBy, input: TRaiseIssue) {
  const db = getDb();
  const done = await db.issue.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, authorUserId: true } });
  if (done) return done.authorUserId === by.userId ? { id: done.id } : refuse('issue.duplicateKey');

  const ancestry = await ancestryOf(input.buildingId ? { level: 'building', id: input.buildingId } : { level: 'compound', id: input.compoundId });
  if (!ancestry || ancestry.compound !== input.compoundId) return refuse('issue.placeOutside');
  const homes = by.actor.grants.filter((g) => g.role === 'RESIDENT').map((g) => g.place.id);
  const homeCommunities = new Set(
    (await db.building.findMany({ where: { id: { in: homes } }, select: { compound: { select: { communityId: true } } } })).map((b) => b.compound.communityId),
  );
  const staffHere = can(by.actor, 'issue.handle', { ancestry }, by.today);
  if (homeCommunities.size > 0 && !homeCommunities.has(ancestry.community!) && !staffHere) refuse('issue.placeOutside');

  const found = await db.issueCategory.findFirst({ where: { id: input.categoryId, active: true } });
  if (!found) return refuse('issue.categoryUnknown');
  const category = found;
  const now = new Date();
  const d = deadlinesFrom(toChinaLocal(now), policyOf(category), officialCalendar());
  if ((input.photos?.length ?? 0) > MAX_PHOTOS) refuse('photo.tooMany', { max: MAX_PHOTOS });
  const prepared = await Promise.all((input.photos ?? []).map(preparePhoto));
  const store = getFileStore();
  const stored = await Promise.all(prepared.map(async (p) => {
    const key = `issues/${randomUUID()}.jpg`;
    await store.put(key, p.jpeg);
    return { key, ...p };
  }));
  const place = { buildingId: input.buildingId ?? null, compoundId: input.compoundId, communityId: ancestry.community!, streetId: ancestry.street!, districtId: ancestry.district! };

  try {
    return await create();
  } catch (e) {
    // Nothing stored: the photos written for this attempt go too.
    await Promise.all(stored.map((p) => store.remove(p.key)));
    // Two taps racing past the check above: the unique key lets only one through.
    if ((e as { code?: string }).code === 'P2002') {
      const first = await db.issue.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, authorUserId: true } });
      if (first?.authorUserId === by.userId) return { id: first.id };
    }
    throw e;
  }

  async function create() {
  return db.$transaction(async (tx) => {
    const assignee = await findHandler(tx, place, 'COMPOUND', category.handlerRole);
    const issue = await tx.issue.create({
      data: {
        title: input.title, description: input.description, categoryId: category.id, ...place,
        authorUserId: by.userId, anonymous: input.anonymous, assigneeUserId: assignee,
        acknowledgeBy: fromChinaLocal(d.acknowledgeBy), resolveBy: fromChinaLocal(d.resolveBy), idempotencyKey: input.idempotencyKey,
      },
    });
    await tx.issueFollower.create({ data: { issueId: issue.id, userId: by.userId } });
    if (stored.length) {
      await tx.issuePhoto.createMany({ data: stored.map((p) => ({ issueId: issue.id, storageKey: p.key, width: p.width, height: p.height, bytes: p.jpeg.length })) });
    }
    await tx.issueEvent.create({
      data: { issueId: issue.id, actorUserId: input.anonymous ? null : by.userId, actorLabel: input.anonymous ? ANONYMOUS_LABEL : by.label, type: 'SUBMITTED', toState: 'SUBMITTED', level: 'COMPOUND' },
    });
    await notify(tx, [assignee], { kind: 'issue.assigned', issueId: issue.id, title: input.title, body: category.nameZh });
    // The audit names no author for an anonymous issue: nobody but the author may ever learn who it was.
    await writeAudit(tx, {
      actorId: input.anonymous ? null : by.userId, actorLabel: input.anonymous ? ANONYMOUS_LABEL : by.label,
      action: 'issue.raise', entityType: 'Issue', entityId: issue.id, after: { categoryId: category.id, compoundId: input.compoundId, anonymous: input.anonymous },
      communityId: place.communityId, compoundId: place.compoundId,
    });
    return { id: issue.id };
  });
  }
}
