import 'server-only';
import { mayBuild } from '@/domain/authz/can';
import { PARTY_ORG_LEVEL, type TPartyOrgKind, type TPartyOrgPlaces } from '@/domain/party/levels';
import type { TAncestry, TPlaceRef } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import type { TDb, TTx } from '@/server/db';
import { refuse } from '@/server/errors';

type TDbLike = TDb | TTx;

/** The place an organisation sits at, as authorization sees it (a grid branch: its community). */
export function partyOrgPlace(org: {
  streetId: number;
  communityId: number | null;
  compoundId: number | null;
  buildingId: number | null;
}): TPlaceRef {
  if (org.buildingId) return { level: 'building', id: org.buildingId };
  if (org.compoundId) return { level: 'compound', id: org.compoundId };
  if (org.communityId) return { level: 'community', id: org.communityId };
  return { level: 'street', id: org.streetId };
}

/** The ancestry of an organisation's place, read from its own denormalised columns (no further query). */
export function partyOrgAncestry(org: {
  districtId: number;
  streetId: number;
  communityId: number | null;
  compoundId: number | null;
  buildingId: number | null;
}): TAncestry {
  return {
    district: org.districtId,
    street: org.streetId,
    ...(org.communityId ? { community: org.communityId } : {}),
    ...(org.compoundId ? { compound: org.compoundId } : {}),
    ...(org.buildingId ? { building: org.buildingId } : {}),
  };
}

/** Refuses unless the actor builds organisations of this kind at that place (mayBuild at the kind's level). */
export function requireBuild(by: TBy, kind: TPartyOrgKind, ancestry: TAncestry | null): asserts ancestry is TAncestry {
  if (!ancestry || !mayBuild(by.actor, 'partyOrg.manage', PARTY_ORG_LEVEL[kind], { ancestry }, by.today)) refuse('auth.forbidden');
}

export type TResolvedPlaces = TPartyOrgPlaces & { districtId: number; streetId: number };

/**
 * Every place an organisation of this kind names, from the one place of its level (a street, community, grid, compound
 * or building id). null when that place does not exist.
 */
export async function resolvePlaces(db: TDbLike, kind: TPartyOrgKind, placeId: number): Promise<TResolvedPlaces | null> {
  switch (PARTY_ORG_LEVEL[kind]) {
    case 'street': {
      const s = await db.street.findUnique({ where: { id: placeId }, select: { id: true, districtId: true } });
      return s && { districtId: s.districtId, streetId: s.id };
    }
    case 'community': {
      const c = await db.community.findUnique({
        where: { id: placeId },
        select: { id: true, streetId: true, street: { select: { districtId: true } } },
      });
      return c && { districtId: c.street.districtId, streetId: c.streetId, communityId: c.id };
    }
    case 'grid': {
      const g = await db.grid.findUnique({
        where: { id: placeId },
        select: { id: true, communityId: true, community: { select: { streetId: true, street: { select: { districtId: true } } } } },
      });
      return g && { districtId: g.community.street.districtId, streetId: g.community.streetId, communityId: g.communityId, gridId: g.id };
    }
    case 'compound': {
      const p = await db.compound.findUnique({
        where: { id: placeId },
        select: { id: true, districtId: true, streetId: true, communityId: true },
      });
      return p && { districtId: p.districtId, streetId: p.streetId, communityId: p.communityId, compoundId: p.id };
    }
    case 'building': {
      const b = await db.building.findUnique({
        where: { id: placeId },
        select: { id: true, compound: { select: { id: true, districtId: true, streetId: true, communityId: true } } },
      });
      return (
        b && {
          districtId: b.compound.districtId,
          streetId: b.compound.streetId,
          communityId: b.compound.communityId,
          compoundId: b.compound.id,
          buildingId: b.id,
        }
      );
    }
    case 'district':
      return null;
  }
}
