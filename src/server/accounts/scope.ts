import 'server-only';
import type { TPlaceRef } from '@/domain/territory/places';
import { getDb } from '@/server/db';

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

/** A Prisma filter on PartyOrg for "inside this place". */
export function partyOrgWhere(p: TPlaceRef) {
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

/** A Prisma filter on AuditLog for "inside this place" (audit rows carry their community and compound ids). */
export async function auditFilter(p: TPlaceRef) {
  const db = getDb();
  switch (p.level) {
    case 'district':
      return { communityId: { in: (await db.community.findMany({ where: { street: { districtId: p.id } }, select: { id: true } })).map((c) => c.id) } };
    case 'street':
      return { communityId: { in: (await db.community.findMany({ where: { streetId: p.id }, select: { id: true } })).map((c) => c.id) } };
    case 'community':
      return { communityId: p.id };
    case 'compound':
      return { compoundId: p.id };
    case 'building':
      // Nobody reads the audit of a single building; nothing matches.
      return { id: -1n };
  }
}
