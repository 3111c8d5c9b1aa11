import 'server-only';
import { writeAudit } from '@/server/audit';
import { hashCode, newCode } from '@/server/auth/codes';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { authorize, type TBy } from './by';

const VALID_DAYS = 60;

export type TInvitationSheetRow = { building: string; unitNo: string; roomNo: string; code: string };

/**
 * Prints one-time invitation codes for the households of a compound (or one building of it). Each
 * code is shown only here, once; the database keeps its hash. Printing a household's slip again voids
 * the codes of its earlier slips (a lost or stolen slip stops working).
 */
export async function issueInvitationCodes(by: TBy, input: { compoundId: number; buildingId?: number }) {
  authorize(
    by,
    'resident.verify',
    await ancestryOf(input.buildingId ? { level: 'building', id: input.buildingId } : { level: 'compound', id: input.compoundId }),
  );
  const db = getDb();
  const compound = await db.compound.findUniqueOrThrow({ where: { id: input.compoundId }, select: { name: true, communityId: true } });
  const households = await db.household.findMany({
    where: { building: { compoundId: input.compoundId, ...(input.buildingId ? { id: input.buildingId } : {}) }, developerHeld: false },
    orderBy: [{ buildingId: 'asc' }, { unitNo: 'asc' }, { roomNo: 'asc' }],
    select: { id: true, unitNo: true, roomNo: true, building: { select: { name: true } } },
  });
  if (households.length === 0) refuse('invitation.noHouseholds');
  const expiresAt = new Date(Date.now() + VALID_DAYS * 24 * 3600 * 1000);
  const rows: TInvitationSheetRow[] = households.map((h) => ({
    building: h.building.name,
    unitNo: h.unitNo,
    roomNo: h.roomNo,
    code: newCode(),
  }));
  await db.$transaction(async (tx) => {
    // Reprints of one compound take turns, so two sheets printed at once cannot both stay valid.
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext('invitation.issue'), ${input.compoundId}::int)`;
    const now = new Date();
    const voided = await tx.invitationCode.updateMany({
      where: { householdId: { in: households.map((h) => h.id) }, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await tx.invitationCode.createMany({
      data: households.map((h, i) => ({ householdId: h.id, codeHash: hashCode(rows[i]!.code), issuedById: by.userId, expiresAt })),
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'invitation.issue',
      entityType: 'Compound',
      entityId: input.compoundId,
      after: { buildingId: input.buildingId ?? null, count: rows.length, voided: voided.count },
      communityId: compound.communityId,
    });
  });
  return { compound: compound.name, expiresAt, rows };
}
