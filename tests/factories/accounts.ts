import bcrypt from 'bcryptjs';
import type { PlaceLevel, ResidencyRelation, Role } from '@/generated/prisma/client';
import { day, type TDbLike } from './db';

/** bcrypt at cost 4 for tests and demo accounts made in bulk; the app itself hashes at cost 10. */
export const quickHash = (password: string) => bcrypt.hashSync(password, 4);

export async function createUser(
  db: TDbLike,
  attrs: { name?: string; phone: string; password: string; personId?: number; verified?: boolean },
) {
  const personId = attrs.personId ?? (await db.person.create({ data: { name: attrs.name ?? '测试用户' } })).id;
  return db.user.create({
    data: { phone: attrs.phone, passwordHash: quickHash(attrs.password), personId, verifiedAt: attrs.verified ? new Date() : null },
  });
}

export async function grantRole(db: TDbLike, userId: number, role: Role, placeLevel: PlaceLevel, placeId: number, startsOn = '2024-01-01') {
  return db.roleGrant.create({ data: { userId, role, placeLevel, placeId, startsOn: day(startsOn) } });
}

/** A staff member with one role at one place. */
export async function createStaff(
  db: TDbLike,
  attrs: { name: string; phone: string; password: string; role: Role; placeLevel: PlaceLevel; placeId: number },
) {
  const existing = await db.person.findUnique({ where: { phone: attrs.phone } });
  const person = existing ?? (await db.person.create({ data: { name: attrs.name, phone: attrs.phone } }));
  const user = await createUser(db, { phone: attrs.phone, password: attrs.password, personId: person.id, verified: true });
  await grantRole(db, user.id, attrs.role, attrs.placeLevel, attrs.placeId);
  return user;
}

/** An account for a roster person, verified as a member of the household (as staff approval does). */
export async function createVerifiedResident(
  db: TDbLike,
  attrs: { personId: number; phone: string; password: string; householdId: number; relation?: ResidencyRelation },
) {
  const user = await createUser(db, { phone: attrs.phone, password: attrs.password, personId: attrs.personId, verified: true });
  await db.householdClaim.create({
    data: {
      userId: user.id,
      householdId: attrs.householdId,
      relation: attrs.relation ?? 'OWNER',
      status: 'APPROVED',
      reviewedAt: new Date(),
    },
  });
  // As approving the claim does: an owner is one by an Ownership row (the only source of the owner role).
  if ((attrs.relation ?? 'OWNER') === 'OWNER') {
    const key = { householdId: attrs.householdId, personId: attrs.personId };
    await db.ownership.upsert({ where: { householdId_personId: key }, create: key, update: {} });
  }
  return user;
}
