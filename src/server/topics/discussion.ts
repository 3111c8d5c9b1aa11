import 'server-only';
import {
  commentProblem,
  discussionCounts,
  HIDE_REASON_MAX_CHARS,
  overCommentLimit,
  type TDiscussionCounts,
} from '@/domain/topics/discussion';
import { actsInStep } from '@/domain/topics/procedure';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { notify } from '@/server/issues/notify';
import { actingAs } from '@/server/people/anonymity';
import { todayDateOnly } from '@/server/today';
import { loadTopic, notifyTopic, requireParticipant, topicEvent, type TLoadedTopic } from './topic-core';

/**
 * A topic's online discussion (线上协商, decision 059). Whoever may read the topic and take part in it (the topic's
 * audience rules: residents of the place, stakeholders, followers — in a party-members-first step, those who may see
 * it) posts comments and replies (one level) in the current step, anonymously if they wish: an anonymous comment
 * names nobody on the page, in notifications, in the audit or in the summary. Those running the topic hide
 * comments with a reason, and the step's runner summarises the step's thread into its record, which closes it.
 */
export type TCommentInput = { body: string; anonymous: boolean; stepIndex: number; parentId?: number };

/** The discussion of one step: posts take the lock shared, the summary takes it alone — none slips in after it. */
const stepLock = (tx: TTx, topicId: number, stepIndex: number, shared: boolean) =>
  shared
    ? tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${`discussion:${topicId}`}), ${stepIndex}::int)`
    : tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`discussion:${topicId}`}), ${stepIndex}::int)`;

/** A step's round: the step entered again (back after a failed vote) has its own thread and summary (decision 059). */
export type TRound = { stepIndex: number; stepStartedAt: Date };

const summaryOf = (tx: TTx, topicId: number, round: TRound) =>
  tx.topicRecord.findFirst({ where: { topicId, ...round, kind: 'DISCUSSION', withdrawnAt: null }, select: { id: true } });

/** The round the topic is in now, read inside the transaction: a step change since the page was loaded closes the thread. */
async function roundNow(tx: TTx, topicId: number, seen: TRound): Promise<TRound> {
  const now = await tx.topic.findUniqueOrThrow({ where: { id: topicId }, select: { status: true, stepIndex: true, stepStartedAt: true } });
  if (now.status !== 'OPEN' || now.stepIndex !== seen.stepIndex || now.stepStartedAt.getTime() !== seen.stepStartedAt.getTime())
    refuse('discussion.stepClosed');
  return { stepIndex: now.stepIndex, stepStartedAt: now.stepStartedAt };
}

/** Staff of the place, the compound's branch and the topic's liaison moderate. */
export const moderates = (t: TLoadedTopic) => t.actors.has('COMMUNITY_STAFF') || t.actors.has('BRANCH') || t.actors.has('LIAISON');

export async function postComment(by: TBy, topicId: number, input: TCommentInput) {
  const t = await loadTopic(by, topicId);
  if (t.topic.status !== 'OPEN') refuse('topic.closed');
  if (input.stepIndex !== t.topic.stepIndex) refuse('discussion.stepClosed');
  // In a party-members-first step whoever may see the topic is one of those taking part (decision 052).
  if (!t.topic.partyOnly) await requireParticipant(by, t);
  const problem = commentProblem(input.body);
  if (problem) refuse(problem);
  const body = input.body.trim();
  const db = getDb();
  const parent = input.parentId
    ? await db.topicComment.findUnique({
        where: { id: input.parentId },
        select: { topicId: true, stepIndex: true, stepStartedAt: true, parentId: true, hiddenAt: true, authorUserId: true },
      })
    : null;
  if (
    input.parentId &&
    (!parent ||
      parent.topicId !== topicId ||
      parent.stepIndex !== t.topic.stepIndex ||
      parent.stepStartedAt.getTime() !== t.topic.stepStartedAt.getTime() ||
      parent.parentId ||
      parent.hiddenAt)
  )
    refuse('discussion.badParent');
  const who = actingAs(by, input.anonymous);
  return db.$transaction(async (tx) => {
    await stepLock(tx, topicId, t.topic.stepIndex, true);
    // One person's posts one after another, so that two at once meet the limit (decision 059).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('discussion-author'), ${by.userId}::int)`;
    const round = await roundNow(tx, topicId, t.topic);
    if (await summaryOf(tx, topicId, round)) refuse('discussion.stepClosed');
    const now = new Date();
    const recent = await tx.topicComment.findMany({
      where: { authorUserId: by.userId, createdAt: { gt: new Date(now.getTime() - 3600_000) } },
      select: { createdAt: true },
    });
    if (
      overCommentLimit(
        recent.map((r) => r.createdAt),
        now,
      )
    )
      refuse('discussion.tooMany');
    const c = await tx.topicComment.create({
      data: {
        topicId,
        ...round,
        parentId: input.parentId ?? null,
        authorUserId: by.userId,
        anonymous: input.anonymous,
        authorLabel: input.anonymous ? '' : by.label,
        body,
        createdAt: now,
      },
    });
    await writeAudit(tx, {
      actorId: who.userId,
      actorLabel: who.label,
      action: 'topic.comment',
      entityType: 'TopicComment',
      entityId: c.id,
      after: { topicId, parentId: c.parentId, anonymous: input.anonymous },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
    const said = `${who.label}：${body.slice(0, 60)}`;
    await notifyTopic(tx, t.topic, 'topic.comment', said, by.userId);
    if (parent && parent.authorUserId !== by.userId)
      await notify(tx, [parent.authorUserId], { kind: 'topic.reply', topicId, title: t.topic.title, body: said });
    return { id: c.id };
  });
}

/** Hides a comment (and so its replies on the page) with a reason its author reads; audited. */
export async function hideComment(by: TBy, commentId: number, reason: string) {
  const db = getDb();
  const c = (await db.topicComment.findUnique({ where: { id: commentId } })) ?? refuse('auth.forbidden');
  const t = await loadTopic(by, c.topicId);
  if (!moderates(t)) refuse('auth.forbidden');
  const why = reason.trim();
  if (why.length === 0) refuse('discussion.reasonNeeded');
  if ([...why].length > HIDE_REASON_MAX_CHARS) refuse('discussion.reasonTooLong');
  await db.$transaction(async (tx) => {
    const r = await tx.topicComment.updateMany({
      where: { id: commentId, hiddenAt: null },
      data: { hiddenAt: new Date(), hiddenById: by.userId, hiddenReason: why },
    });
    if (r.count !== 1) refuse('discussion.alreadyHidden');
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topic.hideComment',
      entityType: 'TopicComment',
      entityId: commentId,
      before: { hidden: false },
      after: { hidden: true, reason: why, topicId: c.topicId },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
    await notify(tx, [c.authorUserId], { kind: 'topic.commentHidden', topicId: c.topicId, title: t.topic.title, body: why });
  });
}

/** The sentence a summary opens with: the counts, in the words the record keeps — people counted among named posts only. */
export const countsSentence = (n: TDiscussionCounts) =>
  `线上协商共 ${n.comments + n.replies} 条发言（回复 ${n.replies} 条）：实名 ${n.namedPeople} 人发言 ${n.namedPosts} 条，` +
  `匿名发言 ${n.anonymous} 条；另有 ${n.hidden} 条被隐藏。`;

/** The step's runner writes what the thread said; it lands in the step's record and timeline, and the thread closes. */
export async function summariseDiscussion(by: TBy, topicId: number, input: { stepIndex: number; summary: string }) {
  const t = await loadTopic(by, topicId);
  if (t.topic.status !== 'OPEN') refuse('topic.closed');
  if (input.stepIndex !== t.topic.stepIndex) refuse('discussion.stepClosed');
  if (!actsInStep(t.step, t.actors)) refuse('topic.notYourStep');
  const problem = commentProblem(input.summary);
  if (problem) refuse(problem === 'discussion.empty' ? 'discussion.summaryEmpty' : problem);
  return getDb().$transaction(async (tx) => {
    await stepLock(tx, topicId, t.topic.stepIndex, false);
    const round = await roundNow(tx, topicId, t.topic);
    if (await summaryOf(tx, topicId, round)) refuse('discussion.alreadySummarised');
    const rows = await tx.topicComment.findMany({
      where: { topicId, ...round },
      select: { authorUserId: true, parentId: true, anonymous: true, hiddenAt: true },
    });
    if (rows.length === 0) refuse('discussion.nothingToSummarise');
    const counts = discussionCounts(rows.map((r) => ({ ...r, hidden: r.hiddenAt !== null })));
    const statement = `${countsSentence(counts)}\n${input.summary.trim()}`;
    const r = await tx.topicRecord.create({
      data: { topicId, ...round, kind: 'DISCUSSION', statement, heldOn: todayDateOnly(), byUserId: by.userId },
    });
    await topicEvent(tx, by, t.topic, 'DISCUSSION_SUMMARY', statement);
    await notifyTopic(tx, t.topic, 'topic.discussionSummary', countsSentence(counts), by.userId);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'topic.discussionSummary',
      entityType: 'TopicRecord',
      entityId: r.id,
      after: { topicId, stepIndex: t.topic.stepIndex, ...counts },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
    return { id: r.id, counts };
  });
}
