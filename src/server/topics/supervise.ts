import 'server-only';
import type { TSupervisionLevel } from '@/domain/topics/supervision';
import { authorize, type TBy } from '@/server/accounts/by';
import type { TAuditEntity } from '@/domain/audit/actions';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { notify } from '@/server/issues/notify';
import { inForceOn } from '@/server/today';
import { supervisionScope, supervisorsOf } from './supervisors';
import { topicAncestry } from './standing';
import { actsForOwner, ownerAccounts, ownerColumns, ownerOf, type TTaskOwner } from './task-owners';
import { topicEvent } from './topic-core';

/**
 * 催办 and take-over (decision 049). Held with topic.supervise: a late task or step escalated to the street is the
 * street's (its staff, the district); before that the community's secretary may act too. Only what is overdue and
 * still to do can be pressed or taken over.
 */
async function requireSupervisor(by: TBy, topic: { compoundId: number | null; communityId: number }, level: TSupervisionLevel) {
  const ancestry = await topicAncestry(topic);
  authorize(by, 'topic.supervise', ancestry && supervisionScope(ancestry, level));
  return ancestry!;
}

async function loadLateTask(by: TBy, taskId: number) {
  const task = await getDb().topicTask.findUnique({ where: { id: taskId }, include: { topic: true } });
  if (!task) return refuse('auth.forbidden');
  await requireSupervisor(by, task.topic, task.superviseLevel);
  if (task.status !== 'OPEN' || task.withdrawnAt || task.topic.status !== 'OPEN') refuse('supervise.done');
  if (!task.overdueSince) refuse('supervise.notOverdue');
  return task;
}

async function loadLateStep(by: TBy, topicId: number) {
  const topic = await getDb().topic.findUnique({ where: { id: topicId } });
  if (!topic) return refuse('auth.forbidden');
  await requireSupervisor(by, topic, topic.stepLevel);
  if (topic.status !== 'OPEN') refuse('supervise.done');
  if (!topic.stepOverdueSince) refuse('supervise.notOverdue');
  return topic;
}

type TAudit = {
  action: 'topic.press' | 'topic.pressAnswer' | 'topic.taskTakeOver' | 'topic.stepTakeOver';
  entityType: TAuditEntity;
  entityId: number;
};
async function audit(tx: TTx, by: TBy, topic: { communityId: number; compoundId: number | null }, a: TAudit, after: object) {
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: a.action,
    entityType: a.entityType,
    entityId: a.entityId,
    before: {},
    after,
    communityId: topic.communityId,
    compoundId: topic.compoundId,
  });
}

/** 催办 a late task: the press is recorded, the owner's accounts and the secretaries told, the timeline shows it. */
export async function pressTask(by: TBy, taskId: number, message: string) {
  const task = await loadLateTask(by, taskId);
  return getDb().$transaction(async (tx) => {
    const press = await tx.topicPress.create({ data: { topicId: task.topicId, taskId, byUserId: by.userId, byLabel: by.label, message } });
    await topicEvent(tx, by, task.topic, 'PRESSED', `${task.title}：${message}`);
    const owners = await ownerAccounts(tx, ownerOf(task), by.today);
    const supervisors = await supervisorsOf(tx, task.topic, 'OWNER', by.today);
    await notify(
      tx,
      [...owners, ...supervisors].filter((u) => u !== by.userId),
      {
        kind: 'supervise.press',
        topicId: task.topicId,
        title: task.title,
        body: message,
      },
    );
    await audit(tx, by, task.topic, { action: 'topic.press', entityType: 'TopicPress', entityId: press.id }, { taskId, message });
    return press;
  });
}

/** 催办 a late step: those who run it (the secretaries, the compound's branch) are told. */
export async function pressStep(by: TBy, topicId: number, message: string) {
  const topic = await loadLateStep(by, topicId);
  return getDb().$transaction(async (tx) => {
    const press = await tx.topicPress.create({
      data: { topicId, stepIndex: topic.stepIndex, byUserId: by.userId, byLabel: by.label, message },
    });
    await topicEvent(tx, by, topic, 'PRESSED', message);
    const to = (await supervisorsOf(tx, topic, 'OWNER', by.today)).filter((u) => u !== by.userId);
    await notify(tx, to, { kind: 'supervise.press', topicId, title: topic.title, body: message });
    await audit(
      tx,
      by,
      topic,
      { action: 'topic.press', entityType: 'TopicPress', entityId: press.id },
      { stepIndex: topic.stepIndex, message },
    );
    return press;
  });
}

/** The presses of a topic still waiting for this account's answer: its tasks' owners', its steps' secretaries'. */
export async function openPressesFor(by: TBy, topicId: number) {
  const db = getDb();
  const open = await db.topicPress.findMany({
    where: { topicId, answeredAt: null },
    include: { topic: true, task: { select: { title: true } } },
    orderBy: { id: 'asc' },
  });
  if (open.length === 0) return [];
  const me = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  const secretaries = await supervisorsOf(db, open[0]!.topic, 'OWNER', by.today);
  const mine = [];
  for (const p of open)
    if (p.taskId !== null ? await actsForOwner(db, p.taskId, by.userId, me.personId, by.today) : secretaries.includes(by.userId))
      mine.push({ id: p.id, byLabel: p.byLabel, at: p.at, message: p.message, taskTitle: p.task?.title ?? null });
  return mine;
}

/** The owner answers a press of their task (a step's press: its secretaries); once. The one who pressed is told. */
export async function answerPress(by: TBy, pressId: number, answer: string) {
  const db = getDb();
  const press = await db.topicPress.findUnique({ where: { id: pressId }, include: { topic: true } });
  if (!press) return refuse('auth.forbidden');
  const me = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  const mayAnswer =
    press.taskId !== null
      ? await actsForOwner(db, press.taskId, by.userId, me.personId, by.today)
      : (await supervisorsOf(db, press.topic, 'OWNER', by.today)).includes(by.userId);
  if (!mayAnswer) refuse('auth.forbidden');
  return db.$transaction(async (tx) => {
    const done = await tx.topicPress.updateMany({
      where: { id: pressId, answeredAt: null },
      data: { answer, answeredAt: new Date(), answeredById: by.userId },
    });
    if (done.count !== 1) refuse('supervise.answered');
    await topicEvent(tx, by, press.topic, 'PRESS_ANSWERED', answer);
    await notify(tx, [press.byUserId], { kind: 'supervise.answer', topicId: press.topicId, title: press.topic.title, body: answer });
    await audit(tx, by, press.topic, { action: 'topic.pressAnswer', entityType: 'TopicPress', entityId: pressId }, { answer });
  });
}

/** A new owner the supervisor may name: a staff account of the topic's street or community, or an organisation of its district. */
async function newOwnerLabel(
  tx: TTx,
  owner: TTaskOwner,
  topic: { streetId: number; communityId: number; districtId: number },
  today: string,
) {
  if (owner.kind === 'ORGANIZATION') {
    const org = await tx.organization.findFirst({ where: { id: owner.organizationId, districtId: topic.districtId } });
    return org?.name ?? refuse('supervise.badOwner');
  }
  if (owner.kind !== 'PERSON') return refuse('supervise.badOwner');
  const staff = await tx.roleGrant.findFirst({
    where: {
      userId: owner.userId,
      revokedAt: null,
      ...inForceOn(today),
      AND: [
        {
          OR: [
            { role: 'STREET_STAFF', placeLevel: 'STREET', placeId: topic.streetId },
            { role: { in: ['COMMUNITY_SECRETARY', 'RESIDENTS_COMMITTEE_STAFF'] }, placeLevel: 'COMMUNITY', placeId: topic.communityId },
          ],
        },
      ],
    },
    include: { user: { include: { person: { select: { name: true } } } } },
  });
  return staff?.user.person.name ?? refuse('supervise.badOwner');
}

/**
 * Take a late task over: the supervisor names its new owner; the old owner stays on the timeline. Once: of two
 * supervisors taking it over at once, one does and the other is told (conditional on no take-over yet).
 */
export async function takeOverTask(by: TBy, taskId: number, owner: TTaskOwner) {
  const task = await loadLateTask(by, taskId);
  return getDb().$transaction(async (tx) => {
    const label = await newOwnerLabel(tx, owner, task.topic, by.today);
    const before = await ownerAccounts(tx, ownerOf(task), by.today);
    const moved = await tx.topicTask.updateMany({
      // Also on the level authorised: an escalation at this moment moves it out of this supervisor's hands.
      where: { id: taskId, status: 'OPEN', takenOverAt: null, superviseLevel: task.superviseLevel },
      data: { ...ownerColumns(owner), responsible: label, takenOverAt: new Date(), takenOverById: by.userId },
    });
    if (moved.count !== 1) refuse('supervise.takenOver');
    await topicEvent(tx, by, task.topic, 'TASK_TAKEN_OVER', `${task.title}：${task.responsible} → ${label}`);
    const after = await ownerAccounts(tx, owner, by.today);
    await notify(
      tx,
      [...before, ...after].filter((u) => u !== by.userId),
      {
        kind: 'supervise.takeOver',
        topicId: task.topicId,
        title: task.title,
        body: label,
      },
    );
    await audit(
      tx,
      by,
      task.topic,
      { action: 'topic.taskTakeOver', entityType: 'TopicTask', entityId: taskId },
      { from: task.responsible, to: label },
    );
  });
}

/**
 * Take a late step over: from now until the step changes the supervisor's staff run it (loadTopic gives those who hold
 * topic.supervise there the step's actors). Once, conditional on the step read.
 */
export async function takeOverStep(by: TBy, topicId: number) {
  const topic = await loadLateStep(by, topicId);
  return getDb().$transaction(async (tx) => {
    const moved = await tx.topic.updateMany({
      where: { id: topicId, lockVersion: topic.lockVersion, stepTakenOverAt: null, stepLevel: topic.stepLevel },
      data: { stepTakenOverAt: new Date(), stepTakenOverById: by.userId },
    });
    if (moved.count !== 1) refuse('supervise.takenOver');
    await topicEvent(tx, by, topic, 'STEP_TAKEN_OVER', by.label);
    await notify(
      tx,
      (await supervisorsOf(tx, topic, 'OWNER', by.today)).filter((u) => u !== by.userId),
      {
        kind: 'supervise.takeOver',
        topicId,
        title: topic.title,
        body: by.label,
      },
    );
    await audit(tx, by, topic, { action: 'topic.stepTakeOver', entityType: 'Topic', entityId: topicId }, { stepIndex: topic.stepIndex });
  });
}
