import 'server-only';
import { bulletinText, dueBulletin, type TCadence } from '@/domain/topics/bulletins';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { publishNotice } from '@/server/notices/publish';
import { chinaDay, dateOnly, fromDateOnly, today as chinaToday } from '@/server/today';
import { loadTopic, topicEvent, type TLoadedTopic } from './topic-core';

/** The secretary (those managing the topic: community staff, the compound's branch) of a decided topic (implementation or later). */
function requireDecidedManager(t: TLoadedTopic) {
  if (t.topic.status !== 'OPEN') refuse('topic.closed');
  const tasksStep = t.procedure.steps.findIndex((s) => s.activity === 'TASKS');
  if (tasksStep < 0 || t.topic.stepIndex < tasksStep) refuse('topic.notNow');
  if (!t.actors.has('COMMUNITY_STAFF') && !t.actors.has('BRANCH')) refuse('topic.notYourStep');
}

const audit = (t: TLoadedTopic, by: TBy) => ({
  actorId: by.userId,
  actorLabel: by.label,
  communityId: t.topic.communityId,
  compoundId: t.topic.compoundId,
});

/** Schedules (or changes) the topic's progress bulletins: every month or two weeks from `startsOn`, until every task is accepted or `endsOn`. */
export async function scheduleBulletins(by: TBy, topicId: number, input: { cadence: TCadence; startsOn: string; endsOn?: string | null }) {
  const t = await loadTopic(by, topicId);
  requireDecidedManager(t);
  if (input.endsOn && input.endsOn <= input.startsOn) refuse('topic.bulletinDates');
  const data = {
    cadence: input.cadence,
    startsOn: dateOnly(input.startsOn),
    endsOn: input.endsOn ? dateOnly(input.endsOn) : null,
    finishedAt: null,
  };
  return getDb().$transaction(async (tx) => {
    const before = await tx.bulletinSchedule.findUnique({ where: { topicId } });
    if (
      before &&
      (await tx.progressBulletin.count({ where: { scheduleId: before.id } })) > 0 &&
      fromDateOnly(before.startsOn) !== input.startsOn
    )
      refuse('topic.bulletinStarted');
    const s = await tx.bulletinSchedule.upsert({ where: { topicId }, create: { topicId, createdById: by.userId, ...data }, update: data });
    await writeAudit(tx, {
      ...audit(t, by),
      action: 'topic.bulletinSchedule',
      entityType: 'BulletinSchedule',
      entityId: s.id,
      before: before
        ? { cadence: before.cadence, startsOn: fromDateOnly(before.startsOn), endsOn: before.endsOn && fromDateOnly(before.endsOn) }
        : undefined,
      after: { topicId, ...input },
    });
    return { id: s.id };
  });
}

/** The period's entries of a topic's tasks, and their status now: what a bulletin is drafted from (no names). */
async function draftOf(tx: TTx, topic: { id: number; title: string }, fromDay: string, toDay: string) {
  const tasks = await tx.topicTask.findMany({
    where: { topicId: topic.id, withdrawnAt: null },
    orderBy: { id: 'asc' },
    include: { updates: { orderBy: { id: 'asc' } } },
  });
  return bulletinText(
    topic.title,
    fromDay,
    toDay,
    tasks.map((k) => ({
      title: k.title,
      responsible: k.responsible,
      status: k.status,
      dueOn: fromDateOnly(k.dueOn),
      entries: k.updates
        .map((u) => ({ day: chinaDay(u.createdAt), kind: u.kind, body: u.body }))
        .filter((e) => e.day >= fromDay && e.day <= toDay),
    })),
  );
}

/**
 * The recurring job: drafts every bulletin that is due (one per period — the unique key makes a second run, or two
 * at once, draft nothing more). A schedule whose topic has all its tasks accepted, or whose end date is past, finishes.
 * Drafts wait for review; nothing is published here.
 */
export async function draftDueBulletins(now = new Date()) {
  const day = chinaToday(now);
  const db = getDb();
  const schedules = await db.bulletinSchedule.findMany({
    where: { finishedAt: null, topic: { status: 'OPEN' } },
    include: { topic: { select: { id: true, title: true, communityId: true, compoundId: true } } },
  });
  let drafted = 0;
  for (const s of schedules) {
    const last = await db.progressBulletin.findFirst({ where: { scheduleId: s.id }, orderBy: { period: 'desc' } });
    const sched = { cadence: s.cadence, startsOn: fromDateOnly(s.startsOn), endsOn: s.endsOn && fromDateOnly(s.endsOn) };
    const due = dueBulletin(sched, day, last && { period: last.period, toDay: fromDateOnly(last.toDay) });
    if (!due) continue;
    await db.$transaction(async (tx) => {
      const d = await draftOf(tx, s.topic, due.fromDay, due.toDay);
      const r = await tx.progressBulletin.createMany({
        data: [
          {
            scheduleId: s.id,
            topicId: s.topicId,
            period: due.period,
            fromDay: dateOnly(due.fromDay),
            toDay: dateOnly(due.toDay),
            title: d.title,
            body: d.body,
          },
        ],
        skipDuplicates: true,
      });
      if (r.count === 0) return; // another run drafted this period
      drafted++;
      if (d.allAccepted || (sched.endsOn && due.toDay >= sched.endsOn))
        await tx.bulletinSchedule.update({ where: { id: s.id }, data: { finishedAt: now } });
      await writeAudit(tx, {
        actorId: null,
        actorLabel: 'system:bulletins',
        action: 'topic.bulletinDraft',
        entityType: 'BulletinSchedule',
        entityId: s.id,
        after: { topicId: s.topicId, period: due.period, fromDay: due.fromDay, toDay: due.toDay },
        communityId: s.topic.communityId,
        compoundId: s.topic.compoundId,
      });
    });
  }
  return { drafted };
}

/** A draft as the topic's secretary reviews it: the text may be edited until it is published. */
export async function editBulletin(by: TBy, topicId: number, bulletinId: number, body: string) {
  const t = await loadTopic(by, topicId);
  requireDecidedManager(t);
  await getDb().$transaction(async (tx) => {
    const r = await tx.progressBulletin.updateMany({
      where: { id: bulletinId, topicId, publishedAt: null },
      data: { body, editedById: by.userId },
    });
    if (r.count !== 1) refuse('topic.bulletinPublished');
    await writeAudit(tx, {
      ...audit(t, by),
      action: 'topic.bulletinEdit',
      entityType: 'ProgressBulletin',
      entityId: bulletinId,
      after: { body },
    });
  });
}

/** Publishes a reviewed draft to the board as a notice of kind PROGRESS (category RESIDENTS) — once, however often it is tapped. */
export async function publishBulletin(by: TBy, topicId: number, bulletinId: number) {
  const t = await loadTopic(by, topicId);
  requireDecidedManager(t);
  return getDb().$transaction(async (tx) => {
    const r = await tx.progressBulletin.updateMany({
      where: { id: bulletinId, topicId, publishedAt: null },
      data: { publishedAt: new Date(), publishedById: by.userId },
    });
    if (r.count !== 1) refuse('topic.bulletinPublished');
    const b = await tx.progressBulletin.findUniqueOrThrow({ where: { id: bulletinId } });
    const tp = t.topic;
    const notice = await publishNotice(tx, {
      kind: 'PROGRESS',
      category: 'RESIDENTS',
      title: b.title,
      body: b.body,
      topicId,
      place: { streetId: tp.streetId, communityId: tp.communityId, compoundId: tp.compoundId, districtId: tp.districtId },
      createdById: by.userId,
    });
    await tx.progressBulletin.update({ where: { id: bulletinId }, data: { noticeId: notice.id } });
    await topicEvent(tx, by, tp, 'NOTICE', b.title);
    await writeAudit(tx, {
      ...audit(t, by),
      action: 'topic.bulletinPublish',
      entityType: 'ProgressBulletin',
      entityId: bulletinId,
      after: { topicId, noticeId: notice.id },
    });
    return { noticeId: notice.id };
  });
}

/** The topic's schedule and bulletins, for its page (those managing it see drafts; everyone else only published ones, on the board). */
export async function bulletinsOf(topicId: number) {
  const db = getDb();
  const [schedule, bulletins] = await Promise.all([
    db.bulletinSchedule.findUnique({ where: { topicId } }),
    db.progressBulletin.findMany({ where: { topicId }, orderBy: { period: 'desc' }, take: 12 }),
  ]);
  return {
    schedule: schedule && {
      cadence: schedule.cadence,
      startsOn: fromDateOnly(schedule.startsOn),
      endsOn: schedule.endsOn && fromDateOnly(schedule.endsOn),
      finished: schedule.finishedAt !== null,
    },
    bulletins: bulletins.map((b) => ({ id: b.id, title: b.title, body: b.body, published: b.publishedAt !== null, noticeId: b.noticeId })),
  };
}
