import 'server-only';
import { can, type TActor } from '@/domain/authz/can';
import type { TDeadlinePolicy } from '@/domain/issues/deadlines';
import type { TLevel } from '@/domain/issues/lifecycle';
import { ancestryOf } from '@/server/places/ancestry';
import type { TAncestry } from '@/domain/territory/places';
import type { Role } from '@/generated/prisma/client';
import type { TTx } from '@/server/db';
import { inForceOn, today } from '@/server/today';

/** The level at which a staff role handles issues. */
export function handlingLevel(role: string, placeLevel: string): TLevel | null {
  if (['BUILDING_HEAD', 'GRID_WORKER', 'BRANCH_SECRETARY', 'PROPERTY_FIRM_STAFF'].includes(role)) return 'COMPOUND';
  if (placeLevel === 'community') return 'COMMUNITY';
  if (placeLevel === 'street') return 'STREET';
  if (placeLevel === 'district') return 'DISTRICT';
  return null;
}
const RANK: Record<TLevel, number> = { COMPOUND: 0, COMMUNITY: 1, STREET: 2, DISTRICT: 3 };

/** How the actor stands toward an issue at a place and level: handler there, a higher level, or neither. */
export function standing(actor: NonNullable<TActor>, ancestry: TAncestry, level: TLevel, today: string): 'HANDLER' | 'HIGHER_LEVEL' | null {
  let best: 'HANDLER' | 'HIGHER_LEVEL' | null = null;
  for (const g of actor.grants) {
    if (!can({ userId: actor.userId, grants: [g] }, 'issue.handle', { ancestry }, today)) continue;
    const l = handlingLevel(g.role, g.place.level);
    if (!l) continue;
    if (RANK[l] > RANK[level]) best = 'HIGHER_LEVEL';
    else if (RANK[l] === RANK[level] && best === null) best = 'HANDLER';
  }
  return best;
}

/**
 * Whoever covers the place for this category at this level ("业主报告、党员汇报、支部牵头"): at the
 * compound, the category's first responder (building head, grid worker or branch secretary), else
 * any compound-level handler; above it, the community secretary or staff, the street, the district.
 */
export async function findHandler(
  tx: TTx,
  place: { buildingId: number | null; compoundId: number | null; communityId: number; streetId: number; districtId: number },
  level: TLevel,
  preferred: Role,
): Promise<number | null> {
  const active = { revokedAt: null, ...inForceOn(today()) };
  const at = (role: Role[], placeLevel: 'BUILDING' | 'COMPOUND' | 'COMMUNITY' | 'STREET' | 'DISTRICT', placeId: number | null) =>
    placeId === null
      ? Promise.resolve(null)
      : tx.roleGrant.findFirst({
          where: { ...active, role: { in: role }, placeLevel, placeId },
          orderBy: { id: 'asc' },
          select: { userId: true },
        });
  const candidates =
    level === 'COMPOUND'
      ? [
          () => (preferred === 'BUILDING_HEAD' ? at(['BUILDING_HEAD'], 'BUILDING', place.buildingId) : Promise.resolve(null)),
          () => (preferred === 'BRANCH_SECRETARY' ? at(['BRANCH_SECRETARY'], 'COMPOUND', place.compoundId) : Promise.resolve(null)),
          () => at(['GRID_WORKER'], 'COMMUNITY', place.communityId),
          () => at(['BUILDING_HEAD'], 'BUILDING', place.buildingId),
          () => at(['BRANCH_SECRETARY', 'PROPERTY_FIRM_STAFF'], 'COMPOUND', place.compoundId),
          () => at(['RESIDENTS_COMMITTEE_STAFF', 'COMMUNITY_SECRETARY'], 'COMMUNITY', place.communityId),
        ]
      : level === 'COMMUNITY'
        ? [() => at(['COMMUNITY_SECRETARY', 'RESIDENTS_COMMITTEE_STAFF'], 'COMMUNITY', place.communityId)]
        : level === 'STREET'
          ? [() => at(['STREET_STAFF'], 'STREET', place.streetId)]
          : [() => at(['DISTRICT_ADMIN'], 'DISTRICT', place.districtId)];
  for (const c of candidates) {
    const g = await c();
    if (g) return g.userId;
  }
  return null;
}

/** The place an issue is about (building, else compound, else community), with every place above it. */
export function issueAncestry(issue: { buildingId: number | null; compoundId: number | null; communityId: number }) {
  return ancestryOf(
    issue.buildingId
      ? { level: 'building', id: issue.buildingId }
      : issue.compoundId
        ? { level: 'compound', id: issue.compoundId }
        : { level: 'community', id: issue.communityId },
  );
}

/** A category's deadlines, as the domain reads them: office time, or around the clock (decision 047). */
export function policyOf(c: Required<TDeadlinePolicy>): TDeadlinePolicy {
  return {
    acknowledgeMinutes: c.acknowledgeMinutes,
    resolveWorkingDays: c.resolveWorkingDays,
    remindBeforeMinutes: c.remindBeforeMinutes,
    aroundTheClock: c.aroundTheClock,
    resolveMinutes: c.resolveMinutes,
  };
}
