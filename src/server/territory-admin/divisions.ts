import 'server-only';
import { mayBuild, scopesOf } from '@/domain/authz/can';
import { cleanPlaceName, nextHandMadeCode, type TDivisionLevel } from '@/domain/territory/hand-made';
import { pinyinInitials } from '@/domain/territory/initials';
import type { TAncestry } from '@/domain/territory/places';
import type { CommunityKind } from '@/generated/prisma/client';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { nameTakenOnConflict } from './name-taken';

// Streets and communities set up by hand (decision 046): a street by the district, a community by its street office or
// the district (mayBuild: only below one's own level). Each write locks the parent's row, so two requests naming the same
// place at once run one after the other and the second is told the name is taken (the database's unique index agrees).

function requireBuild(by: TBy, level: TDivisionLevel, ancestry: TAncestry | null) {
  if (!ancestry || !mayBuild(by.actor, 'territory.manage', level, { ancestry }, by.today)) refuse('auth.forbidden');
}

const placeName = (raw: string) => cleanPlaceName(raw) ?? refuse('place.nameInvalid');

async function lockDistrict(tx: TTx, districtId: number) {
  const [d] = await tx.$queryRaw<{ code: string }[]>`SELECT code FROM "District" WHERE id = ${districtId} FOR UPDATE`;
  return d ?? refuse('auth.forbidden');
}

async function lockStreet(tx: TTx, streetId: number) {
  const [s] = await tx.$queryRaw<{ code: string; districtId: number }[]>`
    SELECT code, "districtId" FROM "Street" WHERE id = ${streetId} FOR UPDATE`;
  return s ?? refuse('auth.forbidden');
}

export type TStreetInput = { districtId: number; name: string };

/** A street (街道/乡镇) the official tables lack, in one's district; its code is the district's + X + a number. */
export async function createStreetIn(tx: TTx, by: TBy, input: TStreetInput) {
  requireBuild(by, 'street', { district: input.districtId });
  const name = placeName(input.name);
  const district = await lockDistrict(tx, input.districtId);
  if (await tx.street.findFirst({ where: { districtId: input.districtId, name }, select: { id: true } })) refuse('place.nameTaken');
  const siblings = await tx.street.findMany({
    where: { districtId: input.districtId, code: { startsWith: `${district.code}X` } },
    select: { code: true },
  });
  const code = nextHandMadeCode(
    district.code,
    siblings.map((s) => s.code),
  );
  const street = await tx.street.create({ data: { code, name, initials: pinyinInitials(name), districtId: input.districtId } });
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'street.create',
    entityType: 'Street',
    entityId: street.id,
    after: { code, name, districtId: input.districtId },
    streetId: street.id,
  });
  return street;
}

export const createStreet = (by: TBy, input: TStreetInput) =>
  nameTakenOnConflict(() => getDb().$transaction((tx) => createStreetIn(tx, by, input)));

/** Renames a street of one's district (official or hand-made); the code stays. */
export async function renameStreet(by: TBy, input: { streetId: number; name: string }) {
  const found = await getDb().street.findUnique({ where: { id: input.streetId }, select: { districtId: true } });
  requireBuild(by, 'street', found && { district: found.districtId, street: input.streetId });
  const name = placeName(input.name);
  return nameTakenOnConflict(() =>
    getDb().$transaction(async (tx) => {
      await lockDistrict(tx, found!.districtId);
      const before = await tx.street.findUniqueOrThrow({ where: { id: input.streetId }, select: { name: true } });
      if (before.name === name) return;
      if (await tx.street.findFirst({ where: { districtId: found!.districtId, name }, select: { id: true } })) refuse('place.nameTaken');
      await tx.street.update({ where: { id: input.streetId }, data: { name, initials: pinyinInitials(name) } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'street.rename',
        entityType: 'Street',
        entityId: input.streetId,
        before,
        after: { name },
        streetId: input.streetId,
      });
    }),
  );
}

export type TCommunityInput = { streetId: number; name: string; kind: CommunityKind };

/** A community (社区) or village (村) the official tables lack, under a street; its code is the street's + X + a number. */
export async function createCommunityIn(tx: TTx, by: TBy, input: TCommunityInput) {
  const found = await tx.street.findUnique({ where: { id: input.streetId }, select: { districtId: true } });
  requireBuild(by, 'community', found && { district: found.districtId, street: input.streetId });
  const name = placeName(input.name);
  const street = await lockStreet(tx, input.streetId);
  if (await tx.community.findFirst({ where: { streetId: input.streetId, name }, select: { id: true } })) refuse('place.nameTaken');
  const siblings = await tx.community.findMany({
    where: { streetId: input.streetId, code: { startsWith: `${street.code}X` } },
    select: { code: true },
  });
  const code = nextHandMadeCode(
    street.code,
    siblings.map((c) => c.code),
  );
  const community = await tx.community.create({
    data: { code, name, kind: input.kind, initials: pinyinInitials(name), streetId: input.streetId },
  });
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'community.create',
    entityType: 'Community',
    entityId: community.id,
    after: { code, name, kind: input.kind, streetId: input.streetId },
    communityId: community.id,
  });
  return community;
}

export const createCommunity = (by: TBy, input: TCommunityInput) =>
  nameTakenOnConflict(() => getDb().$transaction((tx) => createCommunityIn(tx, by, input)));

/** Renames a community of one's street (or district), or corrects whether it is an urban community or a village. */
export async function updateCommunity(by: TBy, input: { communityId: number; name: string; kind: CommunityKind }) {
  const found = await getDb().community.findUnique({
    where: { id: input.communityId },
    select: { streetId: true, street: { select: { districtId: true } } },
  });
  requireBuild(by, 'community', found && { district: found.street.districtId, street: found.streetId, community: input.communityId });
  const name = placeName(input.name);
  return nameTakenOnConflict(() =>
    getDb().$transaction(async (tx) => {
      await lockStreet(tx, found!.streetId);
      const before = await tx.community.findUniqueOrThrow({ where: { id: input.communityId }, select: { name: true, kind: true } });
      if (before.name === name && before.kind === input.kind) return;
      if (await tx.community.findFirst({ where: { streetId: found!.streetId, name, id: { not: input.communityId } } }))
        refuse('place.nameTaken');
      await tx.community.update({ where: { id: input.communityId }, data: { name, kind: input.kind, initials: pinyinInitials(name) } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'community.update',
        entityType: 'Community',
        entityId: input.communityId,
        before,
        after: { name, kind: input.kind },
        communityId: input.communityId,
      });
    }),
  );
}

/**
 * Where the actor sets up streets and communities: the districts where they add streets (with those streets, to rename)
 * and the streets under which they add communities. Empty for anyone below a street office.
 */
export async function listDivisionsToBuild(by: TBy) {
  const scopes = scopesOf(by.actor, 'territory.manage', by.today);
  const districtIds = scopes.filter((s) => s.level === 'district').map((s) => s.id);
  const streetIds = scopes.filter((s) => s.level === 'street').map((s) => s.id);
  if (districtIds.length + streetIds.length === 0) return { districts: [], streets: [] };
  const db = getDb();
  const districts = await db.district.findMany({
    where: { id: { in: districtIds } },
    orderBy: { code: 'asc' },
    select: {
      id: true,
      name: true,
      streets: { orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, _count: { select: { communities: true } } } },
    },
  });
  const own = await db.street.findMany({
    where: { id: { in: streetIds }, districtId: { notIn: districtIds } },
    orderBy: { code: 'asc' },
    select: { id: true, code: true, name: true },
  });
  return { districts, streets: [...districts.flatMap((d) => d.streets), ...own].map((s) => ({ id: s.id, name: s.name, code: s.code })) };
}
