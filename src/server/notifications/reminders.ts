import 'server-only';
import { reminderKey, reminderStage } from '@/domain/notifications/reminders';
import { getDb, type TTx } from '@/server/db';
import { toChinaLocal } from '@/server/issues/clock';
import { notify } from '@/server/issues/notify';

/** "2026-12-11 18:00" in China's time: the end of a vote or of a notice's period, as a reminder's body says it. */
function chinaTime(d: Date) {
  const { date, minute } = toChinaLocal(d);
  return `${date} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Accounts on a motion's roll that have not voted (who voted is known even for a secret ballot; how is not). */
async function notYetVoted(tx: TTx, motionId: number): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT u.id FROM "MotionVoter" v JOIN "User" u ON u."personId" = v."voterKey" AND u."disabledAt" IS NULL
     WHERE v."motionId" = ${motionId}
       AND NOT EXISTS (SELECT 1 FROM "Ballot" b WHERE b."motionId" = v."motionId" AND b."voterKey" = v."voterKey")`;
  return rows.map((r) => r.id);
}

const VOTE_FIELDS = {
  id: true,
  status: true,
  mode: true,
  topicId: true,
  title: true,
  openedAt: true,
  votingFrom: true,
  closesAt: true,
  topic: { select: { title: true } },
};
type TVote = {
  id: number;
  status: string;
  mode: string;
  topicId: number;
  title: string | null;
  openedAt: Date;
  votingFrom: Date | null;
  closesAt: Date | null;
  topic: { title: string };
};

/**
 * Of these accounts, those the reminder has not reached yet: a pass over a period already announced reads the unique
 * index (userId, onceKey) instead of attempting thousands of inserts that conflict. The insert's key still decides races.
 */
async function notYetReminded(tx: TTx, userIds: number[], onceKey: string) {
  if (userIds.length === 0) return [];
  const had = await tx.notification.findMany({ where: { userId: { in: userIds }, onceKey }, select: { userId: true } });
  const done = new Set(had.map((n) => n.userId));
  return userIds.filter((u) => !done.has(u));
}

/** The reminder a vote is due for now, written to those on its roll who have not voted; returns how many were written. */
async function remindOfVote(tx: TTx, m: TVote, now: Date) {
  const stage = reminderStage({ from: m.votingFrom ?? m.openedAt, until: m.closesAt }, now);
  if (!stage || m.status !== 'OPEN' || m.mode === 'SHOW_OF_HANDS') return 0;
  const onceKey = reminderKey('vote', stage, m.id);
  return notify(tx, await notYetReminded(tx, await notYetVoted(tx, m.id), onceKey), {
    kind: `vote.${stage}`,
    topicId: m.topicId,
    link: `/motions/${m.id}`,
    title: m.title ? `${m.topic.title}：${m.title}` : m.topic.title,
    body: m.closesAt ? chinaTime(m.closesAt) : '',
    onceKey,
  });
}

/** One open vote's reminder inside a transaction already open (the demo data writes one so). */
export async function remindOfMotion(tx: TTx, motionId: number, now = new Date()) {
  const m = await tx.motion.findUniqueOrThrow({ where: { id: motionId }, select: VOTE_FIELDS });
  return remindOfVote(tx, m, now);
}

/** Votes taken in the app or on paper (a show of hands is counted at its meeting): opened, and closing soon. */
async function remindVotes(now: Date) {
  const db = getDb();
  const motions = await db.motion.findMany({
    where: {
      status: 'OPEN',
      mode: { not: 'SHOW_OF_HANDS' },
      OR: [{ closesAt: null }, { closesAt: { gt: now } }],
      AND: [{ OR: [{ votingFrom: null }, { votingFrom: { lte: now } }] }],
    },
    select: VOTE_FIELDS,
  });
  let written = 0;
  for (const m of motions) written += await db.$transaction((tx) => remindOfVote(tx, m, now));
  return written;
}

/** Verified residents with a home inside the notice's place (its compound, else its community, else its street). */
async function residentsOf(tx: TTx, n: { compoundId: number | null; communityId: number | null; streetId: number | null }) {
  const compound = n.compoundId
    ? { id: n.compoundId }
    : n.communityId
      ? { communityId: n.communityId }
      : n.streetId
        ? { community: { streetId: n.streetId } }
        : null;
  if (!compound) return [];
  const users = await tx.user.findMany({
    where: { disabledAt: null, verifiedAt: { not: null }, claims: { some: { status: 'APPROVED', household: { building: { compound } } } } },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/**
 * Notices whose objection period runs (not concluded by staff, not corrected): opened, and closing soon, to the residents
 * of the place.
 */
async function remindNotices(now: Date) {
  const db = getDb();
  const notices = await db.notice.findMany({
    where: { concludedAt: null, periodEndsAt: { gt: now }, publishedAt: { lte: now } },
    select: {
      id: true,
      topicId: true,
      title: true,
      publishedAt: true,
      periodEndsAt: true,
      compoundId: true,
      communityId: true,
      streetId: true,
    },
  });
  // A corrected notice is replaced by its correction (which has its own period): only the correction is announced.
  const corrected = new Set(
    (await db.notice.findMany({ where: { supersedesId: { in: notices.map((n) => n.id) } }, select: { supersedesId: true } })).map(
      (c) => c.supersedesId,
    ),
  );
  let written = 0;
  for (const n of notices.filter((x) => !corrected.has(x.id))) {
    const stage = reminderStage({ from: n.publishedAt, until: n.periodEndsAt }, now);
    if (!stage) continue;
    const onceKey = reminderKey('notice', stage, n.id);
    written += await db.$transaction(async (tx) =>
      notify(tx, await notYetReminded(tx, await residentsOf(tx, n), onceKey), {
        kind: `notice.${stage}`,
        ...(n.topicId ? { topicId: n.topicId } : {}),
        link: `/board/n/${n.id}`,
        title: n.title,
        body: chinaTime(n.periodEndsAt!),
        onceKey,
      }),
    );
  }
  return written;
}

/**
 * The reminder pass (a job, every quarter hour; decision 057): votes opening and closing soon to those who have not
 * voted, notices' objection periods to the residents of the place. Each reminder reaches a person once: the
 * notification's unique key (user, onceKey) decides, however many passes run at the same time.
 */
export async function runReminderPass(now = new Date()) {
  return { votes: await remindVotes(now), notices: await remindNotices(now) };
}
