import type { MediationSide, MediationStatus, MediatorSource } from '@/generated/prisma/client';
import { day, type TDbLike } from './db';

type TPartySpec = { side: MediationSide; name: string; personId?: number; householdId?: number; phone?: string; address?: string };

/**
 * A mediation case inserted directly (the intake's use cases are another part's), with its parties and mediators, for
 * tests of the outcome: agreement, signing, no agreement, follow-up. The 案号 takes the next seq of the community's year.
 */
export async function createMediationCase(
  db: TDbLike,
  attrs: {
    communityId: number;
    compoundId?: number;
    createdById: number;
    receivedOn: string;
    status?: MediationStatus;
    issueId?: number;
    summary?: string;
    parties: TPartySpec[];
    mediators?: { personId: number; source?: MediatorSource; lead?: boolean }[];
  },
) {
  const year = Number(attrs.receivedOn.slice(0, 4));
  const last = await db.mediationCase.aggregate({ where: { communityId: attrs.communityId, year }, _max: { seq: true } });
  const c = await db.mediationCase.create({
    data: {
      year,
      seq: (last._max.seq ?? 0) + 1,
      communityId: attrs.communityId,
      compoundId: attrs.compoundId,
      kind: 'WATER_LEAK',
      source: attrs.issueId ? 'ISSUE' : 'WALK_IN',
      summary: attrs.summary ?? '楼上卫生间漏水渗到楼下，双方对维修费用有争议',
      status: attrs.status ?? 'OPEN',
      receivedOn: day(attrs.receivedOn),
      issueId: attrs.issueId,
      createdById: attrs.createdById,
    },
  });
  if (attrs.parties.length) await db.mediationParty.createMany({ data: attrs.parties.map((p) => ({ caseId: c.id, ...p })) });
  if (attrs.mediators?.length)
    await db.caseMediator.createMany({
      data: attrs.mediators.map((m, i) => ({
        caseId: c.id,
        personId: m.personId,
        source: m.source ?? 'GRID_WORKER',
        lead: m.lead ?? i === 0,
        addedById: attrs.createdById,
      })),
    });
  return c;
}
