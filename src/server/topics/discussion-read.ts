import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { shownName } from '@/server/people/anonymity';
import { moderates } from './discussion';
import { readableTopic, requireParticipant } from './topic-core';
import { actsInStep } from '@/domain/topics/procedure';

export type TShownComment = {
  id: number;
  stepIndex: number;
  /** The step's round it belongs to (decision 059): comments of one round form one thread. */
  stepStartedAt: Date;
  /** In the thread of the step round the topic is in now. */
  current: boolean;
  by: string;
  mine: boolean;
  at: Date;
  /** Null when hidden and the viewer neither wrote it nor moderates. */
  body: string | null;
  hidden: { reason: string } | null;
  replies: TShownComment[];
};

/**
 * The discussion as this viewer may read it: anonymous authors as 匿名居民 (匿名居民（我）to themselves), hidden comments
 * without their text except to their author and to moderators, who also read why. Null when the viewer may not read
 * the topic. Never carries an author's id.
 */
export async function discussionFor(by: TBy, topicId: number) {
  const t = await readableTopic(by, topicId);
  if (!t) return null;
  const db = getDb();
  const round = { stepIndex: t.topic.stepIndex, stepStartedAt: t.topic.stepStartedAt };
  const inRound = (c: { stepIndex: number; stepStartedAt: Date }) =>
    c.stepIndex === round.stepIndex && c.stepStartedAt.getTime() === round.stepStartedAt.getTime();
  const [rows, summarised] = await Promise.all([
    db.topicComment.findMany({ where: { topicId }, orderBy: { id: 'asc' } }),
    db.topicRecord.count({ where: { topicId, ...round, kind: 'DISCUSSION', withdrawnAt: null } }),
  ]);
  const moderator = moderates(t);
  const show = (c: (typeof rows)[number]): TShownComment => {
    const mine = c.authorUserId === by.userId;
    return {
      id: c.id,
      stepIndex: c.stepIndex,
      stepStartedAt: c.stepStartedAt,
      current: inRound(c),
      by: shownName(by.userId, { userId: c.authorUserId, anonymous: c.anonymous, name: c.authorLabel }),
      mine,
      at: c.createdAt,
      body: c.hiddenAt && !mine && !moderator ? null : c.body,
      hidden: c.hiddenAt ? { reason: mine || moderator ? (c.hiddenReason ?? '') : '' } : null,
      replies: [],
    };
  };
  const top = rows.filter((c) => c.parentId === null).map(show);
  const byId = new Map(top.map((c) => [c.id, c]));
  for (const r of rows) if (r.parentId !== null) byId.get(r.parentId)?.replies.push(show(r));
  const open = t.topic.status === 'OPEN' && summarised === 0;
  let takesPart = t.topic.partyOnly;
  if (!takesPart)
    takesPart = await requireParticipant(by, t).then(
      () => true,
      () => false,
    );
  return {
    stepIndex: t.topic.stepIndex,
    stepStartedAt: t.topic.stepStartedAt,
    comments: top,
    mayPost: open && takesPart,
    moderates: moderator,
    maySummarise: open && actsInStep(t.step, t.actors) && rows.some(inRound),
    open,
  };
}
