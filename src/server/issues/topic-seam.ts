import 'server-only';
import { deadlinesFrom } from '@/domain/issues/deadlines';
import { transition, type TIssueEvent } from '@/domain/issues/lifecycle';
import type { TTx } from '@/server/db';
import { writeAudit } from '@/server/audit';
import { refuse } from '@/server/errors';
import { fromChinaLocal, toChinaLocal } from './clock';
import { calendarFor } from './district-settings';
import { policyOf } from './handlers';
import { notify } from './notify';

/** The topic's outcome acts on its issues: recorded as such, naming nobody. */
const OUTCOME = { userId: null, label: '议事结果' } as const;
/** The topics capability, as the issue state machine knows it (decision 047). */
const AS_TOPIC = (i: { level: 'COMPOUND' | 'COMMUNITY' | 'STREET' | 'DISTRICT'; reopenCount: number }) =>
  ({ role: 'TOPIC', level: i.level, reopenCount: i.reopenCount, lastRating: null }) as const;

/**
 * The seam to deliberation topics: when a topic is opened from one or several issues, the topics
 * capability calls this inside its own transaction. Each open issue is taken up through the issue state
 * machine: acknowledged, IN_TOPIC (its deadlines stop: no reminder, no escalation, out of the work queues),
 * "taken up as topic #…" on its timeline, its reporters told (they follow the topic; raiseTopic adds them, and
 * anonymity.ts keeps an anonymous one unnamed there). An issue closed already is linked only. An issue another
 * topic took up meanwhile (two topics raised at once) refuses the whole topic: the update is conditional.
 */
export async function markTakenUpAsTopic(
  tx: TTx,
  by: { userId: number; label: string },
  issueIds: number[],
  topic: { id: number; title: string },
  at = new Date(),
) {
  const issues = await tx.issue.findMany({
    where: { id: { in: issueIds }, mergedIntoId: null },
    select: { id: true, state: true, level: true, reopenCount: true, title: true, communityId: true, compoundId: true, followers: true },
  });
  for (const i of issues) {
    const r = transition(i.state, { type: 'TAKE_UP' }, AS_TOPIC(i));
    const next = r.ok ? r.next : i.state;
    const taken = await tx.issue.updateMany({
      where: { id: i.id, state: i.state, topicId: null },
      data: { topicId: topic.id, state: next, remindedAt: null },
    });
    if (taken.count !== 1) refuse('topic.issueTaken');
    await tx.issueEvent.create({
      data: {
        issueId: i.id,
        at,
        actorUserId: by.userId,
        actorLabel: by.label,
        type: 'TAKEN_UP',
        fromState: i.state,
        toState: next,
        level: i.level,
        message: `#${topic.id} ${topic.title}`,
      },
    });
    await notify(
      tx,
      i.followers.map((f) => f.userId),
      { kind: 'issue.takenUp', issueId: i.id, title: i.title, body: topic.title },
    );
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'issue.takenUp',
      entityType: 'Issue',
      entityId: i.id,
      before: { state: i.state },
      after: { topicId: topic.id, state: next },
      communityId: i.communityId,
      compoundId: i.compoundId,
    });
  }
  return issues.map((i) => i.id);
}

/**
 * When a topic ends, the issues it took up leave IN_TOPIC through the issue state machine: a topic done
 * resolves them with a message and asks their reporters to rate (the issue's own rating and reopening rules
 * apply from there); a withdrawn topic hands them back to their handlers, acknowledged, with fresh deadlines
 * at their level. Conditional on the state read, so a second call (two secretaries at once) changes nothing.
 */
export async function endIssuesOfTopic(tx: TTx, topicId: number, outcome: 'DONE' | 'WITHDRAWN', message: string) {
  const issues = await tx.issue.findMany({
    where: { topicId, mergedIntoId: null, state: 'IN_TOPIC' },
    include: { category: true, followers: { select: { userId: true } } },
  });
  const event: TIssueEvent = outcome === 'DONE' ? { type: 'TOPIC_DONE', message } : { type: 'TOPIC_WITHDRAWN', reason: message };
  for (const i of issues) {
    const r = transition(i.state, event, AS_TOPIC(i));
    if (!r.ok) continue;
    const data: { state: typeof r.next; acknowledgeBy?: Date; resolveBy?: Date; remindedAt?: null } = { state: r.next };
    if (outcome === 'WITHDRAWN') {
      const d = deadlinesFrom(toChinaLocal(new Date()), policyOf(i.category), await calendarFor(i.districtId, tx));
      Object.assign(data, { acknowledgeBy: fromChinaLocal(d.acknowledgeBy), resolveBy: fromChinaLocal(d.resolveBy), remindedAt: null });
    }
    const moved = await tx.issue.updateMany({ where: { id: i.id, state: i.state }, data });
    if (moved.count !== 1) continue;
    await tx.issueEvent.create({
      data: { issueId: i.id, ...actor(), type: event.type, fromState: i.state, toState: r.next, level: i.level, message },
    });
    const followers = i.followers.map((f) => f.userId);
    for (const e of r.effects) {
      // Followers heard of the topic's end from the topic; the issue adds what concerns it.
      if (e.kind === 'ASK_RATING') await notify(tx, followers, { kind: 'issue.rate', issueId: i.id, title: i.title, body: message });
      if (e.kind === 'NOTIFY_REPORTERS' && outcome === 'WITHDRAWN')
        await notify(tx, followers, { kind: 'issue.topic_withdrawn', issueId: i.id, title: i.title, body: message });
    }
    await writeAudit(tx, {
      actorId: null,
      actorLabel: OUTCOME.label,
      action: outcome === 'DONE' ? 'issue.topicDone' : 'issue.topicWithdrawn',
      entityType: 'Issue',
      entityId: i.id,
      before: { state: i.state },
      after: { state: r.next, topicId },
      communityId: i.communityId,
      compoundId: i.compoundId,
    });
  }
}

const actor = () => ({ actorUserId: OUTCOME.userId, actorLabel: OUTCOME.label });
