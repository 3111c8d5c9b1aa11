import 'server-only';
import { personByPhone } from '@/server/people/person-by-phone';
import type { ResidencyRelation } from '@/generated/prisma/client';
import { normalisePhone } from '@/domain/shared/phone';
import { writeAudit } from '@/server/audit';
import { hashCode, newCode } from '@/server/auth/codes';
import { hashPassword } from '@/server/auth/password';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { householdAncestry } from '@/server/places/ancestry';
import { randomBytes } from 'node:crypto';
import { authorize, type TBy } from './by';
import { verifyAsHouseholdMember } from './claims';

/**
 * At a reception desk, staff who know the resident in person create the account for them: verified
 * at once as a member of the household. The resident sets a password with the printed one-time code.
 */
export async function createResidentAccount(
  by: TBy,
  input: { householdId: number; relation: ResidencyRelation; name: string; phone: string },
) {
  authorize(by, 'resident.verify', await householdAncestry(input.householdId));
  const phone = normalisePhone(input.phone) ?? refuse('account.phoneInvalid');
  const db = getDb();
  if (await db.user.findUnique({ where: { phone } })) refuse('account.phoneHasAccount');
  const code = newCode();
  await db.$transaction(async (tx) => {
    const person = await personByPhone(tx, input.name.trim(), phone);
    const user = await tx.user.create({
      data: { phone, personId: person.id, createdById: by.userId, passwordHash: await hashPassword(randomBytes(24).toString('base64url')) },
    });
    const claim = await tx.householdClaim.create({
      data: {
        userId: user.id,
        householdId: input.householdId,
        relation: input.relation,
        status: 'APPROVED',
        reviewedById: by.userId,
        reviewedAt: new Date(),
      },
    });
    await verifyAsHouseholdMember(tx, user.id, input.householdId, input.relation);
    await tx.passwordResetCode.create({
      data: { userId: user.id, codeHash: hashCode(code), issuedById: by.userId, expiresAt: new Date(Date.now() + 14 * 86400_000) },
    });
    const h = await tx.household.findUniqueOrThrow({
      where: { id: input.householdId },
      select: { building: { select: { compoundId: true, compound: { select: { communityId: true } } } } },
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'account.createAtDesk',
      entityType: 'User',
      entityId: user.id,
      after: { householdId: input.householdId, relation: input.relation, claimId: claim.id },
      communityId: h.building.compound.communityId,
      compoundId: h.building.compoundId,
    });
  });
  return { code };
}
