import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { loadTopic, notifyTopic, requireStep, topicEvent } from './topic-core';
import { dateOnly, todayDateOnly } from '@/server/today';

export type TPlanInput = {
  title: string;
  body: string;
  convention: boolean;
  budgetFen?: number;
  funding: { source: string; amountFen: number }[];
  budgetLines?: { item: string; amountFen: number }[];
};

/** Budget lines, when given, make the budget (or must add up to it). */
function withLines(input: TPlanInput): TPlanInput {
  const lines = input.budgetLines ?? [];
  if (!lines.length) return input;
  const sum = lines.reduce((a, l) => a + l.amountFen, 0);
  if (input.budgetFen !== undefined && input.budgetFen !== sum) refuse('plan.linesSum');
  return { ...input, budgetFen: sum };
}

/** A new version of the plan (or convention) while it is drafted; earlier versions stay as they were. */
export async function addPlanVersion(by: TBy, topicId: number, raw: TPlanInput) {
  const t = await loadTopic(by, topicId);
  const input = withLines(raw);
  requireStep(t, 'PLAN');
  if (input.funding.length && input.budgetFen === undefined) refuse('plan.fundingWithoutBudget');
  if (input.budgetFen !== undefined && input.funding.length && input.funding.reduce((a, f) => a + f.amountFen, 0) !== input.budgetFen)
    refuse('plan.fundingSum');
  const db = getDb();
  return db.$transaction(async (tx) => {
    const last = await tx.planVersion.findFirst({ where: { topicId }, orderBy: { version: 'desc' }, select: { version: true } });
    const v = await tx.planVersion.create({
      data: {
        topicId,
        version: (last?.version ?? 0) + 1,
        convention: input.convention,
        title: input.title,
        body: input.body,
        budgetFen: input.budgetFen ?? null,
        funding: input.funding,
        budgetLines: input.budgetLines ?? [],
        createdById: by.userId,
      },
    });
    await topicEvent(tx, by, t.topic, 'PLAN_VERSION', `第 ${v.version} 版：${input.title}`);
    await notifyTopic(tx, t.topic, 'topic.plan', `第 ${v.version} 版`, by.userId);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'plan.version',
      entityType: 'PlanVersion',
      entityId: v.id,
      after: { topicId, version: v.version, budgetFen: input.budgetFen ?? null },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
    return { id: v.id, version: v.version };
  });
}

/** Corrects the latest version before anyone agreed it; an agreed (frozen) version never changes. */
export async function correctPlanVersion(by: TBy, topicId: number, versionId: number, input: TPlanInput) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'PLAN');
  const db = getDb();
  const v = (await db.planVersion.findFirst({ where: { id: versionId, topicId } })) ?? refuse('plan.unknown');
  if (v.frozenAt) refuse('plan.frozen');
  const latest = await db.planVersion.findFirst({ where: { topicId }, orderBy: { version: 'desc' }, select: { id: true } });
  if (latest?.id !== v.id) refuse('plan.notLatest');
  await db.$transaction(async (tx) => {
    const r = await tx.planVersion.updateMany({
      where: { id: v.id, frozenAt: null },
      data: {
        title: input.title,
        body: input.body,
        convention: input.convention,
        budgetFen: input.budgetFen ?? null,
        funding: input.funding,
      },
    });
    if (r.count !== 1) refuse('plan.frozen');
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'plan.correct',
      entityType: 'PlanVersion',
      entityId: v.id,
      before: { title: v.title, body: v.body, budgetFen: v.budgetFen },
      after: { title: input.title, body: input.body, budgetFen: input.budgetFen ?? null },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
  });
}

export type TRecordInput = { statement: string; participants: string[]; heldOn: string; planVersionId?: number };

/**
 * The consultation meeting's record: who took part, what was agreed, and the plan version agreed —
 * which is frozen from then on. In a consultation (no vote) it is the opinion reached.
 * (The meetings capability will attach its minutes and attendance here.)
 */
export async function recordConsensus(by: TBy, topicId: number, input: TRecordInput) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'CONSENSUS');
  const opinion = t.step.gates.some((g) => g.kind === 'OPINION_RECORDED');
  const db = getDb();
  const latest = await db.planVersion.findFirst({ where: { topicId }, orderBy: { version: 'desc' } });
  if (!opinion) {
    if (!latest) refuse('topic.gate.PLAN_VERSION');
    if (input.planVersionId !== latest!.id) refuse('plan.notLatest');
  }
  if (input.participants.length === 0) refuse('record.noParticipants');
  return db.$transaction(async (tx) => {
    const r = await tx.topicRecord.create({
      data: {
        topicId,
        stepIndex: t.topic.stepIndex,
        kind: opinion ? 'OPINION' : 'CONSENSUS',
        planVersionId: opinion ? null : latest!.id,
        statement: input.statement,
        participants: input.participants,
        heldOn: dateOnly(input.heldOn),
        byUserId: by.userId,
      },
    });
    if (!opinion) await tx.planVersion.update({ where: { id: latest!.id }, data: { frozenAt: new Date() } });
    await topicEvent(
      tx,
      by,
      t.topic,
      opinion ? 'OPINION' : 'CONSENSUS',
      opinion ? input.statement : `第 ${latest!.version} 版方案达成共识`,
    );
    await notifyTopic(tx, t.topic, 'topic.consensus', input.statement.slice(0, 60), by.userId);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: opinion ? 'topic.opinion' : 'topic.consensus',
      entityType: 'TopicRecord',
      entityId: r.id,
      after: { topicId, planVersionId: r.planVersionId, participants: input.participants.length },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
    return { id: r.id };
  });
}

/** The party branch approves (or sends back) a major matter before it proceeds (scenario S4). */
export async function recordApproval(by: TBy, topicId: number, input: { approved: boolean; comment: string }) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'APPROVAL');
  const db = getDb();
  return db.$transaction(async (tx) => {
    const r = await tx.topicRecord.create({
      data: {
        topicId,
        stepIndex: t.topic.stepIndex,
        kind: input.approved ? 'APPROVAL' : 'REJECTION',
        statement: input.comment,
        participants: [by.label],
        heldOn: todayDateOnly(),
        byUserId: by.userId,
      },
    });
    await topicEvent(tx, by, t.topic, input.approved ? 'APPROVED' : 'REJECTED', input.comment);
    await notifyTopic(tx, t.topic, input.approved ? 'topic.approved' : 'topic.rejected', input.comment.slice(0, 60), by.userId);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: input.approved ? 'topic.approve' : 'topic.reject',
      entityType: 'TopicRecord',
      entityId: r.id,
      after: { topicId, comment: input.comment },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
    return { id: r.id };
  });
}
