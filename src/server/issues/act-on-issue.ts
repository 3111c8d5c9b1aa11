import 'server-only';
import { lower } from '@/domain/audit/actions';
import { deadlinesFrom } from '@/domain/issues/deadlines';
import { transition, type TIssueEvent, type TLevel } from '@/domain/issues/lifecycle';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { fromChinaLocal, toChinaLocal } from './clock';
import { findHandler, policyOf } from './handlers';
import { roleOn } from './handler-parties';
import type { TSideStep } from './handoff';
import { notify } from './notify';
import { actingAs, anonymousReporters } from '@/server/people/anonymity';
import { calendarFor } from './district-settings';

/** What people do to an issue; the topic's events go through the topic seam (topic-seam.ts). */
export type THandlingEvent = Exclude<
  TIssueEvent,
  { type: 'TAKE_UP' | 'TOPIC_DONE' | 'TOPIC_WITHDRAWN' | 'MEDIATE' | 'MEDIATION_DONE' | 'MEDIATION_WITHDRAWN' } | TSideStep
>;

/**
 * Every change to an issue goes through here: the domain's state machine decides, this applies it in
 * one transaction with a timeline event the reporter sees, notifications and an audit row.
 */
export async function actOnIssue(by: TBy, issueId: number, event: THandlingEvent) {
  const db = getDb();
  const issue = await db.issue.findUnique({ where: { id: issueId }, include: { followers: true, category: true } });
  if (!issue || issue.mergedIntoId) return refuse('auth.forbidden');
  // Handling rests on a current role at the issue's place, or on being its handler or a co-handler (decision 050);
  // being (or having been) the assignee is not enough.
  const role = await roleOn(db, by, issue);
  if (role === 'OTHER') return refuse('auth.forbidden');
  const result = transition(issue.state, event, { role, level: issue.level, reopenCount: issue.reopenCount, lastRating: issue.rating });
  if (!result.ok) return refuse(result.code);

  // A reporter known here only through an anonymous report (theirs, or a duplicate merged into it) acts as 匿名居民.
  const actor = actingAs(by, (await anonymousReporters(db, [issueId])).has(by.userId));
  await db.$transaction(async (tx) => {
    // Optimistic: the state the decision was made on must still be the state (two handlers at once).
    const data: Parameters<TTx['issue']['update']>[0]['data'] = { state: result.next };
    let level: TLevel = issue.level;
    for (const e of result.effects) {
      if (e.kind === 'SET_LEVEL') level = e.level;
      if (e.kind === 'ASSIGN_TO_ACTOR') data.assigneeUserId = by.userId;
    }
    if (level !== issue.level || event.type === 'REOPEN') {
      // A new level (or a reopened issue) gets a new handler and fresh deadlines from now.
      const d = deadlinesFrom(toChinaLocal(new Date()), policyOf(issue.category), await calendarFor(issue.districtId, tx));
      Object.assign(data, {
        level,
        acknowledgeBy: fromChinaLocal(d.acknowledgeBy),
        resolveBy: fromChinaLocal(d.resolveBy),
        remindedAt: null,
      });
      if (level !== issue.level)
        data.assigneeUserId = (await findHandler(tx, issue, level, issue.category.handlerRole)) ?? issue.assigneeUserId;
    }
    if (event.type === 'RATE') Object.assign(data, { rating: event.rating, ratingComment: event.comment ?? null });
    if (event.type === 'REOPEN') data.reopenCount = issue.reopenCount + 1;
    if (event.type === 'ACKNOWLEDGE' && !issue.assigneeUserId) data.assigneeUserId = by.userId;
    const updated = await tx.issue.updateMany({ where: { id: issueId, state: issue.state, level: issue.level }, data });
    if (updated.count !== 1) refuse('issue.changedMeanwhile');
    const message =
      'message' in event ? event.message : 'reason' in event ? event.reason : 'comment' in event ? (event.comment ?? null) : null;
    await tx.issueEvent.create({
      data: {
        issueId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        type: event.type,
        fromState: issue.state,
        toState: result.next,
        level,
        message,
      },
    });
    const followers = issue.followers.map((f) => f.userId).filter((id) => id !== by.userId);
    const assignee = typeof data.assigneeUserId === 'number' ? data.assigneeUserId : issue.assigneeUserId;
    const handlers = [assignee].filter((id) => id !== by.userId);
    for (const e of result.effects) {
      if (e.kind === 'NOTIFY_REPORTERS')
        await notify(tx, followers, { kind: `issue.${lower(event.type)}`, issueId, title: issue.title, body: message ?? '' });
      if (e.kind === 'NOTIFY_HANDLERS')
        await notify(tx, handlers, { kind: `issue.${lower(event.type)}`, issueId, title: issue.title, body: message ?? '' });
      if (e.kind === 'ASK_RATING') await notify(tx, followers, { kind: 'issue.rate', issueId, title: issue.title, body: '' });
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      actorLabel: actor.label,
      action: `issue.${lower(event.type)}`,
      entityType: 'Issue',
      entityId: issueId,
      before: { state: issue.state, level: issue.level },
      after: { state: result.next, level },
      communityId: issue.communityId,
      compoundId: issue.compoundId,
    });
  });
}
