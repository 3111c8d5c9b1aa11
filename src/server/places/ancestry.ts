import 'server-only';
import type { TAncestry, TPlaceLevel, TPlaceRef } from '@/domain/territory/places';
import { getDb, type TTx } from '@/server/db';
import { kept } from '@/server/kept';

// Places do not move between parents in normal use; a restructuring shows everywhere within five minutes.
const ancestries = kept<string, TAncestry | null>('ancestry', 5 * 60_000);

/** ancestryOf, kept per instance: for the hot paths (a ballot, a new issue, where a resident lives). */
export const keptAncestryOf = (place: TPlaceRef): Promise<TAncestry | null> =>
  ancestries.get(`${place.level}:${place.id}`, () => ancestryOf(place));

/** The place and every place above it, as authorization needs it. null when the place does not exist. `db`: a transaction's view. */
export async function ancestryOf(place: TPlaceRef, db: TTx = getDb()): Promise<TAncestry | null> {
  switch (place.level) {
    case 'district':
      return (await db.district.count({ where: { id: place.id } })) ? { district: place.id } : null;
    case 'street': {
      const s = await db.street.findUnique({ where: { id: place.id }, select: { districtId: true } });
      return s && { district: s.districtId, street: place.id };
    }
    case 'community': {
      const c = await db.community.findUnique({
        where: { id: place.id },
        select: { streetId: true, street: { select: { districtId: true } } },
      });
      return c && { district: c.street.districtId, street: c.streetId, community: place.id };
    }
    case 'compound': {
      const p = await db.compound.findUnique({ where: { id: place.id }, select: { districtId: true, streetId: true, communityId: true } });
      return p && { district: p.districtId, street: p.streetId, community: p.communityId, compound: place.id };
    }
    case 'building': {
      const b = await db.building.findUnique({
        where: { id: place.id },
        select: { compound: { select: { id: true, districtId: true, streetId: true, communityId: true } } },
      });
      return (
        b && {
          district: b.compound.districtId,
          street: b.compound.streetId,
          community: b.compound.communityId,
          compound: b.compound.id,
          building: place.id,
        }
      );
    }
  }
}

export async function householdAncestry(householdId: number): Promise<TAncestry | null> {
  const h = await getDb().household.findUnique({ where: { id: householdId }, select: { buildingId: true } });
  return h ? ancestryOf({ level: 'building', id: h.buildingId }) : null;
}

export const PLACE_LEVEL_DB: Record<TPlaceLevel, 'DISTRICT' | 'STREET' | 'COMMUNITY' | 'COMPOUND' | 'BUILDING'> = {
  district: 'DISTRICT',
  street: 'STREET',
  community: 'COMMUNITY',
  compound: 'COMPOUND',
  building: 'BUILDING',
};
export const PLACE_LEVEL_DOMAIN = Object.fromEntries(Object.entries(PLACE_LEVEL_DB).map(([k, v]) => [v, k])) as Record<
  'DISTRICT' | 'STREET' | 'COMMUNITY' | 'COMPOUND' | 'BUILDING',
  TPlaceLevel
>;
