import 'server-only';
import type { TCalendar } from '@/domain/calendar/working-calendar';
import { stepDeadline, superviseDue, taskDeadline, type TSupervisionDue, type TSupervisionLevel } from '@/domain/topics/supervision';
import type { Prisma } from '@/generated/prisma/client';
import { writeAudit } from '@/server/audit';
import { getDb, type TDb, type TTx } from '@/server/db';
import { toChinaLocal } from '@/server/issues/clock';
import { calendarFor } from '@/server/issues/district-settings';
import { notify } from '@/server/issues/notify';
import { dateOnly, fromDateOnly, today as todayOf } from '@/server/today';
import { supervisorsOf } from './supervisors';
import { ownerAccounts, ownerOf } from './task-owners';
import { topicEvent } from './topic-core';

/** The timeline's and the audit's actor for what the pass does. */
export const SUPERVISION_ACTOR = '系统（督办）';
/** How far ahead a pass looks for deadlines to remind of: the working day before may lie behind a week-long holiday. */
const HORIZON_DAYS = 12;

/** The step columns of a step just started: nothing reminded, late, escalated or taken over. */
export const FRESH_STEP_SUPERVISION = {
  stepLevel: 'OWNER',
  stepRemindedAt: null,
  stepOverdueSince: null,
  stepEscalatedAt: null,
  stepTakenOverAt: null,
  stepTakenOverById: null,
} as const;

/** `db`: a transaction to run in (the seed); `streetId`: one street only (the demo's pass). */
type TPassOptions = { db?: TDb | TTx; streetId?: number };
type TCounts = { reminded: number; overdue: number; escalated: number };
const topicPlace = {
  id: true,
  title: true,
  stepIndex: true,
  communityId: true,
  compoundId: true,
  streetId: true,
  districtId: true,
} as const;

/**
 * One pass of 督办 (decision 049), like the issues' escalation pass: for every open task of an open topic and every open
 * topic's current step whose deadline is near or past, remind once, flag overdue once, or escalate (community, then
 * street). Each change is its own transaction, conditional on the supervision state read, so two passes running at
 * once (two app instances) never remind, flag or escalate the same thing twice.
 */
export async function runSupervisionPass(now = new Date(), { db = getDb() as TDb | TTx, streetId }: TPassOptions = {}): Promise<TCounts> {
  // The seed runs the pass inside its own transaction (db is then a transaction): each change joins it.
  const inTx = <T>(fn: (tx: TTx) => Promise<T>): Promise<T> => ('$transaction' in db ? (db as TDb).$transaction(fn) : fn(db));
  const street = streetId === undefined ? {} : { streetId };
  const nowLocal = toChinaLocal(now);
  const horizon = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
  const tasks = await db.topicTask.findMany({
    where: {
      status: 'OPEN',
      withdrawnAt: null,
      superviseLevel: { not: 'STREET' },
      dueOn: { lte: dateOnly(todayOf(horizon)) },
      topic: { status: 'OPEN', ...street },
    },
    include: { topic: { select: topicPlace } },
    orderBy: { id: 'asc' },
  });
  const steps = await db.topic.findMany({
    where: { status: 'OPEN', stepLevel: { not: 'STREET' }, stepDueAt: { lte: horizon }, ...street },
    orderBy: { id: 'asc' },
  });
  const districts = [...new Set([...tasks.map((t) => t.topic.districtId), ...steps.map((s) => s.districtId)])];
  const calendars = new Map(await Promise.all(districts.map(async (d) => [d, await calendarFor(d, db)] as const)));
  const counts: TCounts = { reminded: 0, overdue: 0, escalated: 0 };
  const tally = (due: TSupervisionDue, acted: boolean) => {
    if (!acted) return;
    if (due.kind === 'REMIND') counts.reminded++;
    if (due.kind === 'OVERDUE') counts.overdue++;
    if (due.kind === 'ESCALATE') counts.escalated++;
  };
  for (const task of tasks) {
    const due = superviseDue(
      {
        deadline: taskDeadline(fromDateOnly(task.dueOn)),
        open: true,
        level: task.superviseLevel,
        reminded: task.remindedAt !== null,
        overdue: task.overdueSince !== null,
      },
      nowLocal,
      calendars.get(task.topic.districtId) as TCalendar,
    );
    if (due.kind !== 'NONE') tally(due, await inTx((tx) => actOnTask(tx, task, due, now)));
  }
  for (const topic of steps) {
    const due = superviseDue(
      {
        deadline: stepDeadline(toChinaLocal(topic.stepDueAt)),
        open: true,
        level: topic.stepLevel,
        reminded: topic.stepRemindedAt !== null,
        overdue: topic.stepOverdueSince !== null,
      },
      nowLocal,
      calendars.get(topic.districtId) as TCalendar,
    );
    if (due.kind !== 'NONE') tally(due, await inTx((tx) => actOnStep(tx, topic, due, now)));
  }
  return counts;
}

type TTaskRow = Prisma.TopicTaskGetPayload<{ include: { topic: { select: typeof topicPlace } } }>;

/** The state columns a change moves to, conditional on those read: of two passes, one updates a row and the other none. */
function change(due: Exclude<TSupervisionDue, { kind: 'NONE' }>, now: Date, overdueSince: Date | null) {
  if (due.kind === 'REMIND') return { remindedAt: now };
  if (due.kind === 'OVERDUE') return { overdueSince: now };
  return { level: due.to, escalatedAt: now, overdueSince: overdueSince ?? now };
}

async function actOnTask(tx: TTx, task: TTaskRow, due: Exclude<TSupervisionDue, { kind: 'NONE' }>, now: Date): Promise<boolean> {
  const { level, ...rest } = change(due, now, task.overdueSince);
  const moved = await tx.topicTask.updateMany({
    where: {
      id: task.id,
      status: 'OPEN',
      superviseLevel: task.superviseLevel,
      remindedAt: task.remindedAt,
      overdueSince: task.overdueSince,
    },
    data: { ...rest, ...(level ? { superviseLevel: level } : {}) },
  });
  if (moved.count !== 1) return false;
  const day = todayOf(now);
  const reached: TSupervisionLevel = level ?? task.superviseLevel;
  const owners = await ownerAccounts(tx, ownerOf(task), day);
  const supervisors = due.kind === 'REMIND' ? [] : await supervisorsOf(tx, task.topic, reached, day);
  await notify(tx, [...owners, ...supervisors], {
    kind: `task.${due.kind.toLowerCase()}`,
    topicId: task.topicId,
    title: task.title,
    body: due.kind === 'ESCALATE' ? due.to : fromDateOnly(task.dueOn),
  });
  if (due.kind === 'ESCALATE')
    await recordEscalation(tx, task.topic, 'TopicTask', task.id, `${task.title}：${escalationText(due)}`, due, reached);
  return true;
}

type TStepRow = { id: number; title: string; stepIndex: number; lockVersion: number; stepLevel: TSupervisionLevel } & {
  stepRemindedAt: Date | null;
  stepOverdueSince: Date | null;
  communityId: number;
  compoundId: number | null;
  streetId: number;
  districtId: number;
};

async function actOnStep(tx: TTx, topic: TStepRow, due: Exclude<TSupervisionDue, { kind: 'NONE' }>, now: Date): Promise<boolean> {
  const c = change(due, now, topic.stepOverdueSince);
  const moved = await tx.topic.updateMany({
    where: {
      id: topic.id,
      status: 'OPEN',
      lockVersion: topic.lockVersion,
      stepLevel: topic.stepLevel,
      stepRemindedAt: topic.stepRemindedAt,
      stepOverdueSince: topic.stepOverdueSince,
    },
    data: {
      ...('remindedAt' in c ? { stepRemindedAt: c.remindedAt } : {}),
      ...(c.overdueSince ? { stepOverdueSince: c.overdueSince } : {}),
      ...(c.level ? { stepLevel: c.level, stepEscalatedAt: c.escalatedAt } : {}),
    },
  });
  if (moved.count !== 1) return false;
  const reached: TSupervisionLevel = c.level ?? topic.stepLevel;
  await notify(tx, await supervisorsOf(tx, topic, reached, todayOf(now)), {
    kind: `step.${due.kind.toLowerCase()}`,
    topicId: topic.id,
    title: topic.title,
    body: due.kind === 'ESCALATE' ? due.to : String(topic.stepIndex),
  });
  if (due.kind === 'ESCALATE') await recordEscalation(tx, topic, 'Topic', topic.id, escalationText(due), due, reached);
  return true;
}

/** The timeline's words (stored text, as the other entries): 逾期 n 个工作日，升级到社区/街道督办. */
const escalationText = (due: Extract<TSupervisionDue, { kind: 'ESCALATE' }>) =>
  `逾期${due.days}个工作日，升级到${due.to === 'STREET' ? '街道' : '社区'}督办`;

/** The escalation on the topic's timeline (actor 系统（督办）) and in the audit. */
async function recordEscalation(
  tx: TTx,
  topic: { id: number; stepIndex: number; communityId: number; compoundId: number | null },
  entityType: 'TopicTask' | 'Topic',
  entityId: number,
  message: string,
  due: Extract<TSupervisionDue, { kind: 'ESCALATE' }>,
  reached: TSupervisionLevel,
) {
  const system = { userId: null, label: SUPERVISION_ACTOR };
  await topicEvent(tx, system, topic, entityType === 'TopicTask' ? 'TASK_ESCALATED' : 'STEP_ESCALATED', message);
  await writeAudit(tx, {
    actorId: null,
    actorLabel: SUPERVISION_ACTOR,
    action: entityType === 'TopicTask' ? 'topic.taskEscalate' : 'topic.stepEscalate',
    entityType,
    entityId,
    before: {},
    after: { level: reached, overdueWorkingDays: due.days },
    communityId: topic.communityId,
    compoundId: topic.compoundId,
  });
}
