import 'server-only';
import { createHash } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import { evaluateBody, evaluateOwners, type TResult, type TRule } from '@/domain/votes/evaluate';
import { choiceCounts, ownerCounts, tallyText, turnout, type TBallot } from '@/domain/votes/tally';
import type { TChoice } from '@/domain/votes/owners';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { loadTopic, notifyTopic, topicEvent } from '@/server/topics/topic-core';
import { bodyNameOf, describeResult, describeView, motionResultView, resultText, type TLocale } from './describe';

type TMotionRow = NonNullable<Awaited<ReturnType<TTx['motion']['findUnique']>>>;
const BALLOT_TX = { maxWait: 30_000, timeout: 15_000 };

/** The motion with its topic as this actor stands toward it; `runs` = may run the vote (the step's actors). */
async function loadMotion(by: TBy, motionId: number) {
  const m = (await getDb().motion.findUnique({ where: { id: motionId } })) ?? refuse('auth.forbidden');
  const t = await loadTopic(by, m.topicId);
  const runs = t.topic.stepIndex === m.stepIndex && t.step.activity === 'MOTION' && t.step.actors.some((a) => t.actors.has(a));
  return { m, t, runs };
}

export type TMotionSettings = { mode: 'ELECTRONIC' | 'SHOW_OF_HANDS' | 'WRITTEN'; secret: boolean; hideResults: boolean; allowChange: boolean; closesAt: Date | null; meetingId: number | null; proxyLimit: number };

/** Before the first ballot, those running the vote choose how it is taken. */
export async function configureMotion(by: TBy, motionId: number, s: TMotionSettings) {
  const { m, t, runs } = await loadMotion(by, motionId);
  if (!runs) refuse('topic.notYourStep');
  if (m.status !== 'OPEN') refuse('topic.motionDecided');
  const db = getDb();
  if (await db.ballot.count({ where: { motionId } })) refuse('vote.hasBallots');
  const rule = m.rule as unknown as TRule;
  // Owners vote with their areas: how each voted must stay linked to them, so no secret ballot there.
  if (s.secret && rule.kind === 'OWNERS_ASSEMBLY') refuse('vote.secretOwners');
  if (s.mode === 'WRITTEN' && !s.closesAt) refuse('vote.closesAtNeeded');
  if (s.closesAt && s.closesAt.getTime() <= Date.now()) refuse('vote.closesInPast');
  if (s.meetingId) {
    const meeting = await db.meeting.findUnique({ where: { id: s.meetingId } });
    if (!meeting || meeting.communityId !== t.topic.communityId) refuse('vote.meetingElsewhere');
  }
  await db.$transaction(async (tx) => {
    await tx.motion.update({ where: { id: motionId }, data: { mode: s.mode, secret: s.secret, hideResults: s.secret || s.hideResults, allowChange: !s.secret && s.allowChange, closesAt: s.closesAt, meetingId: s.meetingId, proxyLimit: s.proxyLimit } });
    await writeAudit(tx, { actorId: by.userId, actorLabel: by.label, action: 'motion.configure', entityType: 'Motion', entityId: motionId, after: { ...s, closesAt: s.closesAt?.toISOString() ?? null }, communityId: t.topic.communityId, compoundId: t.topic.compoundId });
  });
}

/**
 * Takes the motion's row lock (shared: ballots go in side by side; closing takes it exclusively and
 * waits for them), and checks with the database's own clock that the vote is still open.
 */
async function lockOpen(tx: TTx, motionId: number, mode: 'SHARE' | 'UPDATE') {
  const rows = mode === 'SHARE'
    ? await tx.$queryRaw<{ status: string; open: boolean }[]>`SELECT status::text AS status, ("closesAt" IS NULL OR "closesAt" > now()) AS open FROM "Motion" WHERE id = ${motionId} FOR SHARE`
    : await tx.$queryRaw<{ status: string; open: boolean }[]>`SELECT status::text AS status, ("closesAt" IS NULL OR "closesAt" > now()) AS open FROM "Motion" WHERE id = ${motionId} FOR UPDATE`;
  const r = rows[0];
  if (!r || r.status !== 'OPEN' || !r.open) refuse('vote.closed');
}

async function insertBallot(tx: TTx, m: TMotionRow, voterKey: number, choice: TChoice, extra: { channel: string; enteredById?: number; proxyHolderId?: number; proxyDocument?: string }) {
  const existing = await tx.ballot.findUnique({ where: { motionId_voterKey: { motionId: m.id, voterKey } } });
  if (existing) {
    if (!m.allowChange || m.secret || extra.channel !== 'ELECTRONIC' || existing.channel !== 'ELECTRONIC') refuse('vote.already');
    await tx.ballot.update({ where: { id: existing.id }, data: { choice, changedAt: new Date() } });
    return { id: existing.id, changed: true };
  }
  try {
    // One ballot per voter per motion: the unique key decides, whatever arrives at the same time.
    const b = await tx.ballot.create({ data: { motionId: m.id, voterKey, choice: m.secret ? null : choice, ...extra } });
    if (m.secret) await tx.secretChoice.create({ data: { motionId: m.id, choice } });
    return { id: b.id, changed: false };
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') refuse('vote.already');
    throw e;
  }
}

/** A voter casts their own ballot in the app: on the roster, while open, in a meeting they signed in to if it has one. */
export async function castBallot(by: TBy, motionId: number, choice: TChoice) {
  const db = getDb();
  const m = (await db.motion.findUnique({ where: { id: motionId } })) ?? refuse('auth.forbidden');
  if (m.mode === 'SHOW_OF_HANDS') refuse('vote.notElectronic');
  const me = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  if (!(await db.motionVoter.findUnique({ where: { motionId_voterKey: { motionId, voterKey: me.personId } } }))) refuse('vote.notOnRoster');
  if (m.meetingId && !(await db.attendance.findUnique({ where: { meetingId_personId: { meetingId: m.meetingId, personId: me.personId } } }))) refuse('vote.signInFirst');
  return db.$transaction(async (tx) => {
    await lockOpen(tx, motionId, 'SHARE');
    const r = await insertBallot(tx, m, me.personId, choice, { channel: 'ELECTRONIC' });
    await writeAudit(tx, { actorId: by.userId, actorLabel: by.label, action: r.changed ? 'ballot.change' : 'ballot.cast', entityType: 'Motion', entityId: motionId, after: m.secret ? { secret: true } : { choice } });
    return { receipt: r.id };
    // Hundreds of members voting in the same minute wait their turn for a connection rather than fail.
  }, BALLOT_TX);
}

/**
 * Staff enter a paper ballot of a written consultation (marked as paper), or one a proxy holder
 * cast with a written proxy — never more per holder than the motion allows.
 */
export async function enterPaperBallot(by: TBy, motionId: number, input: { voterKey: number; choice: TChoice; proxy?: { holderPersonId: number; document: string } }) {
  const { m, runs } = await loadMotion(by, motionId);
  if (!runs) refuse('topic.notYourStep');
  if (m.mode !== 'WRITTEN') refuse('vote.notWritten');
  const db = getDb();
  if (!(await db.motionVoter.findUnique({ where: { motionId_voterKey: { motionId, voterKey: input.voterKey } } }))) refuse('vote.notOnRoster');
  return db.$transaction(async (tx) => {
    // Exclusive while counting a proxy holder's ballots, so two entries cannot both pass the limit.
    await lockOpen(tx, motionId, input.proxy ? 'UPDATE' : 'SHARE');
    if (input.proxy && (await tx.ballot.count({ where: { motionId, proxyHolderId: input.proxy.holderPersonId } })) >= m.proxyLimit) refuse('vote.proxyLimit', { limit: m.proxyLimit });
    const r = await insertBallot(tx, m, input.voterKey, input.choice, { channel: input.proxy ? 'PROXY' : 'PAPER', enteredById: by.userId, proxyHolderId: input.proxy?.holderPersonId, proxyDocument: input.proxy?.document });
    await writeAudit(tx, { actorId: by.userId, actorLabel: by.label, action: 'ballot.paper', entityType: 'Motion', entityId: motionId, after: { voterKey: input.voterKey, choice: input.choice, proxy: input.proxy ?? null } });
    return { receipt: r.id };
  });
}

async function computeTally(tx: TTx, m: TMotionRow) {
  const rule = m.rule as unknown as TRule;
  const roll = await tx.motionVoter.findMany({ where: { motionId: m.id } });
  const voters = roll.map((v) => ({ key: v.voterKey, area: v.areaCentiM2 }));
  const ballots: TBallot[] = (await tx.ballot.findMany({ where: { motionId: m.id }, select: { voterKey: true, choice: true } })).map((b) => ({ key: b.voterKey, choice: b.choice }));
  const secret = m.secret ? (await tx.secretChoice.findMany({ where: { motionId: m.id }, select: { choice: true } })).map((c) => c.choice) : [];
  let result: TResult;
  let counts: Record<string, number>;
  if (rule.kind === 'OWNERS_ASSEMBLY') {
    const c = ownerCounts(voters, ballots);
    result = evaluateOwners(rule, c);
    counts = { ...c, against: ballots.filter((b) => b.choice === 'AGAINST').length, abstain: ballots.filter((b) => b.choice === 'ABSTAIN').length };
  } else {
    const onRoll = new Set(voters.map((v) => v.key));
    const valid = ballots.filter((b) => onRoll.has(b.key));
    const choices = m.secret ? secret : valid.map((b) => b.choice);
    const cc = choiceCounts(choices);
    // Present: those signed in to the meeting if there is one, else those who returned a ballot.
    const present = m.meetingId ? await tx.attendance.count({ where: { meetingId: m.meetingId, personId: { in: [...onRoll] } } }) : valid.length;
    result = evaluateBody(rule, { roster: voters.length, present: Math.max(present, valid.length), for: cc.for });
    counts = { roster: voters.length, present: Math.max(present, valid.length), ...cc };
  }
  const hash = createHash('sha256').update(tallyText(rule, voters, ballots, secret)).digest('hex');
  return { result, counts, hash };
}

/**
 * Closes the vote (at its end time, or by those running it): the tally is computed once from the frozen
 * roster and the ballots, stored with the hash of its inputs, and never changes. Late ballots are refused.
 */
export async function closeMotion(by: TBy | null, motionId: number) {
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
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Motion" WHERE id = ${motionId} FOR UPDATE`;
    if (row?.status !== 'OPEN') refuse('topic.motionDecided');
    const m = (await tx.motion.findUnique({ where: { id: motionId } }))!;
    const { result, counts, hash } = await computeTally(tx, m);
    await tx.motion.update({ where: { id: motionId }, data: { status: result.passed ? 'PASSED' : 'FAILED', tally: counts as Prisma.InputJsonValue, result: result as unknown as Prisma.InputJsonValue, tallyHash: hash, decidedAt: new Date(), decidedById: by?.userId ?? null, closesAt: m.closesAt && m.closesAt < new Date() ? m.closesAt : new Date() } });
    const words = describeResult(result);
    const text = resultText(describeView(motionResultView({ ...m, result, tally: counts }, await bodyNameOf(tx, m.bodyId))!), '；');
    await topicEvent(tx, { userId: by?.userId ?? null, label: by?.label ?? '系统（表决截止）' }, { id: topic!.id, stepIndex: m.stepIndex }, 'MOTION_RESULT', text, motionId);
    await notifyTopic(tx, topic!, 'topic.motion', words.outcome, by?.userId);
    await writeAudit(tx, { actorId: by?.userId ?? null, actorLabel: by?.label ?? 'system:motion-close', action: 'motion.close', entityType: 'Motion', entityId: motionId, after: { counts, passed: result.passed, hash }, communityId: topic!.communityId, compoundId: topic!.compoundId });
    return { passed: result.passed, hash, ...words };
  });
}

/** Motions whose end time passed are closed by the job (several instances: the row lock lets one win). */
export async function closeDueMotions() {
  const due = await getDb().motion.findMany({ where: { status: 'OPEN', closesAt: { lte: new Date() }, mode: { not: 'SHOW_OF_HANDS' } }, select: { id: true } });
  let closed = 0;
  for (const m of due) {
    try {
      await closeMotion(null, m.id);
      closed++;
    } catch {
      // Another instance closed it first.
    }
  }
  return closed;
}

/** Recomputes a closed motion's tally from the stored roster and ballots: the same hash and result, or not. */
export async function recheckTally(motionId: number) {
  const db = getDb();
  const m = await db.motion.findUniqueOrThrow({ where: { id: motionId } });
  if (m.status === 'OPEN' || !m.tallyHash) return null;
  const again = await db.$transaction((tx) => computeTally(tx, m));
  const stored = m.result as unknown as TResult;
  return { same: again.hash === m.tallyHash && again.result.passed === stored.passed && again.result.code === stored.code, hash: again.hash };
}

/** What a viewer sees of a motion: progress while open, their receipt, the result when it may be shown. */
export async function motionView(by: TBy, motionId: number, locale: TLocale = 'zh-CN') {
  const db = getDb();
  let loaded;
  try {
    loaded = await loadMotion(by, motionId);
  } catch {
    return null;
  }
  const { m, t, runs } = loaded;
  const rule = m.rule as unknown as TRule;
  const owners = rule.kind === 'OWNERS_ASSEMBLY';
  const roll = await db.motionVoter.findMany({ where: { motionId }, select: { voterKey: true, areaCentiM2: true, units: true } });
  const ballots = await db.ballot.findMany({ where: { motionId }, select: { voterKey: true, choice: true, channel: true, castAt: true, id: true } });
  const me = await db.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  const mine = ballots.find((b) => b.voterKey === me.personId);
  const open = m.status === 'OPEN';
  const showResult = !open || (!m.hideResults && !m.secret);
  const progress = turnout(roll.map((v) => ({ key: v.voterKey, area: v.areaCentiM2 })), ballots.map((b) => ({ key: b.voterKey, choice: b.choice })), owners);
  const names = runs ? new Map((await db.person.findMany({ where: { id: { in: roll.map((r) => r.voterKey) } }, select: { id: true, name: true } })).map((p) => [p.id, p.name])) : new Map<number, string>();
  const voted = new Set(ballots.map((b) => b.voterKey));
  return {
    id: m.id, topicId: m.topicId, topicTitle: t.topic.title, rule, mode: m.mode, secret: m.secret, hideResults: m.hideResults, allowChange: m.allowChange, closesAt: m.closesAt, meetingId: m.meetingId, proxyLimit: m.proxyLimit,
    status: m.status, roster: roll.length, ballots: ballots.length, progress, owners,
    result: showResult && m.result ? describeResult(m.result as unknown as TResult) : null,
    words: showResult && m.result ? describeView(motionResultView(m, await bodyNameOf(db, m.bodyId))!, locale) : null,
    counts: showResult ? (m.tally as Record<string, number> | null) : null,
    liveCounts: open && showResult && !owners ? choiceCounts(ballots.map((b) => b.choice)) : null,
    tallyHash: m.tallyHash,
    viewer: {
      runs, onRoster: roll.some((r) => r.voterKey === me.personId),
      // The receipt: counted, and how (only for open ballots; a secret ballot shows only that it was counted).
      receipt: mine ? { id: mine.id, at: mine.castAt, choice: m.secret ? null : mine.choice, channel: mine.channel } : null,
    },
    // For those running it: who has not voted yet (to enter paper ballots); never how anyone voted in a secret ballot.
    pending: runs ? roll.filter((r) => !voted.has(r.voterKey)).map((r) => ({ key: r.voterKey, name: r.voterKey === 0 ? '开发建设单位（未售出部分）' : (names.get(r.voterKey) ?? String(r.voterKey)), area: r.areaCentiM2, units: r.units })) : [],
  };
}
