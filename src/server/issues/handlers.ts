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
  if (['BUILDING_HEAD', 'GRID_WORKER', 'CENTRAL_HOUSEHOLD', 'BRANCH_SECRETARY', 'PROPERTY_FIRM_STAFF'].includes(role)) return 'COMPOUND';
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
 * compound, the category's first responder (building head, branch secretary or the central household of the
 * building's micro-grid), else the worker on duty in the building's grid (its micro-grid first, then the grid
 * above it), else any grid worker of the community, else any compound-level handler; above it, the community
 * secretary or staff, the street, the district. A building in no grid routes as before grids existed (decision 044).
 * storeQuickly (raise-issue.ts) keeps the same order in one statement; tests/server/grids/routing.test.ts compares them.
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
          () => (preferred === 'CENTRAL_HOUSEHOLD' ? centralHouseholdOf(tx, place.buildingId) : Promise.resolve(null)),
          () => gridWorkerOf(tx, place.buildingId, place.communityId),
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

/** The building's grid (depth 0) and the grid above it when that is a micro-grid (depth 1). */
async function gridsOf(tx: TTx, buildingId: number | null): Promise<number[]> {
  if (buildingId === null) return [];
  const b = await tx.building.findUnique({ where: { id: buildingId }, select: { grid: { select: { id: true, parentId: true } } } });
  return b?.grid ? [b.grid.id, ...(b.grid.parentId === null ? [] : [b.grid.parentId])] : [];
}

/** The first of a grid's rows by depth (the building's own grid first), then by id. */
const nearest = <T extends { id: number; gridId: number }>(rows: T[], grids: number[]) =>
  rows.sort((a, b) => grids.indexOf(a.gridId) - grids.indexOf(b.gridId) || a.id - b.id)[0] ?? null;

/** The 党员中心户 of the building's grid in their term, through their account (verified, not disabled). */
async function centralHouseholdOf(tx: TTx, buildingId: number | null) {
  const grids = await gridsOf(tx, buildingId);
  if (!grids.length) return null;
  const rows = await tx.centralHousehold.findMany({
    where: {
      gridId: { in: grids },
      ...inForceOn(today()),
      partyMember: { person: { user: { is: { verifiedAt: { not: null }, disabledAt: null } } } },
    },
    select: { id: true, gridId: true, partyMember: { select: { person: { select: { user: { select: { id: true } } } } } } },
  });
  const first = nearest(rows, grids);
  return first ? { userId: first.partyMember.person.user!.id } : null;
}

/** The worker on duty in the building's grid who still holds GRID_WORKER in the community. */
async function gridWorkerOf(tx: TTx, buildingId: number | null, communityId: number) {
  const grids = await gridsOf(tx, buildingId);
  if (!grids.length) return null;
  const day = today();
  const rows = await tx.gridDuty.findMany({
    where: {
      gridId: { in: grids },
      ...inForceOn(day),
      user: {
        grants: { some: { role: 'GRID_WORKER', placeLevel: 'COMMUNITY', placeId: communityId, revokedAt: null, ...inForceOn(day) } },
      },
    },
    select: { id: true, gridId: true, userId: true },
  });
  return nearest(rows, grids);
}

/** The place an issue is about (building, else compound, else community), with every place above it. */
export function issueAncestry(issue: { buildingId: number | null; compoundId: number | null; communityId: number }, db?: TTx) {
  return ancestryOf(
    issue.buildingId
      ? { level: 'building', id: issue.buildingId }
      : issue.compoundId
        ? { level: 'compound', id: issue.compoundId }
        : { level: 'community', id: issue.communityId },
    db,
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
