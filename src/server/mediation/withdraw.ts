import 'server-only';
import { caseTransition } from '@/domain/mediation/status';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { chinaDay, dateOnly } from '@/server/today';
import { requireCase } from './access';
import { endIssueOfCase } from './issue-seam';
import { lockCase } from './mediators';

/** What the issue's timeline and reporters read when the applicant withdrew: nothing of the case beyond that. */
const WITHDRAWN = '当事人撤回调解申请，问题退回办理';

/**
 * The applicant withdrew (recorded by the case's managers or mediators): the case WITHDRAWN (final), its scheduled
 * sessions cancelled, and the issue it came from back to its handlers (MEDIATION_WITHDRAWN).
 */
export async function withdrawCase(by: TBy, caseId: number, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const { case: c } = await requireCase(by, caseId, 'mediation.mediate', { db: tx });
    const t = caseTransition(c.status, { type: 'WITHDRAW' });
    if (!t.ok) return refuse(t.code);
    const moved = await tx.mediationCase.updateMany({
      where: { id: caseId, status: c.status },
      data: { status: t.next, concludedOn: dateOnly(chinaDay(now)) },
    });
    if (moved.count !== 1) refuse('mediation.wrongState');
    await tx.mediationSession.updateMany({ where: { caseId, status: 'SCHEDULED' }, data: { status: 'CANCELLED' } });
    await endIssueOfCase(tx, c.issueId, 'WITHDRAWN', WITHDRAWN, now, by);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'mediation.withdraw',
      entityType: 'MediationCase',
      entityId: caseId,
      before: { status: c.status },
      after: { status: t.next },
      communityId: c.communityId,
      compoundId: c.compoundId,
    });
  });
}
