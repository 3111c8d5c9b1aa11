import 'server-only';
import { isActive } from '@/domain/authz/can';
import { ROLE_PERMISSIONS, type TPermission } from '@/domain/authz/permissions';
import type { TAncestry, TPlaceRef } from '@/domain/territory/places';
import type { TBy } from './by';
import { keptAncestryOf } from '@/server/places/ancestry';

/** A Prisma filter on Building for "inside this place" — the query side of can()'s tree rule. */
export function placeFilter(p: TPlaceRef) {
  switch (p.level) {
    case 'district':
      return { compound: { districtId: p.id } };
    case 'street':
      return { compound: { streetId: p.id } };
    case 'community':
      return { compound: { communityId: p.id } };
    case 'compound':
      return { compoundId: p.id };
    case 'building':
      return { id: p.id };
  }
}

/**
 * A Prisma filter for "inside this place" on rows that name their community (and maybe compound and building) —
 * elections, ledgers, surveys: a district or street through the community's relation.
 */
export function placedWhere(p: TPlaceRef) {
  switch (p.level) {
    case 'district':
      return { community: { street: { districtId: p.id } } };
    case 'street':
      return { community: { streetId: p.id } };
    case 'community':
      return { communityId: p.id };
    case 'compound':
      return { compoundId: p.id };
    case 'building':
      return { buildingId: p.id };
  }
}

/** A Prisma filter on Compound for "inside this place". */
export function compoundWhere(p: TPlaceRef) {
  switch (p.level) {
    case 'district':
      return { districtId: p.id };
    case 'street':
      return { streetId: p.id };
    case 'community':
      return { communityId: p.id };
    case 'compound':
      return { id: p.id };
    case 'building':
      return { buildings: { some: { id: p.id } } };
  }
}

/** A Prisma filter on Topic for "inside this place" (topics belong to a compound at most, never to one building). */
export function topicWhere(p: TPlaceRef) {
  switch (p.level) {
    case 'district':
      return { districtId: p.id };
    case 'street':
      return { streetId: p.id };
    case 'community':
      return { communityId: p.id };
    case 'compound':
      return { compoundId: p.id };
    case 'building':
      return { id: -1 };
  }
}

/** A Prisma filter on PartyOrg for "inside this place". */
export function partyOrgWhere(p: TPlaceRef) {
  switch (p.level) {
    case 'district':
      return { districtId: p.id };
    case 'street':
      return { streetId: p.id };
    case 'community':
      return { communityId: p.id };
    case 'compound':
      return { compoundId: p.id };
    case 'building':
      return { buildingId: p.id };
  }
}

/** A Prisma filter on AuditLog for "inside this place" (audit rows carry their community and compound ids). */
export function auditFilter(p: TPlaceRef) {
  switch (p.level) {
    // Every row names its street and district (trigger audit_log_places, migration 20261203151511): a district reads
    // its communities' changes, its streets' own (street.create, a street's 党工委) and its register's.
    case 'district':
      return { districtId: p.id };
    case 'street':
      return { streetId: p.id };
    case 'community':
      return { communityId: p.id };
    case 'compound':
      return { compoundId: p.id };
    case 'building':
      // Nobody reads the audit of a single building; nothing matches.
      return { id: -1n };
  }
}

/**
 * Whether the actor lives at a place (a compound, a community or a street) through a role that holds the
 * permission at their home — residents take part in topics and object to notices of the places around
 * their home: the place test runs the other way round from can()'s (the home is below the target).
 */
export async function livesWithin(by: TBy, ancestry: TAncestry, permission: TPermission): Promise<boolean> {
  const homes = by.actor.grants
    .filter(
      (g) =>
        g.place.level === 'building' && isActive(g, by.today) && (ROLE_PERMISSIONS[g.role] as readonly TPermission[]).includes(permission),
    )
    .map((g) => g.place.id);
  if (homes.length === 0) return false;
  const places = await Promise.all(homes.map((id) => keptAncestryOf({ level: 'building', id })));
  return places.some(
    (c) =>
      !!c &&
      (ancestry.compound
        ? c.compound === ancestry.compound
        : ancestry.community
          ? c.community === ancestry.community
          : c.street === ancestry.street),
  );
}
