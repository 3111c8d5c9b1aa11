import 'server-only';
import type { TAuditAction, TAuditEntity } from '@/domain/audit/actions';
import type { Prisma } from '@/generated/prisma/client';
import type { TTx } from './db';

export type TAuditEntry = {
  actorId: number | null;
  actorLabel: string;
  action: TAuditAction;
  entityType: TAuditEntity;
  entityId: string | number;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  communityId?: number | null;
  compoundId?: number | null;
  /** For a change above any community (a street's 党工委, a district's organisation register); with a community or a
   * compound, the database fills both from it (trigger audit_log_places). */
  streetId?: number | null;
  districtId?: number | null;
};

/** Every write that matters calls this inside its transaction: who, what, when, before → after. */
export async function writeAudit(tx: TTx, e: TAuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      ...e,
      entityId: String(e.entityId),
      communityId: e.communityId ?? null,
      compoundId: e.compoundId ?? null,
      streetId: e.streetId ?? null,
      districtId: e.districtId ?? null,
    },
  });
}
