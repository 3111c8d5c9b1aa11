import 'server-only';
import { lower } from '@/domain/audit/actions';
import { deadlinesFrom } from '@/domain/issues/deadlines';
import { transition, type TIssueEvent } from '@/domain/issues/lifecycle';
import { writeAudit } from '@/server/audit';
import type { TTx } from '@/server/db';
import { fromChinaLocal, toChinaLocal } from '@/server/issues/clock';
import { calendarFor } from '@/server/issues/district-settings';
import { policyOf } from '@/server/issues/handlers';
import { notify } from '@/server/issues/notify';

/** The case's outcome acts on its issue: recorded as 人民调解, naming nobody (the mediators are not the issue's handlers). */
const MEDIATION = { userId: null, label: '人民调解' } as const;

/**
 * When a case ends, the issue it came from leaves IN_MEDIATION through the issue state machine (decision 062): an agreement
 * signed, or the parties referred elsewhere, resolves it with a message that names no detail of the case beyond its outcome
 * (the reporter is the applicant) and asks the reporter to rate; a withdrawn case hands it back to its handlers,
 * acknowledged, with fresh deadlines. Runs in the case's transaction; conditional on the state read, so an issue already
 * moved on is left alone. Returns whether the issue moved.
 */
export async function endIssueOfCase(
  tx: TTx,
  issueId: number | null,
  outcome: 'DONE' | 'WITHDRAWN',
  message: string,
  at = new Date(),
  /** Who acts: the case's outcome (人民调解), or the staff member who recorded a withdrawal. */
  actor: { userId: number | null; label: string } = MEDIATION,
) {
  if (issueId === null) return false;
  const i = await tx.issue.findUnique({ where: { id: issueId }, include: { category: true, followers: { select: { userId: true } } } });
  if (!i || i.state !== 'IN_MEDIATION' || i.mergedIntoId) return false;
  const event: TIssueEvent = outcome === 'DONE' ? { type: 'MEDIATION_DONE', message } : { type: 'MEDIATION_WITHDRAWN', reason: message };
  const r = transition(i.state, event, { role: 'MEDIATION', level: i.level, reopenCount: i.reopenCount, lastRating: null });
  if (!r.ok) return false;
  const data: { state: typeof r.next; acknowledgeBy?: Date; resolveBy?: Date; remindedAt?: null } = { state: r.next };
  if (outcome === 'WITHDRAWN') {
    const d = deadlinesFrom(toChinaLocal(at), policyOf(i.category), await calendarFor(i.districtId, tx));
    Object.assign(data, { acknowledgeBy: fromChinaLocal(d.acknowledgeBy), resolveBy: fromChinaLocal(d.resolveBy), remindedAt: null });
  }
  const moved = await tx.issue.updateMany({ where: { id: i.id, state: i.state }, data });
  if (moved.count !== 1) return false;
  await tx.issueEvent.create({
    data: {
      issueId: i.id,
      at,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      type: event.type,
      fromState: i.state,
      toState: r.next,
      level: i.level,
      message,
    },
  });
  const followers = i.followers.map((f) => f.userId);
  for (const e of r.effects) {
    if (e.kind === 'NOTIFY_REPORTERS')
      await notify(tx, followers, { kind: `issue.${lower(event.type)}`, issueId: i.id, title: i.title, body: message });
    if (e.kind === 'ASK_RATING') await notify(tx, followers, { kind: 'issue.rate', issueId: i.id, title: i.title, body: message });
  }
  await writeAudit(tx, {
    actorId: actor.userId,
    actorLabel: actor.label,
    action: `issue.${lower(event.type)}`,
    entityType: 'Issue',
    entityId: i.id,
    before: { state: i.state },
    after: { state: r.next },
    communityId: i.communityId,
    compoundId: i.compoundId,
  });
  return true;
}
