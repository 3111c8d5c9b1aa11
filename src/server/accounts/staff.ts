import 'server-only';
import { personByPhone } from '@/server/people/person-by-phone';
import { checkGrant, scopesOf } from '@/domain/authz/can';
import type { TGrantedRole } from '@/domain/authz/roles';
import { normalisePhone } from '@/domain/shared/phone';
import type { TPlaceRef } from '@/domain/territory/places';
import { writeAudit } from '@/server/audit';
import { hashCode, newCode } from '@/server/auth/codes';
import { hashPassword } from '@/server/auth/password';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf, PLACE_LEVEL_DB, PLACE_LEVEL_DOMAIN } from '@/server/places/ancestry';
import { randomBytes } from 'node:crypto';
import type { TBy } from './by';
import { dateOnly } from '@/server/today';

const FIRST_PASSWORD_DAYS = 14;

/**
 * A verified account for a staff member (a person found by phone, or made), whose first password nobody knows: the
 * staff member sets it with the one-time code, valid 14 days. The caller grants what the account may do and audits.
 */
export async function openAccountWithCode(tx: TTx, by: TBy, input: { name: string; phone: string; code: string }) {
  const person = await personByPhone(tx, input.name, input.phone);
  const user = await tx.user.create({
    data: {
      phone: input.phone,
      personId: person.id,
      createdById: by.userId,
      verifiedAt: new Date(),
      // Nobody knows this password: the first one is set with the one-time code.
      passwordHash: await hashPassword(randomBytes(24).toString('base64url')),
    },
  });
  await tx.passwordResetCode.create({
    data: {
      userId: user.id,
      codeHash: hashCode(input.code),
      issuedById: by.userId,
      expiresAt: new Date(Date.now() + FIRST_PASSWORD_DAYS * 86400_000),
    },
  });
  return { id: user.id, personId: person.id };
}

async function communityOf(place: TPlaceRef): Promise<number | null> {
  return (await ancestryOf(place))?.community ?? null;
}

/**
 * Creates a staff account with one role at one place. Only someone who manages staff there, with a
 * higher role, may do it (checkGrant). The new staff member sets a password with the printed code.
 */
export async function createStaffAccount(by: TBy, input: { name: string; phone: string; role: TGrantedRole; place: TPlaceRef }) {
  const phone = normalisePhone(input.phone) ?? refuse('account.phoneInvalid');
  const ancestry = await ancestryOf(input.place);
  if (!ancestry) return refuse('auth.forbidden');
  const refusal = checkGrant(by.actor, input.role, { ...input.place, ancestry }, by.today);
  if (refusal) refuse(refusal);
  const db = getDb();
  if (await db.user.findUnique({ where: { phone } })) refuse('account.phoneHasAccount');
  const code = newCode();
  const result = await db.$transaction(async (tx) => {
    const user = await openAccountWithCode(tx, by, { name: input.name.trim(), phone, code });
    const grant = await tx.roleGrant.create({
      data: {
        userId: user.id,
        role: input.role,
        placeLevel: PLACE_LEVEL_DB[input.place.level],
        placeId: input.place.id,
        startsOn: dateOnly(by.today),
        grantedById: by.userId,
      },
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'staff.create',
      entityType: 'User',
      entityId: user.id,
      after: { name: input.name, role: input.role, place: input.place, grantId: grant.id },
      communityId: ancestry.community ?? null,
    });
    return { userId: user.id };
  });
  return { ...result, code };
}

/** Grants another staff role to an existing account. */
export async function grantRole(by: TBy, input: { userId: number; role: TGrantedRole; place: TPlaceRef }) {
  const ancestry = await ancestryOf(input.place);
  if (!ancestry) return refuse('auth.forbidden');
  const refusal = checkGrant(by.actor, input.role, { ...input.place, ancestry }, by.today);
  if (refusal) refuse(refusal);
  const db = getDb();
  if (!(await db.user.findUnique({ where: { id: input.userId }, select: { id: true } }))) refuse('auth.forbidden');
  return db.$transaction(async (tx) => {
    const grant = await tx.roleGrant.create({
      data: {
        userId: input.userId,
        role: input.role,
        placeLevel: PLACE_LEVEL_DB[input.place.level],
        placeId: input.place.id,
        startsOn: dateOnly(by.today),
        grantedById: by.userId,
      },
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'grant.create',
      entityType: 'RoleGrant',
      entityId: grant.id,
      after: { userId: input.userId, role: input.role, place: input.place },
      communityId: ancestry.community ?? null,
    });
    return grant;
  });
}

/** Ends a grant today. Who could have granted it may revoke it. */
export async function revokeRole(by: TBy, grantId: number) {
  const db = getDb();
  const grant = await db.roleGrant.findUnique({ where: { id: grantId } });
  if (!grant || grant.revokedAt) return refuse('auth.forbidden');
  const place = { level: PLACE_LEVEL_DOMAIN[grant.placeLevel], id: grant.placeId };
  const ancestry = await ancestryOf(place);
  if (!ancestry) return refuse('auth.forbidden');
  const refusal = checkGrant(by.actor, grant.role, { ...place, ancestry }, by.today);
  if (refusal) refuse('auth.forbidden');
  // A property firm's staff grant follows the firm's contract and the person's employment (decision 045): ended by hand it
  // would come back at the next sync while the register still lists them. It ends where those are kept.
  if (grant.organizationAssignmentId !== null) refuse('grant.followsOrganization');
  await db.$transaction(async (tx) => {
    // Conditional: of two revokes at once, one ends the grant and writes the audit row; the other is refused.
    const r = await tx.roleGrant.updateMany({
      where: { id: grantId, revokedAt: null },
      data: { revokedAt: new Date(), endsOn: dateOnly(by.today) },
    });
    if (r.count !== 1) refuse('auth.forbidden');
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'grant.revoke',
      entityType: 'RoleGrant',
      entityId: grantId,
      before: { role: grant.role, place },
      communityId: await communityOf(place),
    });
  });
}

/** Staff grants in the places where the actor manages staff. */
export async function listStaffGrants(by: TBy) {
  const scopes = scopesOf(by.actor, 'staff.manage', by.today);
  if (scopes.length === 0) return [];
  const db = getDb();
  const ids = {
    DISTRICT: new Set<number>(),
    STREET: new Set<number>(),
    COMMUNITY: new Set<number>(),
    COMPOUND: new Set<number>(),
    BUILDING: new Set<number>(),
  };
  for (const s of scopes) {
    const a = {
      district: s.level === 'district' ? s.id : undefined,
      street: s.level === 'street' ? s.id : undefined,
      community: s.level === 'community' ? s.id : undefined,
    };
    if (a.district) {
      ids.DISTRICT.add(a.district);
      for (const st of await db.street.findMany({ where: { districtId: a.district }, select: { id: true } })) ids.STREET.add(st.id);
    }
    if (a.street) ids.STREET.add(a.street);
    const communities = await db.community.findMany({
      where: a.district
        ? { street: { districtId: a.district } }
        : a.street
          ? { streetId: a.street }
          : a.community
            ? { id: a.community }
            : { id: -1 },
      select: { id: true, compounds: { select: { id: true, buildings: { select: { id: true } } } } },
    });
    for (const c of communities) {
      ids.COMMUNITY.add(c.id);
      for (const p of c.compounds) {
        ids.COMPOUND.add(p.id);
        for (const b of p.buildings) ids.BUILDING.add(b.id);
      }
    }
  }
  return db.roleGrant.findMany({
    where: {
      revokedAt: null,
      OR: Object.entries(ids).map(([placeLevel, set]) => ({ placeLevel: placeLevel as keyof typeof ids, placeId: { in: [...set] } })),
    },
    orderBy: [{ placeLevel: 'asc' }, { role: 'desc' }],
    take: 500,
    select: {
      id: true,
      role: true,
      placeLevel: true,
      placeId: true,
      startsOn: true,
      organizationAssignmentId: true,
      user: { select: { id: true, phone: true, person: { select: { name: true } } } },
    },
  });
}
