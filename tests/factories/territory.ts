import { pinyinInitials } from '@/domain/territory/initials';
import type { UnitUse } from '@/generated/prisma/client';
import type { TDbLike } from './db';

export async function communityByCode(db: TDbLike, code: string) {
  return db.community.findUniqueOrThrow({ where: { code }, include: { street: true } });
}

export async function createCompound(
  db: TDbLike,
  attrs: {
    communityId: number;
    name: string;
    address?: string;
    developerName?: string;
    parkingCountsInArea?: boolean;
    /** Decimal degrees, where Open311 places hotline requests by the nearest compound (decision 060). */
    lat?: number;
    long?: number;
  },
) {
  const community = await db.community.findUniqueOrThrow({ where: { id: attrs.communityId }, include: { street: true } });
  return db.compound.create({
    data: {
      ...attrs,
      initials: pinyinInitials(attrs.name),
      streetId: community.streetId,
      districtId: community.street.districtId,
    },
  });
}

export async function createBuilding(db: TDbLike, attrs: { compoundId: number; name: string; unitCount?: number; gridId?: number }) {
  return db.building.create({ data: attrs });
}

/**
 * Creates the units of a building: for each stairwell unit, `floors` floors of `perFloor` rooms
 * numbered 101, 102, …; areas cycle through `areasCentiM2`.
 */
export async function createHouseholds(
  db: TDbLike,
  attrs: { buildingId: number; units?: number; floors: number; perFloor: number; areasCentiM2: number[]; use?: UnitUse },
) {
  const rows = [];
  let k = 0;
  for (let u = 1; u <= (attrs.units ?? 1); u++)
    for (let f = 1; f <= attrs.floors; f++)
      for (let r = 1; r <= attrs.perFloor; r++) {
        rows.push({
          buildingId: attrs.buildingId,
          unitNo: String(u),
          roomNo: `${f}${String(r).padStart(2, '0')}`,
          areaCentiM2: attrs.areasCentiM2[k++ % attrs.areasCentiM2.length]!,
          use: attrs.use ?? 'RESIDENTIAL',
        });
      }
  await db.household.createMany({ data: rows });
  return db.household.findMany({ where: { buildingId: attrs.buildingId }, orderBy: [{ unitNo: 'asc' }, { roomNo: 'asc' }] });
}

export async function createGrid(
  db: TDbLike,
  attrs: { communityId: number; name: string; parentId?: number; kind?: 'GRID' | 'MICRO_GRID' },
) {
  return db.grid.create({ data: attrs });
}
