import 'server-only';
import { transition } from '@/domain/issues/lifecycle';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import type { TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { notify } from '@/server/issues/notify';

/** The mediation capability, as the issue state machine knows it (decision 062). */
const AS_MEDIATION = (i: { level: 'COMPOUND' | 'COMMUNITY' | 'STREET' | 'DISTRICT'; reopenCount: number }) =>
  ({ role: 'MEDIATION', level: i.level, reopenCount: i.reopenCount, lastRating: null }) as const;

/** What the issue's timeline and its reporters read: that mediation took it up — never the case's parties or summary. */
const TAKEN = '已转入人民调解';

const ISSUE = {
  id: true,
  state: true,
  level: true,
  reopenCount: true,
  title: true,
  communityId: true,
  compoundId: true,
  followers: { select: { userId: true } },
} as const;

/**
 * A resident's issue taken up as a mediation case (the case's transaction calls this): MEDIATE through the issue state
 * machine — IN_MEDIATION, its deadlines stop — conditional on the state read, so an issue closed or taken up meanwhile
 * refuses the whole reception. Its timeline and reporters hear that mediation took it up, nothing of the case.
 */
export async function takeIntoMediation(tx: TTx, by: TBy, issueId: number, caseId: number, at: Date) {
  const i = await tx.issue.findUniqueOrThrow({ where: { id: issueId }, select: ISSUE });
  const r = transition(i.state, { type: 'MEDIATE' }, AS_MEDIATION(i));
  if (!r.ok) return refuse(r.code === 'issue.wrongState' ? 'mediation.issueNotOpen' : r.code);
  const moved = await tx.issue.updateMany({
    where: { id: i.id, state: i.state, topicId: null },
    data: { state: r.next, remindedAt: null },
  });
  if (moved.count !== 1) refuse('mediation.issueNotOpen');
  await tx.issueEvent.create({
    data: {
      issueId: i.id,
      at,
      actorUserId: by.userId,
      actorLabel: by.label,
      type: 'MEDIATE',
      fromState: i.state,
      toState: r.next,
      level: i.level,
      message: TAKEN,
    },
  });
  await notify(
    tx,
    i.followers.map((f) => f.userId),
    { kind: 'issue.mediate', issueId: i.id, title: i.title, body: TAKEN },
  );
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'issue.mediate',
    entityType: 'Issue',
    entityId: i.id,
    before: { state: i.state },
    after: { state: r.next, caseId },
    communityId: i.communityId,
    compoundId: i.compoundId,
  });
}
