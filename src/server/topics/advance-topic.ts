import 'server-only';
import { lower } from '@/domain/audit/actions';
import { partyOnly } from '@/domain/topics/procedure';
import { transition, type TTopicEvent } from '@/domain/topics/transition';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { endIssuesOfTopic } from '@/server/issues/topic-seam';
import { loadFacts } from './facts';
import { openMotion } from './motions';
import { publishTopicNotice } from './notices';
import { stepDue } from './raise-topic';
import { FRESH_STEP_SUPERVISION } from './supervision-pass';
import { PARTY_FIRST_TITLE } from './raise-topic';
import { loadTopic, notifyTopic, topicEvent } from './topic-core';

/**
 * Every step change goes through here: the domain's state machine decides from the facts in the
 * database; this applies the result in one transaction — the step, its effects (notify, publish a
 * notice, open a motion), the timeline and the audit. The update is conditional on the lock version
 * the decision was made on, so of two secretaries acting at once one wins and the other is told.
 */
export async function advanceTopic(by: TBy, topicId: number, event: TTopicEvent, seenVersion?: number) {
  const t = await loadTopic(by, topicId);
  const db = getDb();
  if (seenVersion !== undefined && seenVersion !== t.topic.lockVersion) refuse('topic.movedOn');
  const facts = await loadFacts(db, t.topic);
  const r = transition(t.procedure, t.topic, event, { actors: t.actors, facts });
  if (!r.ok) return refuse(r.code, r.values);
  const nextStep = t.procedure.steps[r.next.stepIndex]!;
  // Leaving a party-members-first step opens the topic to residents (decision 052); returning to one closes it again.
  const nextPartyOnly = partyOnly(t.procedure, r.next.stepIndex);
  const due = r.next.status === 'OPEN' ? await stepDue(t.topic.districtId, nextStep.days) : t.topic.stepDueAt;
  await db.$transaction(async (tx) => {
    const moved = await tx.topic.updateMany({
      where: { id: topicId, lockVersion: t.topic.lockVersion },
      data: {
        status: r.next.status,
        stepIndex: r.next.stepIndex,
        stepStartedAt: new Date(),
        stepDueAt: due,
        partyOnly: nextPartyOnly,
        // A new step starts its own 督办 (decision 049); a take-over ends with the step taken over.
        ...FRESH_STEP_SUPERVISION,
        lockVersion: { increment: 1 },
      },
    });
    if (moved.count !== 1) refuse('topic.movedOn');
    const message = 'reason' in event ? event.reason : null;
    await topicEvent(
      tx,
      by,
      t.topic,
      event.type === 'ADVANCE' ? (r.next.status === 'DONE' ? 'COMPLETED' : 'ADVANCED') : event.type === 'RETURN' ? 'RETURNED' : 'WITHDRAWN',
      message,
    );
    for (const e of r.effects) {
      if (e.kind === 'OPEN_MOTION') {
        await openMotion(tx, t.topic, r.next.stepIndex, e.body, e.rule);
        await topicEvent(tx, { userId: null, label: '系统' }, { id: topicId, stepIndex: r.next.stepIndex }, 'MOTION_OPENED');
      }
      if (e.kind === 'PUBLISH_NOTICE') {
        // Publicised in the step it opens; published there already (its button), it is not published again.
        const { notice, fresh } = await publishTopicNotice(tx, t.topic, e.notice, by.userId, r.next.stepIndex);
        if (fresh)
          await topicEvent(tx, { userId: null, label: '系统' }, { id: topicId, stepIndex: r.next.stepIndex }, 'NOTICE', notice.title);
      }
    }
    const kind = r.next.status === 'DONE' ? 'topic.done' : r.next.status === 'WITHDRAWN' ? 'topic.withdrawn' : 'topic.step';
    await notifyTopic(tx, { ...t.topic, partyOnly: nextPartyOnly }, kind, nextStep.key, by.userId);
    // The issues' reporters may not be party members: a topic withdrawn in its party-first step is named to them neither by
    // its title nor by the reason, which would tell what the party members were discussing (decision 052).
    const named = t.topic.partyOnly ? PARTY_FIRST_TITLE : `议题“${t.topic.title}”`;
    if (r.next.status === 'DONE') await endIssuesOfTopic(tx, topicId, 'DONE', `${named}已办结`);
    if (r.next.status === 'WITHDRAWN')
      await endIssuesOfTopic(tx, topicId, 'WITHDRAWN', t.topic.partyOnly ? `${named}已撤回` : `${named}已撤回：${message ?? ''}`);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: `topic.${lower(event.type)}`,
      entityType: 'Topic',
      entityId: topicId,
      before: { status: t.topic.status, step: t.step.key },
      after: { status: r.next.status, step: nextStep.key, effects: r.effects.map((e) => e.kind) },
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
  });
  return r.next;
}
