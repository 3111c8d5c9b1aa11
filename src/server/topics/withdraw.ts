import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { loadTopic, requireStep, topicEvent, type TLoadedTopic } from './topic-core';

/**
 * Something entered by mistake is withdrawn, never deleted: it stays on the topic struck through, with
 * who withdrew it and why, and counts nowhere (gates, notices). Only before it is published: while the
 * topic is still at the step it was entered in and no notice of the topic has come out since.
 */
async function requireUnpublished(tx: TTx, t: TLoadedTopic, enteredAt: Date) {
  // The topic's row lock: a step change (which publishes) waits for the withdrawal, or the withdrawal sees it.
  const [now] = await tx.$queryRaw<
    { stepIndex: number; status: string }[]
  >`SELECT "stepIndex", status FROM "Topic" WHERE id = ${t.topic.id} FOR UPDATE`;
  if (now?.stepIndex !== t.topic.stepIndex || now.status !== t.topic.status) refuse('topic.movedOn');
  if (await tx.notice.findFirst({ where: { topicId: t.topic.id, publishedAt: { gte: enteredAt } }, select: { id: true } }))
    refuse('topic.alreadyPublished');
}

const withdrawal = (by: TBy, reason: string) => ({ withdrawnAt: new Date(), withdrawnById: by.userId, withdrawReason: reason });

export async function withdrawTask(by: TBy, topicId: number, taskId: number, reason: string) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'TASKS');
  const db = getDb();
  const task = (await db.topicTask.findFirst({ where: { id: taskId, topicId } })) ?? refuse('topic.taskUnknown');
  if (task.withdrawnAt) refuse('topic.withdrawnAlready');
  await db.$transaction(async (tx) => {
    await requireUnpublished(tx, t, task.createdAt);
    const r = await tx.topicTask.updateMany({ where: { id: task.id, withdrawnAt: null }, data: withdrawal(by, reason) });
    if (r.count !== 1) refuse('topic.withdrawnAlready');
    await topicEvent(tx, by, t.topic, 'TASK_WITHDRAWN', `${task.title}：${reason}`);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'task.withdraw',
      entityType: 'TopicTask',
      entityId: task.id,
      before: { title: task.title, status: task.status },
      after: { withdrawn: true, reason },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
  });
}

/** A consensus, opinion or approval record; a withdrawn consensus no longer freezes the plan it agreed. */
export async function withdrawRecord(by: TBy, topicId: number, recordId: number, reason: string) {
  const t = await loadTopic(by, topicId);
  const db = getDb();
  const record = (await db.topicRecord.findFirst({ where: { id: recordId, topicId } })) ?? refuse('record.unknown');
  if (record.stepIndex !== t.topic.stepIndex) refuse('topic.notNow');
  requireStep(t, t.step.activity);
  if (record.withdrawnAt) refuse('topic.withdrawnAlready');
  await db.$transaction(async (tx) => {
    await requireUnpublished(tx, t, record.createdAt);
    const r = await tx.topicRecord.updateMany({ where: { id: record.id, withdrawnAt: null }, data: withdrawal(by, reason) });
    if (r.count !== 1) refuse('topic.withdrawnAlready');
    const plan = record.kind === 'CONSENSUS' ? record.planVersionId : null;
    if (plan && !(await tx.topicRecord.findFirst({ where: { planVersionId: plan, kind: 'CONSENSUS', withdrawnAt: null } }))) {
      await tx.planVersion.update({ where: { id: plan }, data: { frozenAt: null } });
    }
    await topicEvent(tx, by, t.topic, 'RECORD_WITHDRAWN', `${record.statement.slice(0, 40)}：${reason}`);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'record.withdraw',
      entityType: 'TopicRecord',
      entityId: record.id,
      before: { kind: record.kind, statement: record.statement },
      after: { withdrawn: true, reason },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
  });
}
