import 'server-only';
import { lower } from '@/domain/audit/actions';
import { randomUUID } from 'node:crypto';
import type { TBy } from '@/server/accounts/by';
import { getFileStore } from '@/server/files/file-store';
import { documentType } from '@/server/files/file-types';
import { checkUpload } from '@/server/files/upload-check';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { toChinaLocal } from '@/server/issues/clock';
import { storePhotos } from '@/server/issues/photos';
import { actingAs, anonymousFollowers } from '@/server/people/anonymity';
import { publishTopicNotice } from './notices';
import { loadTopic, notifyTopic, requireParticipant, requireStep, topicEvent } from './topic-core';
import { dateOnly } from '@/server/today';
import { dueDay, taskMove } from '@/domain/topics/tasks';
import { calendarFor } from '@/server/issues/district-settings';
import { notify } from '@/server/issues/notify';
import { resolveOwner, type TOwnerChoice } from './task-assign';
import { actsForOwner, ownerAccounts, ownerColumns, ownerOf } from './task-owners';

/** A contractor's bid while contractors are compared (比选). */
export async function addBid(by: TBy, topicId: number, input: { contractor: string; amountFen: number; note?: string }) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'CONTRACTORS');
  const db = getDb();
  return db.$transaction(async (tx) => {
    const b = await tx.bid.create({
      data: { topicId, contractor: input.contractor, amountFen: input.amountFen, note: input.note ?? null, createdById: by.userId },
    });
    await topicEvent(tx, by, t.topic, 'BID', input.contractor);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topic.bid',
      entityType: 'Bid',
      entityId: b.id,
      after: { topicId, ...input },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
    return { id: b.id };
  });
}

export async function chooseBid(by: TBy, topicId: number, bidId: number, reason: string) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'CONTRACTORS');
  const db = getDb();
  const bid = (await db.bid.findFirst({ where: { id: bidId, topicId } })) ?? refuse('topic.bidUnknown');
  if ((await db.bid.count({ where: { topicId } })) < 2) refuse('topic.bidsTooFew');
  await db.$transaction(async (tx) => {
    await tx.bid.updateMany({ where: { topicId }, data: { chosen: false } });
    await tx.bid.update({ where: { id: bid.id }, data: { chosen: true } });
    await topicEvent(tx, by, t.topic, 'BID_CHOSEN', `${bid.contractor}：${reason}`);
    await notifyTopic(tx, t.topic, 'topic.bidChosen', bid.contractor, by.userId);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topic.chooseBid',
      entityType: 'Bid',
      entityId: bid.id,
      after: { topicId, reason },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
  });
}

/** What the project really cost, for budget against actual (finance publicity), when no expenses are itemised. */
export async function recordActualCost(by: TBy, topicId: number, actualCostFen: number) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'TASKS');
  const db = getDb();
  if (await db.expense.count({ where: { topicId } })) refuse('finance.actualFromExpenses');
  await db.$transaction(async (tx) => {
    await tx.topic.update({ where: { id: topicId }, data: { actualCostFen } });
    await topicEvent(tx, by, t.topic, 'ACTUAL_COST', String(actualCostFen));
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topic.actualCost',
      entityType: 'Topic',
      entityId: topicId,
      before: { actualCostFen: t.topic.actualCostFen },
      after: { actualCostFen },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
  });
}

/**
 * A task of the implementation: its owner (a person, an organisation serving the place, a body of the place; decision
 * 053) — or, as before owners existed, a responsible named in words — and a due date, given as a day or as
 * "N 个工作日" counted on the district's working calendar.
 */
export async function addTask(
  by: TBy,
  topicId: number,
  input: { title: string; owner?: TOwnerChoice; responsible?: string; dueOn?: string; workingDays?: number },
) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'TASKS');
  const today = toChinaLocal(new Date()).date;
  const due =
    input.workingDays !== undefined
      ? dueDay({ workingDays: input.workingDays }, today, await calendarFor(t.topic.districtId))
      : (input.dueOn ?? null);
  if (!due) return refuse('topic.dueInvalid');
  if (due < today) refuse('topic.dueInPast');
  const db = getDb();
  return db.$transaction(async (tx) => {
    const owned = input.owner ? await resolveOwner(tx, t.topic, input.owner, today) : null;
    const responsible = owned?.name ?? input.responsible?.trim() ?? refuse('topic.ownerRequired');
    const task = await tx.topicTask.create({
      data: {
        topicId,
        title: input.title,
        responsible,
        dueOn: dateOnly(due),
        createdById: by.userId,
        ...ownerColumns(owned?.owner ?? null),
      },
    });
    await topicEvent(tx, by, t.topic, 'TASK', `${input.title}（${responsible}，${due}）`);
    await notifyTopic(tx, t.topic, 'topic.task', input.title, by.userId);
    const owners = (await ownerAccounts(tx, owned?.owner ?? null, today)).filter((u) => u !== by.userId);
    await notify(tx, owners, { kind: 'topic.taskAssigned', topicId, title: t.topic.title, body: input.title });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topic.task',
      entityType: 'TopicTask',
      entityId: task.id,
      after: { topicId, title: input.title, responsible, dueOn: due, workingDays: input.workingDays ?? null, owner: owned?.owner ?? null },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
    return { id: task.id };
  });
}

export type TTaskUpdate = { kind: 'PROGRESS' | 'DONE' | 'COMMENT' | 'ACCEPT' | 'SEND_BACK'; body: string; photos?: Buffer[] };

/**
 * "Who is responsible carries it out, who benefits supervises": the task's owner (its accounts; for a task without an
 * owner, those running the step) reports progress with photos and asks for acceptance (DONE); those running the step
 * and the residents of the place and the topic's followers comment and, once it is done, accept it or send it back
 * with a reason. The owner does not accept their own work.
 */
export async function updateTask(by: TBy, topicId: number, taskId: number, input: TTaskUpdate) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'TASKS', { anyActor: true });
  const runs = t.step.actors.some((a) => t.actors.has(a));
  const db = getDb();
  const task = (await db.topicTask.findFirst({ where: { id: taskId, topicId, withdrawnAt: null } })) ?? refuse('topic.taskUnknown');
  const me = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  const owns = ownerOf(task) ? await actsForOwner(db, task.id, by.userId, me.personId, by.today) : runs;
  if (input.kind === 'PROGRESS' || input.kind === 'DONE') {
    if (!owns) refuse(ownerOf(task) ? 'topic.notTaskOwner' : 'topic.notYourStep');
  } else if (input.kind !== 'COMMENT' && owns && ownerOf(task)) refuse('topic.ownAcceptance');
  else if (!runs) await requireParticipant(by, t);
  const move = taskMove(task.status, input.kind === 'COMMENT' ? 'COMMENT' : input.kind, input.body);
  if (!move.ok) return refuse(move.code);
  // A supervisor known to the topic only through an anonymous report comments and accepts as 匿名居民.
  const actor = actingAs(by, !runs && !owns && (await anonymousFollowers(db, topicId)).has(by.userId));
  const { stored, discard } = await storePhotos('topics', input.photos);
  const keys = stored.map((p) => p.key);
  const kind = input.kind === 'SEND_BACK' ? 'SendBack' : `${input.kind[0]}${input.kind.slice(1).toLowerCase()}`;
  try {
    await db.$transaction(async (tx) => {
      if (move.next !== task.status) {
        const r = await tx.topicTask.updateMany({ where: { id: task.id, status: task.status }, data: { status: move.next } });
        if (r.count !== 1) refuse('topic.movedOn');
      }
      await tx.taskUpdate.create({
        data: { taskId: task.id, authorId: by.userId, authorLabel: actor.label, kind: input.kind, body: input.body, photoKeys: keys },
      });
      await topicEvent(tx, actor, t.topic, `TASK_${input.kind}`, `${task.title}：${input.body}`);
      await notifyTopic(tx, t.topic, `topic.task${kind}`, task.title, by.userId);
      if (input.kind === 'SEND_BACK' || input.kind === 'ACCEPT') {
        const owners = (await ownerAccounts(tx, ownerOf(task), by.today)).filter((u) => u !== by.userId);
        await notify(tx, owners, { kind: `topic.task${kind}`, topicId, title: t.topic.title, body: `${task.title}：${input.body}` });
      }
      await writeAudit(tx, {
        actorId: actor.userId,
        actorLabel: actor.label,
        action: `task.${lower(input.kind)}`,
        entityType: 'TopicTask',
        entityId: task.id,
        before: { status: task.status },
        after: { status: move.next, body: input.body, photos: keys.length },
        communityId: t.topic.communityId,
        compoundId: t.topic.compoundId,
      });
    });
  } catch (e) {
    await discard();
    throw e;
  }
}

/** The result notice of the step that publicises results: published once (a second tap returns the same notice). */
export async function publishResultNotice(by: TBy, topicId: number) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'NOTICES');
  const db = getDb();
  return db.$transaction(async (tx) => {
    const { notice: n, fresh } = await publishTopicNotice(tx, t.topic, 'RESULT', by.userId, t.topic.stepIndex);
    if (!fresh) return { id: n.id }; // this step's result notice is out already: the same one
    await topicEvent(tx, by, t.topic, 'NOTICE', n.title);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topic.notice',
      entityType: 'Notice',
      entityId: n.id,
      after: { topicId, kind: 'RESULT' },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
    return { id: n.id };
  });
}

/**
 * An expense of the project with its receipt (PDF or photo, checked by content): the actual cost is the
 * sum of the expenses from then on. A topic without a budgeted plan has no project to spend on.
 */
export async function addExpense(
  by: TBy,
  topicId: number,
  input: { item: string; amountFen: number; paidOn: string; receipt?: { name: string; bytes: Buffer } },
) {
  const t = await loadTopic(by, topicId);
  if (t.topic.status !== 'OPEN') refuse('topic.closed');
  if (t.step.activity !== 'TASKS' && t.step.activity !== 'NOTICES') refuse('topic.notNow');
  if (!t.step.actors.some((a) => t.actors.has(a))) refuse('topic.notYourStep');
  const db = getDb();
  if (!(await db.planVersion.findFirst({ where: { topicId, budgetFen: { not: null } } }))) refuse('finance.noProject');
  let receipt: { key: string; name: string } | null = null;
  if (input.receipt) {
    const b = input.receipt.bytes;
    checkUpload('receipt', [b.length]);
    const type = (await documentType(b)) ?? refuse('notice.fileType');
    receipt = { key: `receipts/${randomUUID()}.${type.ext}`, name: input.receipt.name.slice(0, 120) };
    await getFileStore().put(receipt.key, b);
  }
  try {
    return await db.$transaction(async (tx) => {
      const e = await tx.expense.create({
        data: {
          topicId,
          item: input.item,
          amountFen: input.amountFen,
          paidOn: dateOnly(input.paidOn),
          receiptKey: receipt?.key ?? null,
          receiptName: receipt?.name ?? null,
          createdById: by.userId,
        },
      });
      const sum = await tx.expense.aggregate({ where: { topicId }, _sum: { amountFen: true } });
      await tx.topic.update({ where: { id: topicId }, data: { actualCostFen: sum._sum.amountFen ?? 0 } });
      await topicEvent(tx, by, t.topic, 'EXPENSE', input.item);
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'topic.expense',
        entityType: 'Expense',
        entityId: e.id,
        after: { topicId, ...input, receipt: receipt?.name ?? null },
        communityId: t.topic.communityId,
        compoundId: t.topic.compoundId,
      });
      return { id: e.id };
    });
  } catch (err) {
    if (receipt) await getFileStore().remove(receipt.key);
    throw err;
  }
}
