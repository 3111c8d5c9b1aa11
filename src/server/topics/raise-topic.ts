import 'server-only';
import { can } from '@/domain/authz/can';
import { addWorkingDays } from '@/domain/calendar/working-calendar';
import { decidedByCommittee } from '@/domain/topics/deciders';
import { partyOnly } from '@/domain/topics/procedure';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { toChinaLocal, fromChinaLocal } from '@/server/issues/clock';
import { calendarFor } from '@/server/issues/district-settings';
import { categoryFromIssues } from '@/domain/consultation/categories';
import { categoryOf } from '@/server/consultation/categories';
import { markTakenUpAsTopic } from '@/server/issues/topic-seam';
import { once } from '@/server/once';
import { ancestryOf } from '@/server/places/ancestry';
import { procedureOf, proceduresFor } from './procedures';
import { topicEvent } from './topic-core';

/** How a topic in its party-members-first step is named to anyone outside it (decision 052): never by its title. */
export const PARTY_FIRST_TITLE = '议题（党员先议阶段）';

export type TRaiseTopic = {
  title: string;
  description: string;
  /** A compound topic, or (without it) a community topic. */
  compoundId?: number;
  communityId: number;
  procedureId: number;
  /** Resident issues it is taken up from: their reporters follow it; the issues show it. */
  issueIds?: number[];
  assemblyMatter?: number;
  /** Owners' topics about one building's shared parts: only its owners vote (相关业主); none = the whole compound. */
  ownersBuildingIds?: number[];
  /** From the form: the same key twice (a double tap) raises one topic. */
  idempotencyKey?: string;
  /**
   * What it is about (decision 072): a category's id (the form) or a built-in's code (seeds). Without it, a topic
   * taken up from issues whose categories all map to one takes that one; otherwise it is refused in words.
   */
  category?: number | string | null;
};

/** When a step is due: its default duration in working days on the district's calendar, end of day. */
export async function stepDue(districtId: number, days: number, from = new Date()) {
  const cal = await calendarFor(districtId);
  return fromChinaLocal({ date: addWorkingDays(toChinaLocal(from).date, days, cal), minute: 17 * 60 + 30 });
}

/**
 * Staff, council or owners' committee members raise a topic at a place they may raise topics in, from
 * scratch or from resident issues of that place. It starts at step 1 of the district's procedure.
 */
export async function raiseTopic(by: TBy, input: TRaiseTopic) {
  const db = getDb();
  const ancestry = await ancestryOf(
    input.compoundId ? { level: 'compound', id: input.compoundId } : { level: 'community', id: input.communityId },
  );
  if (!ancestry || ancestry.community !== input.communityId) return refuse('topic.placeUnknown');
  if (!can(by.actor, 'topic.raise', { ancestry }, by.today)) refuse('auth.forbidden');
  const procRow = (await proceduresFor(ancestry.district!)).find((p) => p.id === input.procedureId) ?? refuse('procedure.unknown');
  const procedure = procedureOf(procRow);
  if (procedure.code === 'OWNERS_ASSEMBLY' && !input.compoundId) refuse('topic.assemblyNeedsCompound');
  if (decidedByCommittee(procedure.steps) && !input.compoundId) refuse('topic.committeeNeedsCompound');
  if (procedure.code === 'OWNERS_ASSEMBLY' && !(input.assemblyMatter && input.assemblyMatter >= 1 && input.assemblyMatter <= 9))
    refuse('topic.assemblyMatter');
  const buildingIds = procedure.code === 'OWNERS_ASSEMBLY' ? [...new Set(input.ownersBuildingIds ?? [])] : [];
  if (
    buildingIds.length &&
    (await db.building.count({ where: { id: { in: buildingIds }, compoundId: input.compoundId } })) !== buildingIds.length
  )
    refuse('topic.buildingOutside');
  const ids = [...new Set(input.issueIds ?? [])];
  const issues = ids.length
    ? await db.issue.findMany({
        where: { id: { in: ids }, mergedIntoId: null },
        select: {
          id: true,
          communityId: true,
          compoundId: true,
          topicId: true,
          followers: { select: { userId: true } },
          category: { select: { code: true } },
        },
      })
    : [];
  // Issues must exist, lie in the topic's place and not be taken up already.
  if (
    issues.length !== ids.length ||
    issues.some((i) => i.communityId !== input.communityId || (input.compoundId && i.compoundId !== input.compoundId))
  )
    refuse('topic.issueOutside');
  if (issues.some((i) => i.topicId !== null)) refuse('topic.issueTaken');
  const chosen = input.category ?? (issues.length ? categoryFromIssues(issues.map((i) => i.category.code)) : null);
  const category = await categoryOf(ancestry.district!, chosen);
  const due = await stepDue(ancestry.district!, procedure.steps[0]!.days);
  const made = (key: string) =>
    db.topic
      .findUnique({ where: { idempotencyKey: key }, select: { id: true, createdById: true } })
      .then((t) => t && { made: { id: t.id }, madeBy: t.createdById });
  return once(input.idempotencyKey, by.userId, made, () =>
    db.$transaction(async (tx) => {
      const topic = await tx.topic.create({
        data: {
          title: input.title,
          description: input.description,
          procedureId: procRow.id,
          stepDueAt: due,
          districtId: ancestry.district!,
          streetId: ancestry.street!,
          communityId: input.communityId,
          compoundId: input.compoundId ?? null,
          assemblyMatter: procedure.code === 'OWNERS_ASSEMBLY' ? input.assemblyMatter! : null,
          ownersBuildingIds: buildingIds,
          partyOnly: partyOnly(procedure, 0),
          createdById: by.userId,
          idempotencyKey: input.idempotencyKey ?? null,
          categoryId: category.id,
        },
      });
      const followers = new Set([by.userId, ...issues.flatMap((i) => i.followers.map((f) => f.userId))]);
      await tx.topicFollower.createMany({ data: [...followers].map((userId) => ({ topicId: topic.id, userId })) });
      await topicEvent(tx, by, topic, 'RAISED', issues.length ? issues.map((i) => `#${i.id}`).join(' ') : null);
      // A topic the party members see first is not named to the issues' reporters yet (decision 052).
      const named = topic.partyOnly ? PARTY_FIRST_TITLE : topic.title;
      if (issues.length) await markTakenUpAsTopic(tx, by, ids, { id: topic.id, title: named });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'topic.raise',
        entityType: 'Topic',
        entityId: topic.id,
        after: {
          title: input.title,
          procedure: procRow.code,
          version: procRow.version,
          issues: ids,
          ownersBuildingIds: buildingIds,
          category: category.code,
        },
        communityId: input.communityId,
        compoundId: input.compoundId ?? null,
      });
      return { id: topic.id };
    }),
  );
}
