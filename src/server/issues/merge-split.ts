import 'server-only';
import { deadlinesFrom } from '@/domain/issues/deadlines';
import { isOpen } from '@/domain/issues/lifecycle';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { calendarFor, categoryFor } from './district-settings';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { once } from '@/server/once';
import { fromChinaLocal, toChinaLocal } from './clock';
import { issueAncestry, policyOf, standing } from './handlers';
import { notify } from './notify';

async function handledByActor(
  by: TBy,
  issue: {
    buildingId: number | null;
    compoundId: number | null;
    communityId: number;
    level: 'COMPOUND' | 'COMMUNITY' | 'STREET' | 'DISTRICT';
  },
) {
  const ancestry = await issueAncestry(issue);
  return !!ancestry && standing(by.actor, ancestry, issue.level, by.today) !== null;
}

/**
 * Merges duplicates into one issue: the duplicates leave every queue, and their reporters follow the
 * kept issue, so they hear of everything that happens to it. The actor must handle all of them.
 */
export async function mergeIssues(by: TBy, keepId: number, duplicateIds: number[]) {
  const ids = [...new Set(duplicateIds)].filter((id) => id !== keepId);
  if (ids.length === 0) refuse('issue.mergeNothing');
  const db = getDb();
  const issues = await db.issue.findMany({ where: { id: { in: [keepId, ...ids] } }, include: { followers: true } });
  if (issues.length !== ids.length + 1) return refuse('auth.forbidden');
  for (const i of issues) if (!(await handledByActor(by, i))) return refuse('auth.forbidden');
  if (issues.some((i) => i.mergedIntoId !== null || !isOpen(i.state))) refuse('issue.wrongState');
  const keep = issues.find((i) => i.id === keepId)!;
  await db.$transaction(async (tx) => {
    // Another handler may be merging the same issues the other way round: lock them all in id order
    // (no deadlock), then check again what the lock holders left. A trigger refuses a merge into a merged issue.
    await lockIssues(tx, [keepId, ...ids]);
    const now = await tx.issue.findMany({ where: { id: { in: [keepId, ...ids] } }, select: { mergedIntoId: true, state: true } });
    if (now.some((i) => i.mergedIntoId !== null || !isOpen(i.state))) refuse('issue.changedMeanwhile');
    await tx.issue.updateMany({ where: { id: { in: ids } }, data: { mergedIntoId: keepId } });
    const reporters = new Set(issues.filter((i) => i.id !== keepId).flatMap((i) => i.followers.map((f) => f.userId)));
    for (const userId of reporters) {
      await tx.issueFollower.upsert({
        where: { issueId_userId: { issueId: keepId, userId } },
        create: { issueId: keepId, userId },
        update: {},
      });
    }
    for (const id of ids) {
      await tx.issueEvent.create({
        data: { issueId: id, actorUserId: by.userId, actorLabel: by.label, type: 'MERGED_INTO', message: `#${keepId}` },
      });
    }
    await tx.issueEvent.create({
      data: { issueId: keepId, actorUserId: by.userId, actorLabel: by.label, type: 'MERGED', message: ids.map((id) => `#${id}`).join(' ') },
    });
    await notify(
      tx,
      [...reporters].filter((u) => u !== by.userId),
      { kind: 'issue.merged', issueId: keepId, title: keep.title, body: `#${keepId}` },
    );
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'issue.merge',
      entityType: 'Issue',
      entityId: keepId,
      after: { merged: ids },
      communityId: keep.communityId,
      compoundId: keep.compoundId,
    });
  });
}

/** Row locks on these issues until the transaction ends, always taken in id order. */
async function lockIssues(tx: TTx, ids: number[]) {
  await tx.$queryRaw`SELECT id FROM "Issue" WHERE id = ANY(${[...new Set(ids)].sort((a, b) => a - b)}::int[]) ORDER BY id FOR UPDATE`;
}

/**
 * Splits one matter out of an issue into a new issue of its own (same reporters, place and
 * anonymity; its own category and fresh deadlines), handled like any other.
 */
export async function splitIssue(
  by: TBy,
  fromId: number,
  input: { title: string; description: string; categoryId?: number; idempotencyKey?: string },
) {
  const db = getDb();
  const from = await db.issue.findUnique({ where: { id: fromId }, include: { followers: true, category: true } });
  if (!from || !(await handledByActor(by, from))) return refuse('auth.forbidden');
  if (from.mergedIntoId !== null || !isOpen(from.state)) refuse('issue.wrongState');
  const category = input.categoryId ? await categoryFor(from.districtId, input.categoryId) : from.category;
  if (!category) return refuse('issue.categoryUnknown');
  const d = deadlinesFrom(toChinaLocal(new Date()), policyOf(category), await calendarFor(from.districtId));
  // Made by: whoever split it off (the first event of the new issue).
  const made = async (key: string) =>
    db.issue
      .findUnique({
        where: { idempotencyKey: key },
        select: { id: true, events: { where: { type: 'SPLIT_FROM' }, select: { actorUserId: true } } },
      })
      .then((i) => i && { made: { id: i.id }, madeBy: i.events[0]?.actorUserId ?? null });
  return once(input.idempotencyKey, by.userId, made, () =>
    db.$transaction(async (tx) => {
      const issue = await tx.issue.create({
        data: {
          title: input.title,
          description: input.description,
          categoryId: category.id,
          districtId: from.districtId,
          streetId: from.streetId,
          communityId: from.communityId,
          compoundId: from.compoundId,
          buildingId: from.buildingId,
          authorUserId: from.authorUserId,
          anonymous: from.anonymous,
          assigneeUserId: from.assigneeUserId,
          level: from.level,
          acknowledgeBy: fromChinaLocal(d.acknowledgeBy),
          resolveBy: fromChinaLocal(d.resolveBy),
          idempotencyKey: input.idempotencyKey ?? null,
        },
      });
      await tx.issueFollower.createMany({ data: from.followers.map((f) => ({ issueId: issue.id, userId: f.userId })) });
      await tx.issueEvent.create({
        data: {
          issueId: issue.id,
          actorUserId: by.userId,
          actorLabel: by.label,
          type: 'SPLIT_FROM',
          toState: 'SUBMITTED',
          level: from.level,
          message: `#${fromId}`,
        },
      });
      await tx.issueEvent.create({
        data: { issueId: fromId, actorUserId: by.userId, actorLabel: by.label, type: 'SPLIT', message: `#${issue.id}` },
      });
      await notify(
        tx,
        from.followers.map((f) => f.userId),
        { kind: 'issue.split', issueId: issue.id, title: input.title, body: `#${fromId}` },
      );
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'issue.split',
        entityType: 'Issue',
        entityId: issue.id,
        after: { from: fromId, title: input.title },
        communityId: from.communityId,
        compoundId: from.compoundId,
      });
      return { id: issue.id };
    }),
  );
}
