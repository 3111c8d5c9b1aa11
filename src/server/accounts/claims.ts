import 'server-only';
import type { ResidencyRelation } from '@/generated/prisma/client';
import { scopesOf } from '@/domain/authz/can';
import { writeAudit } from '@/server/audit';
import { hashCode } from '@/server/auth/codes';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { householdAncestry } from '@/server/places/ancestry';
import { authorize, type TBy } from './by';
import { placeFilter } from './scope';
import { claimSubject, codeWasRight, countCodeAttempt } from './code-attempts';
import { notify } from '@/server/issues/notify';

/** A signed-in resident claims a household with the code printed for it; staff then review the claim. */
export async function claimHousehold(userId: number, input: { code: string; relation: ResidencyRelation }, address: string) {
  await countCodeAttempt(claimSubject(userId), address);
  const db = getDb();
  const claim = await db.$transaction(async (tx) => {
    const invitation = await tx.invitationCode.findUnique({
      where: { codeHash: hashCode(input.code) },
      select: { id: true, householdId: true, usedAt: true, expiresAt: true },
    });
    // Unknown, used and expired codes get the same answer: codes cannot be probed.
    if (!invitation || invitation.usedAt || invitation.expiresAt < new Date()) return refuse('claim.invalidCode');
    const used = await tx.invitationCode.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) return refuse('claim.invalidCode');
    if (
      await tx.householdClaim.findFirst({ where: { userId, householdId: invitation.householdId, status: { in: ['PENDING', 'APPROVED'] } } })
    ) {
      return refuse('claim.alreadyClaimed');
    }
    const claim = await tx.householdClaim.create({ data: { userId, householdId: invitation.householdId, relation: input.relation } });
    const h = await tx.household.findUniqueOrThrow({
      where: { id: invitation.householdId },
      select: { building: { select: { compoundId: true, compound: { select: { communityId: true } } } } },
    });
    await writeAudit(tx, {
      actorId: userId,
      actorLabel: `user:${userId}`,
      action: 'claim.create',
      entityType: 'HouseholdClaim',
      entityId: claim.id,
      after: { householdId: invitation.householdId, relation: input.relation },
      communityId: h.building.compound.communityId,
      compoundId: h.building.compoundId,
    });
    return claim;
  });
  await codeWasRight(claimSubject(userId), address);
  return claim;
}

/** Pending claims in the places where the actor verifies residents. */
export async function listPendingClaims(by: TBy) {
  const scopes = scopesOf(by.actor, 'resident.verify', by.today);
  if (scopes.length === 0) return [];
  return getDb().householdClaim.findMany({
    where: { status: 'PENDING', household: { building: { OR: scopes.map(placeFilter) } } },
    orderBy: { createdAt: 'asc' },
    take: 200,
    select: {
      id: true,
      relation: true,
      createdAt: true,
      user: { select: { phone: true, person: { select: { name: true } } } },
      household: {
        select: {
          unitNo: true,
          roomNo: true,
          building: { select: { name: true, compound: { select: { name: true } } } },
          ownerships: { select: { person: { select: { name: true, phone: true } } } },
        },
      },
    },
  });
}

/**
 * Approve or reject a claim. Approving verifies the account: the resident becomes owner/resident of the
 * household. When the roster lists an owner with the same mobile number who has no account yet, the
 * account is linked to that person (their body positions and party registration then apply).
 */
export async function reviewClaim(by: TBy, input: { claimId: number; approve: boolean; reason?: string }) {
  const db = getDb();
  const claim = await db.householdClaim.findUnique({
    where: { id: input.claimId },
    select: { id: true, status: true, householdId: true, relation: true, userId: true },
  });
  authorize(by, 'resident.verify', claim ? await householdAncestry(claim.householdId) : null);
  if (claim!.status !== 'PENDING') refuse('claim.notPending');
  if (!input.approve && !input.reason?.trim()) refuse('claim.reasonRequired');
  await db.$transaction(async (tx) => {
    const done = await tx.householdClaim.updateMany({
      where: { id: claim!.id, status: 'PENDING' },
      data: {
        status: input.approve ? 'APPROVED' : 'REJECTED',
        reviewedById: by.userId,
        reviewedAt: new Date(),
        rejectReason: input.approve ? null : input.reason!.trim(),
      },
    });
    if (done.count !== 1) refuse('claim.notPending');
    if (input.approve) await verifyAsHouseholdMember(tx, claim!.userId, claim!.householdId, claim!.relation);
    const h = await tx.household.findUniqueOrThrow({
      where: { id: claim!.householdId },
      select: {
        unitNo: true,
        roomNo: true,
        building: { select: { name: true, compoundId: true, compound: { select: { name: true, communityId: true } } } },
      },
    });
    // The resident hears the outcome, and on a rejection the reason (it is what they need to put it right).
    const home = `${h.building.compound.name} ${h.building.name} ${h.unitNo}-${h.roomNo}`;
    await notify(
      tx,
      [claim!.userId],
      input.approve
        ? { kind: 'claim.approved', link: '/account', title: home, body: home }
        : { kind: 'claim.rejected', link: '/account', title: input.reason!.trim(), body: home },
    );
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: input.approve ? 'claim.approve' : 'claim.reject',
      entityType: 'HouseholdClaim',
      entityId: claim!.id,
      before: { status: 'PENDING' },
      after: { status: input.approve ? 'APPROVED' : 'REJECTED', reason: input.reason ?? null },
      communityId: h.building.compound.communityId,
      compoundId: h.building.compoundId,
    });
  });
}

export async function verifyAsHouseholdMember(tx: TTx, userId: number, householdId: number, relation: ResidencyRelation) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { phone: true, personId: true, verifiedAt: true } });
  let personId = user.personId;
  const rosterPerson = await tx.person.findUnique({ where: { phone: user.phone }, select: { id: true, user: { select: { id: true } } } });
  if (rosterPerson && !rosterPerson.user && rosterPerson.id !== personId) {
    // The account's own person was a placeholder made at registration: the roster person replaces it.
    await tx.user.update({ where: { id: userId }, data: { personId: rosterPerson.id } });
    await tx.ownership.updateMany({ where: { personId }, data: { personId: rosterPerson.id } });
    await tx.residency.updateMany({ where: { personId }, data: { personId: rosterPerson.id } });
    personId = rosterPerson.id;
  }
  if (relation === 'OWNER' && !(await tx.ownership.findUnique({ where: { householdId_personId: { householdId, personId } } }))) {
    await tx.ownership.create({ data: { householdId, personId } });
  }
  if (!(await tx.residency.findUnique({ where: { householdId_personId: { householdId, personId } } }))) {
    await tx.residency.create({ data: { householdId, personId, relation } });
  }
  if (!user.verifiedAt) await tx.user.update({ where: { id: userId }, data: { verifiedAt: new Date() } });
}
