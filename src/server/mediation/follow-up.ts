import 'server-only';
import { followUpRefusal } from '@/domain/mediation/agreement';
import { caseTransition, type TFollowUpResult } from '@/domain/mediation/status';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { dateOnly, fromDateOnly } from '@/server/today';
import { requireCase } from './access';
import { auditCase } from './agreement';

const AGREEMENT_AFTER = { KEPT: 'KEPT', PARTLY: 'SIGNED', BROKEN: 'BROKEN' } as const;

/**
 * 回访: a visit from the agreement's deadline on (China's day) checks it was kept. KEPT closes the case (and the agreement
 * is KEPT); PARTLY keeps it AGREED for another visit; BROKEN marks the agreement BROKEN and opens the case again
 * (reopenCount + 1), so that a new agreement may be drafted. Two visits logged at once: the case's row changes only if it
 * is still as read (status and last change), so one wins and the other is refused with nothing written.
 */
export async function recordFollowUp(by: TBy, caseId: number, input: { result: TFollowUpResult; note: string; visits?: number }) {
  const note = input.note.trim();
  if (!note) refuse('mediation.noteEmpty');
  return getDb().$transaction(async (tx) => {
    const { case: c } = await requireCase(by, caseId, 'mediation.mediate', { db: tx });
    // Two visits at once take turns on the case's row: the second reads what the first left (then its `visits` differ).
    await tx.$executeRaw`SELECT 1 FROM "MediationCase" WHERE id = ${caseId} FOR UPDATE`;
    const now = await tx.mediationCase.findUniqueOrThrow({
      where: { id: caseId },
      select: { status: true, updatedAt: true, reopenCount: true },
    });
    // Posted from a page that showed `visits` follow-ups: one recorded since (by someone else at once) wins.
    if (input.visits !== undefined && (await tx.mediationFollowUp.count({ where: { caseId } })) !== input.visits)
      refuse('mediation.changedMeanwhile');
    const moved = caseTransition(now.status, { type: 'FOLLOW_UP', result: input.result });
    if (!moved.ok) return refuse(moved.code);
    const a = (await tx.mediationAgreement.findFirst({ where: { caseId, status: 'SIGNED' } })) ?? refuse('mediation.wrongState');
    const early = followUpRefusal(fromDateOnly(a.dueOn), by.today);
    if (early) return refuse(early, { dueOn: fromDateOnly(a.dueOn) });
    const today = dateOnly(by.today);
    const changed = await tx.mediationCase.updateMany({
      where: { id: caseId, status: now.status, updatedAt: now.updatedAt },
      data: {
        status: moved.next,
        updatedAt: new Date(),
        ...(input.result === 'KEPT' ? { closedOn: today } : {}),
        ...(moved.reopened ? { reopenCount: now.reopenCount + 1, concludedOn: null } : {}),
      },
    });
    if (changed.count !== 1) refuse('mediation.changedMeanwhile');
    if (AGREEMENT_AFTER[input.result] !== 'SIGNED')
      await tx.mediationAgreement.update({ where: { id: a.id }, data: { status: AGREEMENT_AFTER[input.result] } });
    const f = await tx.mediationFollowUp.create({
      data: { caseId, agreementId: a.id, visitedOn: today, result: input.result, note, byUserId: by.userId },
    });
    await auditCase(
      tx,
      by,
      c,
      'mediation.followUp',
      { type: 'MediationFollowUp', id: f.id },
      {
        before: { status: now.status },
        after: { status: moved.next, result: input.result, agreementId: a.id },
      },
    );
    return { id: f.id, status: moved.next };
  });
}
