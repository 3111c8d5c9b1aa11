import type { MediationKind } from '@/generated/prisma/client';
import { chinaDay, dateOnly } from '@/server/today';
import type { TDbLike } from './db';

/** How a case stands, as the statistics see it (decision 062). */
export type TCaseOutcome = 'open' | 'draft' | 'agreed' | 'kept' | 'broken' | 'unresolved' | 'withdrawn';

/**
 * A mediation case written straight into the tables, for the statistics' tests (the use cases that receive and
 * conclude cases are tested on their own). `receivedAt` is an instant: the case's day is China's day of it, as
 * the intake records it. Two outside parties (the agreement's trigger needs both sides), and the agreement and
 * follow-up that the outcome implies.
 */
export async function insertMediationCase(
  db: TDbLike,
  o: { communityId: number; compoundId?: number; kind: MediationKind; receivedAt: Date; outcome: TCaseOutcome; createdById: number },
) {
  const receivedOn = chinaDay(o.receivedAt);
  const year = Number(receivedOn.slice(0, 4));
  const seq = (await db.mediationCase.count({ where: { communityId: o.communityId, year } })) + 1;
  const concluded = dateOnly(receivedOn);
  const status = {
    open: 'OPEN',
    draft: 'OPEN',
    agreed: 'AGREED',
    kept: 'CLOSED',
    broken: 'OPEN',
    unresolved: 'UNRESOLVED',
    withdrawn: 'WITHDRAWN',
  } as const;
  const c = await db.mediationCase.create({
    data: {
      communityId: o.communityId,
      compoundId: o.compoundId ?? null,
      year,
      seq,
      kind: o.kind,
      source: 'WALK_IN',
      summary: '统计测试：楼上楼下漏水',
      status: status[o.outcome],
      receivedOn: dateOnly(receivedOn),
      concludedOn: status[o.outcome] === 'OPEN' ? null : concluded,
      closedOn: o.outcome === 'kept' ? concluded : null,
      referral: o.outcome === 'unresolved' ? 'STREET_CENTRE' : null,
      reopenCount: o.outcome === 'broken' ? 1 : 0,
      createdById: o.createdById,
      parties: {
        create: [
          { side: 'APPLICANT', name: '统计甲', phone: '13800000001' },
          { side: 'RESPONDENT', name: '统计乙', phone: '13800000002' },
        ],
      },
    },
  });
  if (o.outcome === 'open' || o.outcome === 'unresolved' || o.outcome === 'withdrawn') return c;
  const signed = o.outcome !== 'draft';
  const agreementStatus = { draft: 'DRAFT', agreed: 'SIGNED', kept: 'KEPT', broken: 'BROKEN' } as const;
  const a = await db.mediationAgreement.create({
    data: {
      caseId: c.id,
      status: agreementStatus[o.outcome],
      facts: '漏水',
      terms: [{ text: '楼上修复防水层' }],
      performance: '一次性修复',
      dueOn: concluded,
      signedOn: signed ? concluded : null,
      scanKey: signed ? `mediation-stats/${c.id}.pdf` : null,
      createdById: o.createdById,
    },
  });
  if (o.outcome === 'kept' || o.outcome === 'broken')
    await db.mediationFollowUp.create({
      data: {
        caseId: c.id,
        agreementId: a.id,
        visitedOn: concluded,
        result: o.outcome === 'kept' ? 'KEPT' : 'BROKEN',
        note: '回访',
        byUserId: o.createdById,
      },
    });
  return c;
}
