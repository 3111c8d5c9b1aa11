import 'server-only';
import { pinyinInitials } from '@/domain/territory/initials';
import type { UnitUse } from '@/generated/prisma/client';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { nameTakenOnConflict } from './name-taken';

export type TCompoundInput = {
  name: string;
  address?: string;
  developerName?: string;
  parkingCountsInArea: boolean;
  silentFollowMajority: boolean;
  /** Where it is (decimal degrees): Open311 places a hotline request by the nearest compound (decision 060). */
  location?: { lat: number; long: number } | null;
};

const snapshot = (c: TCompoundInput) => ({
  name: c.name,
  address: c.address ?? null,
  developerName: c.developerName ?? null,
  parkingCountsInArea: c.parkingCountsInArea,
  silentFollowMajority: c.silentFollowMajority,
  lat: c.location?.lat ?? null,
  long: c.location?.long ?? null,
});

export async function createCompound(by: TBy, communityId: number, input: TCompoundInput) {
  authorize(by, 'territory.manage', await ancestryOf({ level: 'community', id: communityId }));
  const db = getDb();
  const community = await db.community.findUniqueOrThrow({
    where: { id: communityId },
    select: { streetId: true, street: { select: { districtId: true } } },
  });
  if (await db.compound.findFirst({ where: { communityId, name: input.name } })) refuse('place.nameTaken');
  return nameTakenOnConflict(() =>
    db.$transaction(async (tx) => {
      const compound = await tx.compound.create({
        data: {
          ...snapshot(input),
          initials: pinyinInitials(input.name),
          communityId,
          streetId: community.streetId,
          districtId: community.street.districtId,
        },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'compound.create',
        entityType: 'Compound',
        entityId: compound.id,
        after: snapshot(input),
        communityId,
        compoundId: compound.id,
      });
      return compound;
    }),
  );
}

export async function updateCompound(by: TBy, compoundId: number, input: TCompoundInput) {
  authorize(by, 'territory.manage', await ancestryOf({ level: 'compound', id: compoundId }));
  const db = getDb();
  const before = await db.compound.findUniqueOrThrow({ where: { id: compoundId } });
  if (input.name !== before.name && (await db.compound.findFirst({ where: { communityId: before.communityId, name: input.name } })))
    refuse('place.nameTaken');
  await nameTakenOnConflict(() =>
    db.$transaction(async (tx) => {
      await tx.compound.update({ where: { id: compoundId }, data: { ...snapshot(input), initials: pinyinInitials(input.name) } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'compound.update',
        entityType: 'Compound',
        entityId: compoundId,
        before: snapshot({
          ...before,
          address: before.address ?? undefined,
          developerName: before.developerName ?? undefined,
          location: before.lat !== null && before.long !== null ? { lat: before.lat, long: before.long } : null,
        }),
        after: snapshot(input),
        communityId: before.communityId,
        compoundId,
      });
    }),
  );
}

export async function createBuilding(by: TBy, compoundId: number, input: { name: string; unitCount: number }) {
  authorize(by, 'territory.manage', await ancestryOf({ level: 'compound', id: compoundId }));
  const db = getDb();
  if (await db.building.findFirst({ where: { compoundId, name: input.name } })) refuse('place.nameTaken');
  return nameTakenOnConflict(() =>
    db.$transaction(async (tx) => {
      const b = await tx.building.create({ data: { compoundId, ...input } });
      const c = await tx.compound.findUniqueOrThrow({ where: { id: compoundId }, select: { communityId: true } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'building.create',
        entityType: 'Building',
        entityId: b.id,
        after: input,
        communityId: c.communityId,
        compoundId,
      });
      return b;
    }),
  );
}

/** Adds a unit, or corrects its area, use and developer status (the roster import does the same in bulk). */
export async function saveHousehold(
  by: TBy,
  input: { buildingId: number; unitNo: string; roomNo: string; areaCentiM2: number; use: UnitUse; developerHeld: boolean },
) {
  const ancestry = await ancestryOf({ level: 'building', id: input.buildingId });
  authorize(by, 'territory.manage', ancestry);
  const data = { areaCentiM2: input.areaCentiM2, use: input.use, developerHeld: input.developerHeld };
  const unit = { buildingId: input.buildingId, unitNo: input.unitNo, roomNo: input.roomNo };
  return getDb().$transaction(async (tx) => {
    // Created here, or already there (then locked): two saves at once record one creation and one update.
    const [created] = await tx.household.createManyAndReturn({ data: [{ ...unit, ...data }], skipDuplicates: true });
    const [before] = created
      ? [null]
      : await tx.$queryRaw<{ id: number; areaCentiM2: number; use: UnitUse; developerHeld: boolean }[]>`
          SELECT id, "areaCentiM2", use, "developerHeld" FROM "Household"
           WHERE "buildingId" = ${unit.buildingId} AND "unitNo" = ${unit.unitNo} AND "roomNo" = ${unit.roomNo} FOR UPDATE`;
    const h = created ?? (await tx.household.update({ where: { id: before!.id }, data }));
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: before ? 'household.update' : 'household.create',
      entityType: 'Household',
      entityId: h.id,
      before: before ? { areaCentiM2: before.areaCentiM2, use: before.use, developerHeld: before.developerHeld } : undefined,
      after: data,
      communityId: ancestry!.community,
      compoundId: ancestry!.compound,
    });
    return h;
  });
}

/** A compound as staff manage it: settings, buildings with unit counts, bodies with current members. */
export async function getCompoundForAdmin(by: TBy, compoundId: number) {
  authorize(by, 'territory.manage', await ancestryOf({ level: 'compound', id: compoundId }));
  return getDb().compound.findUniqueOrThrow({
    where: { id: compoundId },
    select: {
      id: true,
      name: true,
      address: true,
      developerName: true,
      lat: true,
      long: true,
      parkingCountsInArea: true,
      silentFollowMajority: true,
      communityId: true,
      community: { select: { name: true } },
      buildings: { orderBy: { id: 'asc' }, select: { id: true, name: true, unitCount: true, _count: { select: { households: true } } } },
      bodies: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          kind: true,
          name: true,
          seats: true,
          termStartsOn: true,
          termEndsOn: true,
          members: {
            where: { endsOn: null },
            orderBy: { id: 'asc' },
            select: { id: true, position: true, startsOn: true, person: { select: { name: true } } },
          },
        },
      },
    },
  });
}

/** Renames a building or corrects its number of stairwell units. */
export async function updateBuilding(by: TBy, buildingId: number, input: { name: string; unitCount: number }) {
  const ancestry = await ancestryOf({ level: 'building', id: buildingId });
  authorize(by, 'territory.manage', ancestry);
  const db = getDb();
  const before = await db.building.findUniqueOrThrow({
    where: { id: buildingId },
    select: { name: true, unitCount: true, compoundId: true },
  });
  if (input.name !== before.name && (await db.building.findFirst({ where: { compoundId: before.compoundId, name: input.name } })))
    refuse('place.nameTaken');
  await nameTakenOnConflict(() =>
    db.$transaction(async (tx) => {
      await tx.building.update({ where: { id: buildingId }, data: input });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'building.update',
        entityType: 'Building',
        entityId: buildingId,
        before: { name: before.name, unitCount: before.unitCount },
        after: input,
        communityId: ancestry!.community,
        compoundId: ancestry!.compound,
      });
    }),
  );
}
