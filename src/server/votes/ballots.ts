import 'server-only';
import { createHash } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import { can, scopesOf } from '@/domain/authz/can';
import { evaluateBody, evaluateOwners, type TResult, type TRule } from '@/domain/votes/evaluate';
import { choiceCounts, ownerCounts, tallyText, turnoutOf, type TBallot } from '@/domain/votes/tally';
import type { TChoice } from '@/domain/votes/owners';
import type { TAncestry } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { topicWhere } from '@/server/accounts/scope';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse, UseCaseError } from '@/server/errors';
import { today } from '@/server/today';
import { livesWithin } from '@/server/accounts/scope';
import { recheckWait } from '@/server/auth/rate-limit';
import { topicAncestry } from '@/server/topics/standing';
import { loadTopic, notifyTopic, topicEvent } from '@/server/topics/topic-core';
import { errorFields, logLine } from '@/server/log';
import { bodyNameOf, describeResult, describeView, developerUnsold, motionResultView, resultText, type TLocale } from './describe';
import { sealChoice, shuffled, unsealChoice } from './seal';

type TMotionRow = NonNullable<Awaited<ReturnType<TTx['motion']['findUnique']>>>;
const BALLOT_TX = { maxWait: 30_000, timeout: 15_000 };

/** The motion with its topic as this actor stands toward it; `runs` = may run the vote (the step's actors). */
async function loadMotion(by: TBy, motionId: number) {
  const m = (await getDb().motion.findUnique({ where: { id: motionId } })) ?? refuse('auth.forbidden');
  const t = await loadTopic(by, m.topicId);
  const runs = t.topic.stepIndex === m.stepIndex && t.step.activity === 'MOTION' && t.step.actors.some((a) => t.actors.has(a));
  return { m, t, runs };
}

export type TMotionSettings = {
  mode: 'ELECTRONIC' | 'SHOW_OF_HANDS' | 'WRITTEN';
  secret: boolean;
  hideResults: boolean;
  allowChange: boolean;
  closesAt: Date | null;
  meetingId: number | null;
  proxyLimit: number;
};

/** Chinese date and time of an instant, for messages such as "from 2026-12-18 00:00". */
const chinaTime = (d: Date) =>
  `${today(d)} ${new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', timeStyle: 'short' }).format(d)}`;

/** Before the first ballot, those running the vote choose how it is taken. */
export async function configureMotion(by: TBy, motionId: number, s: TMotionSettings) {
  const { m, t, runs } = await loadMotion(by, motionId);
  if (!runs) refuse('topic.notYourStep');
  const db = getDb();
  const rule = m.rule as unknown as TRule;
  // Owners vote with their areas: how each voted must stay linked to them, so no secret ballot there.
  if (s.secret && rule.kind === 'OWNERS_ASSEMBLY') refuse('vote.secretOwners');
  if (s.mode === 'WRITTEN' && !s.closesAt) refuse('vote.closesAtNeeded');
  if (s.closesAt && s.closesAt.getTime() <= Date.now()) refuse('vote.closesInPast');
  if (s.closesAt && m.votingFrom && s.closesAt <= m.votingFrom) refuse('vote.closesBeforeVoting', { from: chinaTime(m.votingFrom) });
  if (s.meetingId) {
    const meeting = await db.meeting.findUnique({ where: { id: s.meetingId } });
    if (!meeting || meeting.communityId !== t.topic.communityId) refuse('vote.meetingElsewhere');
  }
  await db.$transaction(async (tx) => {
    // Decided under the motion's row lock: a ballot that arrives meanwhile waits, and then sees the new mode.
    const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Motion" WHERE id = ${motionId} FOR UPDATE`;
    if (row?.status !== 'OPEN') refuse('topic.motionDecided');
    if (await tx.ballot.count({ where: { motionId } })) refuse('vote.hasBallots');
    const data = { ...s, hideResults: s.secret || s.hideResults, allowChange: !s.secret && s.allowChange };
    await tx.motion.update({ where: { id: motionId }, data });
    const after = { ...s, closesAt: s.closesAt?.toISOString() ?? null };
    await writeAudit(tx, {
      ...actor(by),
      action: 'motion.configure',
      entityType: 'Motion',
      entityId: motionId,
      after,
      ...placeOf(t.topic),
    });
  });
}

const actor = (by: TBy) => ({ actorId: by.userId, actorLabel: by.label });
const placeOf = (topic: { communityId: number; compoundId: number | null }) => ({
  communityId: topic.communityId,
  compoundId: topic.compoundId,
});

/**
 * Takes the motion's row lock (shared: ballots go in side by side; closing takes it exclusively and
 * waits for them), and checks with the database's own clock that the vote is open now: started (owners'
 * notice period over) and not past its end. The database's trigger checks the same again.
 */
async function lockOpen(tx: TTx, motionId: number, mode: 'SHARE' | 'UPDATE') {
  type TRow = { status: string; ended: boolean; early: boolean; votingFrom: Date | null };
  const rows =
    mode === 'SHARE'
      ? await tx.$queryRaw<TRow[]>`SELECT status::text AS status, ("closesAt" IS NOT NULL AND "closesAt" <= now()) AS ended,
        ("votingFrom" IS NOT NULL AND "votingFrom" > now()) AS early, "votingFrom" FROM "Motion" WHERE id = ${motionId} FOR SHARE`
      : await tx.$queryRaw<TRow[]>`SELECT status::text AS status, ("closesAt" IS NOT NULL AND "closesAt" <= now()) AS ended,
        ("votingFrom" IS NOT NULL AND "votingFrom" > now()) AS early, "votingFrom" FROM "Motion" WHERE id = ${motionId} FOR UPDATE`;
  const r = rows[0];
  if (!r || r.status !== 'OPEN' || r.ended) return refuse('vote.closed');
  if (r.early) refuse('vote.notYet', { from: chinaTime(r.votingFrom!) });
}

type TExtra = { channel: string; enteredById?: number; proxyHolderId?: number; proxyDocument?: string };

async function insertBallot(tx: TTx, m: TMotionRow, voterKey: number, choice: TChoice, extra: TExtra) {
  const existing = await tx.ballot.findUnique({ where: { motionId_voterKey: { motionId: m.id, voterKey } } });
  if (existing) {
    const changeable = m.allowChange && !m.secret && extra.channel === 'ELECTRONIC' && existing.channel === 'ELECTRONIC';
    if (!changeable) refuse('vote.already');
    await tx.ballot.update({ where: { id: existing.id }, data: { choice, changedAt: new Date() } });
    return { id: existing.id, changed: true };
  }
  try {
    // One ballot per voter per motion: the unique key decides, whatever arrives at the same time. A secret
    // choice is sealed on the ballot (decision 022): nothing readable in the database links it to the voter.
    const how = m.secret ? { choice: null, sealed: sealChoice(m.id, choice) } : { choice };
    const b = await tx.ballot.create({ data: { motionId: m.id, voterKey, ...how, ...extra } });
    return { id: b.id, changed: false };
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') refuse('vote.already');
    throw e;
  }
}

/**
 * What never changes about a motion once it exists — its topic's place and its body — kept per app instance, so
 * that a ballot checks the matrix without reading them again (issue 16).
 */
const holder = globalThis as unknown as { yishiMotionFacts?: Map<number, { ancestry: TAncestry | null; bodyId: number | null }> };
const motionFacts = (holder.yishiMotionFacts ??= new Map());

async function factsOf(motionId: number) {
  const kept = motionFacts.get(motionId);
  if (kept) return kept;
  const m = await getDb().motion.findUnique({
    where: { id: motionId },
    select: { bodyId: true, topic: { select: { compoundId: true, communityId: true } } },
  });
  if (!m) return null;
  const facts = { ancestry: await topicAncestry(m.topic), bodyId: m.bodyId };
  if (motionFacts.size > 10_000) motionFacts.clear();
  motionFacts.set(motionId, facts);
  return facts;
}

/**
 * The roster says who was entitled when the motion opened; the matrix says the account may vote there today
 * (decision 031): vote.cast from the motion's body, or — for party members', residents' and owners' votes —
 * held at the topic's place or at a home inside it. A roster member whose account nobody verified has neither.
 */
async function mayVote(by: TBy, motionId: number): Promise<boolean> {
  const f = await factsOf(motionId);
  if (!f?.ancestry) return false;
  if (can(by.actor, 'vote.cast', { ancestry: f.ancestry, bodyId: f.bodyId ?? undefined }, by.today)) return true;
  return f.bodyId === null && (await livesWithin(by, f.ancestry, 'vote.cast'));
}

/**
 * The common case in one statement (issue 16): under a share lock on the open motion, the voter on its roster and
 * signed in to its meeting if it has one, the ballot (sealed when secret) and its audit row go in together, or
 * nothing does. Returns null when anything is not so; the careful path then says why.
 */
async function castQuickly(by: TBy, personId: number, motionId: number, choice: TChoice) {
  const sealed = sealChoice(motionId, choice);
  const after = JSON.stringify({ choice });
  const rows = await getDb().$queryRaw<{ id: number; secret: boolean }[]>`
    WITH m AS (
      SELECT id, secret, "meetingId" FROM "Motion"
       WHERE id = ${motionId} AND status = 'OPEN' AND mode <> 'SHOW_OF_HANDS'
         AND ("closesAt" IS NULL OR "closesAt" > now()) AND ("votingFrom" IS NULL OR "votingFrom" <= now())
       FOR SHARE
    ), ok AS (
      SELECT m.* FROM m
       WHERE EXISTS (SELECT 1 FROM "MotionVoter" v WHERE v."motionId" = m.id AND v."voterKey" = ${personId})
         AND (m."meetingId" IS NULL OR EXISTS (SELECT 1 FROM "Attendance" a WHERE a."meetingId" = m."meetingId" AND a."personId" = ${personId}))
    ), b AS (
      INSERT INTO "Ballot" ("motionId", "voterKey", choice, sealed, channel)
      SELECT id, ${personId}, CASE WHEN secret THEN NULL ELSE ${choice}::"BallotChoice" END, CASE WHEN secret THEN ${sealed}::bytea ELSE NULL END, 'ELECTRONIC'
        FROM ok
      ON CONFLICT ("motionId", "voterKey") DO NOTHING
      RETURNING id, choice IS NULL AS secret
    ), a AS (
      INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", "entityId", after)
      SELECT ${by.userId}, ${by.label}, 'ballot.cast', 'Motion', ${String(motionId)}, CASE WHEN b.secret THEN '{"secret":true}'::jsonb ELSE ${after}::jsonb END
        FROM b
    )
    SELECT id, secret FROM b`;
  return rows[0] ? { receipt: rows[0].id, secret: rows[0].secret } : null;
}

/** A voter casts their own ballot in the app: on the roster, while open, in a meeting they signed in to if it has one. */
export async function castBallot(by: TBy, motionId: number, choice: TChoice) {
  const db = getDb();
  const allowed = await mayVote(by, motionId);
  const personId = by.personId ?? (await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } })).personId;
  const quick = allowed ? await castQuickly(by, personId, motionId, choice) : null;
  if (quick) return quick;
  // Something is not as usual (closed, not on the roster, not signed in, a ballot already there — perhaps to be
  // changed): the careful path finds which, in the same order and with the same refusals as always.
  const m = (await db.motion.findUnique({ where: { id: motionId } })) ?? refuse('auth.forbidden');
  if (m.mode === 'SHOW_OF_HANDS') refuse('vote.notElectronic');
  const onRoll = await db.motionVoter.findUnique({ where: { motionId_voterKey: { motionId, voterKey: personId } } });
  if (!onRoll) refuse('vote.notOnRoster');
  if (!allowed) refuse('auth.forbidden');
  const signedIn = (meetingId: number) => db.attendance.findUnique({ where: { meetingId_personId: { meetingId, personId } } });
  if (m.meetingId && !(await signedIn(m.meetingId))) refuse('vote.signInFirst');
  return db.$transaction(async (tx) => {
    await lockOpen(tx, motionId, 'SHARE');
    // The settings as they are under the lock: a change to secret made meanwhile is the one that applies.
    const live = await tx.motion.findUniqueOrThrow({ where: { id: motionId } });
    if (live.mode === 'SHOW_OF_HANDS') refuse('vote.notElectronic');
    const r = await insertBallot(tx, live, personId, choice, { channel: 'ELECTRONIC' });
    const after = live.secret ? { secret: true } : { choice };
    await writeAudit(tx, {
      ...actor(by),
      action: r.changed ? 'ballot.change' : 'ballot.cast',
      entityType: 'Motion',
      entityId: motionId,
      after,
    });
    return { receipt: r.id, secret: live.secret };
    // Hundreds of members voting in the same minute wait their turn for a connection rather than fail.
  }, BALLOT_TX);
}

type TPaper = { voterKey: number; choice: TChoice; proxy?: { holderPersonId: number; document: string } };

/**
 * Staff enter a paper ballot of a written consultation (marked as paper), or one a proxy holder
 * cast with a written proxy — never more per holder than the motion allows.
 */
export async function enterPaperBallot(by: TBy, motionId: number, input: TPaper) {
  const { m, runs } = await loadMotion(by, motionId);
  if (!runs) refuse('topic.notYourStep');
  if (m.mode !== 'WRITTEN') refuse('vote.notWritten');
  const db = getDb();
  const onRoll = await db.motionVoter.findUnique({ where: { motionId_voterKey: { motionId, voterKey: input.voterKey } } });
  if (!onRoll) refuse('vote.notOnRoster');
  return db.$transaction(async (tx) => {
    // Exclusive while counting a proxy holder's ballots, so two entries cannot both pass the limit.
    await lockOpen(tx, motionId, input.proxy ? 'UPDATE' : 'SHARE');
    const live = await tx.motion.findUniqueOrThrow({ where: { id: motionId } });
    if (live.mode !== 'WRITTEN') refuse('vote.notWritten');
    const holder = input.proxy?.holderPersonId;
    if (holder && (await tx.ballot.count({ where: { motionId, proxyHolderId: holder } })) >= live.proxyLimit)
      refuse('vote.proxyLimit', { limit: live.proxyLimit });
    const extra = {
      channel: input.proxy ? 'PROXY' : 'PAPER',
      enteredById: by.userId,
      proxyHolderId: holder,
      proxyDocument: input.proxy?.document,
    };
    const r = await insertBallot(tx, live, input.voterKey, input.choice, extra);
    const after = { voterKey: input.voterKey, choice: live.secret ? null : input.choice, proxy: input.proxy ?? null };
    await writeAudit(tx, { ...actor(by), action: 'ballot.paper', entityType: 'Motion', entityId: motionId, after });
    return { receipt: r.id };
  });
}

/**
 * Opens a secret vote's sealed choices at close: every choice (and any written by an earlier version) is
 * rewritten in a random order with random ids in this one transaction, and the seals are emptied.
 */
async function unsealSecretChoices(tx: TTx, motionId: number) {
  const sealed = await tx.ballot.findMany({ where: { motionId, sealed: { not: null } }, select: { sealed: true } });
  const earlier = await tx.secretChoice.findMany({ where: { motionId }, select: { choice: true } });
  const choices = shuffled([...earlier.map((c) => c.choice), ...sealed.map((b) => unsealChoice(motionId, b.sealed!))]);
  await tx.secretChoice.deleteMany({ where: { motionId } });
  await tx.secretChoice.createMany({ data: choices.map((choice) => ({ motionId, choice })) });
  await tx.ballot.updateMany({ where: { motionId, sealed: { not: null } }, data: { sealed: null } });
}

async function computeTally(tx: TTx, m: TMotionRow) {
  const rule = m.rule as unknown as TRule;
  const roll = await tx.motionVoter.findMany({ where: { motionId: m.id } });
  const voters = roll.map((v) => ({ key: v.voterKey, area: v.areaCentiM2 }));
  const rows = await tx.ballot.findMany({ where: { motionId: m.id }, select: { voterKey: true, choice: true } });
  const ballots: TBallot[] = rows.map((b) => ({ key: b.voterKey, choice: b.choice }));
  const secret = m.secret
    ? (await tx.secretChoice.findMany({ where: { motionId: m.id }, select: { choice: true } })).map((c) => c.choice)
    : [];
  let result: TResult;
  let counts: Record<string, number>;
  if (rule.kind === 'OWNERS_ASSEMBLY') {
    const c = ownerCounts(voters, ballots);
    result = evaluateOwners(rule, c);
    const n = (choice: TChoice) => ballots.filter((b) => b.choice === choice).length;
    counts = { ...c, against: n('AGAINST'), abstain: n('ABSTAIN') };
  } else {
    const onRoll = new Set(voters.map((v) => v.key));
    const valid = ballots.filter((b) => onRoll.has(b.key));
    const cc = choiceCounts(m.secret ? secret : valid.map((b) => b.choice));
    // Present: those signed in to the meeting if there is one, else those who returned a ballot.
    const signedIn = m.meetingId ? await tx.attendance.count({ where: { meetingId: m.meetingId, personId: { in: [...onRoll] } } }) : 0;
    const present = Math.max(signedIn, valid.length);
    result = evaluateBody(rule, { roster: voters.length, present, for: cc.for });
    counts = { roster: voters.length, present, ...cc };
  }
  const hash = createHash('sha256')
    .update(tallyText(rule, voters, ballots, secret))
    .digest('hex');
  return { result, counts, hash };
}

export type TCloseOptions = { reason?: string; confirmed?: boolean };

/**
 * Closes the vote (at its end time, or by those running it): the tally is computed once from the frozen
 * roster and the ballots, stored with the hash of its inputs, and never changes. Late ballots are refused.
 * Closing before the end time needs a confirmation and a reason (recorded); a written consultation runs
 * to its end unless every voter has voted (rules.md §3).
 */
export async function closeMotion(by: TBy | null, motionId: number, opts: TCloseOptions = {}) {
  const db = getDb();
  const m0 = (await db.motion.findUnique({ where: { id: motionId } })) ?? refuse('auth.forbidden');
  let topic = null;
  if (by) {
    const { runs, t } = await loadMotion(by, motionId);
    if (!runs) refuse('topic.notYourStep');
    topic = t.topic;
  } else {
    if (!m0.closesAt || m0.closesAt.getTime() > Date.now()) refuse('vote.notDue');
    topic = await db.topic.findUniqueOrThrow({ where: { id: m0.topicId } });
  }
  if (m0.mode === 'SHOW_OF_HANDS') refuse('vote.handsAreRecorded');
  const reason = opts.reason?.trim() ?? '';
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ status: string; beforeEnd: boolean }[]>`
      SELECT status::text AS status, ("closesAt" IS NOT NULL AND "closesAt" > now()) AS "beforeEnd" FROM "Motion" WHERE id = ${motionId} FOR UPDATE`;
    if (!lock || lock.status !== 'OPEN') return refuse('topic.motionDecided');
    const m = (await tx.motion.findUnique({ where: { id: motionId } }))!;
    const cast = await tx.ballot.count({ where: { motionId } });
    const roster = await tx.motionVoter.count({ where: { motionId } });
    // Early: before the end time, or (a vote with no end time) before everyone on the roster has voted.
    const row = { early: lock.beforeEnd || (!m.closesAt && cast < roster) };
    if (row.early) {
      if (m.mode === 'WRITTEN' && cast < roster) refuse('vote.writtenRunsToEnd', { end: chinaTime(m.closesAt!) });
      if (!opts.confirmed) refuse('vote.confirmEarlyClose');
      if (reason.length < 5) refuse('vote.earlyCloseReason');
    }
    if (m.secret) await unsealSecretChoices(tx, motionId);
    const { result, counts, hash } = await computeTally(tx, m);
    const now = new Date();
    await tx.motion.update({
      where: { id: motionId },
      data: {
        status: result.passed ? 'PASSED' : 'FAILED',
        tally: counts as Prisma.InputJsonValue,
        result: result as unknown as Prisma.InputJsonValue,
        tallyHash: hash,
        decidedAt: now,
        decidedById: by?.userId ?? null,
        closesAt: m.closesAt && m.closesAt < now ? m.closesAt : now,
        closeReason: row.early ? reason : null,
      },
    });
    const words = describeResult(result);
    const who = { userId: by?.userId ?? null, label: by?.label ?? '系统（表决截止）' };
    const early = row.early ? `提前结束表决，理由：${reason}。` : '';
    const text = resultText(describeView(motionResultView({ ...m, result, tally: counts }, await bodyNameOf(tx, m.bodyId))!), '；');
    await topicEvent(tx, who, { id: topic!.id, stepIndex: m.stepIndex }, 'MOTION_RESULT', `${early}${text}`, motionId);
    await notifyTopic(tx, topic!, 'topic.motion', words.outcome, by?.userId);
    const after = { counts, passed: result.passed, hash, earlyCloseReason: row.early ? reason : null };
    await writeAudit(tx, {
      actorId: by?.userId ?? null,
      actorLabel: by?.label ?? 'system:motion-close',
      action: 'motion.close',
      entityType: 'Motion',
      entityId: motionId,
      after,
      ...placeOf(topic!),
    });
    return { passed: result.passed, hash, ...words };
  });
}

/**
 * Motions whose end time passed are closed by the job. Several instances may race: the one that finds the
 * motion decided moves on. Any other failure is logged (one JSON line, no personal data), kept on the motion
 * for the staff desk, and retried on the job's next run.
 */
export async function closeDueMotions(now = new Date()) {
  const db = getDb();
  const due = await db.motion.findMany({
    where: { status: 'OPEN', closesAt: { lte: now }, mode: { not: 'SHOW_OF_HANDS' } },
    select: { id: true },
  });
  let closed = 0;
  const failed: number[] = [];
  for (const m of due) {
    try {
      await closeMotion(null, m.id);
      closed++;
      await db.motion.updateMany({ where: { id: m.id, closeFailures: { gt: 0 } }, data: { closeError: null } });
    } catch (e) {
      if (e instanceof UseCaseError && e.code === 'topic.motionDecided') continue; // another instance closed it
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      logLine('error', 'motion.close.failed', { motionId: m.id, ...errorFields(e) });
      failed.push(m.id);
      await db.motion.updateMany({
        where: { id: m.id, status: 'OPEN' },
        data: { closeFailures: { increment: 1 }, closeFailedAt: new Date(), closeError: error },
      });
    }
  }
  return { closed, failed };
}

/** Open motions the closing job could not close, where this member of staff runs topics: the desk lists them. */
export async function stuckMotions(by: TBy) {
  const scopes = scopesOf(by.actor, 'topic.manage', by.today);
  if (scopes.length === 0) return [];
  return getDb().motion.findMany({
    where: { status: 'OPEN', closeFailures: { gt: 0 }, topic: { OR: scopes.map(topicWhere) } },
    select: { id: true, closesAt: true, closeFailures: true, closeFailedAt: true, topic: { select: { id: true, title: true } } },
    orderBy: { closesAt: 'asc' },
    take: 50,
  });
}

/** Recomputes a closed motion's tally from the stored roster and ballots: the same hash and result, or not. */
export async function recheckTally(motionId: number) {
  const db = getDb();
  const m = await db.motion.findUniqueOrThrow({ where: { id: motionId } });
  if (m.status === 'OPEN' || !m.tallyHash) return null;
  const again = await db.$transaction((tx) => computeTally(tx, m));
  const stored = m.result as unknown as TResult;
  return {
    same: again.hash === m.tallyHash && again.result.passed === stored.passed && again.result.code === stored.code,
    hash: again.hash,
  };
}

/**
 * Recheck on request: only for those who may read the motion's topic, and once a minute per motion
 * (a recompute reads the whole roster and every ballot), whoever asks.
 */
export async function recheckMotion(by: TBy, motionId: number) {
  await loadMotion(by, motionId);
  const wait = await recheckWait(motionId);
  if (wait) refuse('vote.recheckWait', { seconds: wait });
  return recheckTally(motionId);
}

/** What a viewer sees of a motion: progress while open, their receipt, the result when it may be shown. */
export async function motionView(by: TBy, motionId: number, locale: TLocale = 'zh-CN') {
  const db = getDb();
  let loaded;
  try {
    loaded = await loadMotion(by, motionId);
  } catch (e) {
    // Not found or not theirs: a 404. Anything else (the database is down) is an error page, not a 404.
    if (e instanceof UseCaseError) return null;
    throw e;
  }
  const { m, t, runs } = loaded;
  const rule = m.rule as unknown as TRule;
  const owners = rule.kind === 'OWNERS_ASSEMBLY';
  // One aggregate row for the counts (issue 16): the roster and the ballots are read whole only for those running
  // the vote, who see who has not voted yet.
  const [c] = await db.$queryRaw<
    {
      headsTotal: number;
      areaTotal: bigint;
      headsParticipating: number;
      areaParticipating: bigint;
      for: number;
      against: number;
      abstain: number;
    }[]
  >`
    SELECT count(*)::int AS "headsTotal", coalesce(sum(v."areaCentiM2"), 0)::bigint AS "areaTotal",
           count(b.id)::int AS "headsParticipating", coalesce(sum(v."areaCentiM2") FILTER (WHERE b.id IS NOT NULL), 0)::bigint AS "areaParticipating",
           count(*) FILTER (WHERE b.choice = 'FOR')::int AS for, count(*) FILTER (WHERE b.choice = 'AGAINST')::int AS against,
           count(*) FILTER (WHERE b.choice = 'ABSTAIN')::int AS abstain
      FROM "MotionVoter" v LEFT JOIN "Ballot" b ON b."motionId" = v."motionId" AND b."voterKey" = v."voterKey"
     WHERE v."motionId" = ${motionId}`;
  const counts = {
    headsTotal: c!.headsTotal,
    areaTotal: Number(c!.areaTotal),
    headsParticipating: c!.headsParticipating,
    areaParticipating: Number(c!.areaParticipating),
  };
  const personId = by.personId ?? (await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } })).personId;
  const key = { motionId_voterKey: { motionId, voterKey: personId } };
  const [mine, onRoster] = await Promise.all([
    db.ballot.findUnique({ where: key, select: { choice: true, channel: true, castAt: true, id: true } }),
    db.motionVoter.findUnique({ where: key, select: { voterKey: true } }),
  ]);
  const open = m.status === 'OPEN';
  const showResult = !open || (!m.hideResults && !m.secret);
  const progress = turnoutOf(counts, owners);
  const roll = runs
    ? await db.motionVoter.findMany({ where: { motionId }, select: { voterKey: true, areaCentiM2: true, units: true } })
    : [];
  const voted = runs
    ? new Set((await db.ballot.findMany({ where: { motionId }, select: { voterKey: true } })).map((b) => b.voterKey))
    : new Set<number>();
  const names = runs
    ? new Map(
        (await db.person.findMany({ where: { id: { in: roll.map((r) => r.voterKey) } }, select: { id: true, name: true } })).map((p) => [
          p.id,
          p.name,
        ]),
      )
    : new Map<number, string>();
  return {
    id: m.id,
    topicId: m.topicId,
    topicTitle: t.topic.title,
    rule,
    mode: m.mode,
    secret: m.secret,
    hideResults: m.hideResults,
    allowChange: m.allowChange,
    closesAt: m.closesAt,
    meetingId: m.meetingId,
    proxyLimit: m.proxyLimit,
    votingFrom: m.votingFrom,
    closeReason: m.closeReason,
    // Closing now would be early (before the end time): the page asks for a confirmation and a reason.
    closingIsEarly: m.closesAt ? m.closesAt.getTime() > Date.now() : counts.headsParticipating < counts.headsTotal,
    status: m.status,
    roster: counts.headsTotal,
    ballots: counts.headsParticipating,
    progress,
    owners,
    result: showResult && m.result ? describeResult(m.result as unknown as TResult, locale) : null,
    words: showResult && m.result ? describeView(motionResultView(m, await bodyNameOf(db, m.bodyId))!, locale) : null,
    counts: showResult ? (m.tally as Record<string, number> | null) : null,
    liveCounts: open && showResult && !owners ? { for: c!.for, against: c!.against, abstain: c!.abstain } : null,
    tallyHash: m.tallyHash,
    viewer: {
      runs,
      onRoster: !!onRoster,
      // The receipt: counted, and how (only for open ballots; a secret ballot shows only that it was counted).
      receipt: mine ? { id: mine.id, at: mine.castAt, choice: m.secret ? null : mine.choice, channel: mine.channel } : null,
    },
    // For those running it: who has not voted yet (to enter paper ballots); never how anyone voted in a secret ballot.
    pending: runs
      ? roll
          .filter((r) => !voted.has(r.voterKey))
          .map((r) => ({
            key: r.voterKey,
            name: r.voterKey === 0 ? developerUnsold(locale) : (names.get(r.voterKey) ?? String(r.voterKey)),
            area: r.areaCentiM2,
            units: r.units,
          }))
      : [],
  };
}
