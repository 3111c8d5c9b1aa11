import 'server-only';
import { mayBuild } from '@/domain/authz/can';
import type { TAncestry } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly } from '@/server/today';

/** The community and every place above it, read in the writing transaction (the seed builds inside one). */
export async function communityAncestry(tx: TTx, communityId: number): Promise<TAncestry | null> {
  const c = await tx.community.findUnique({
    where: { id: communityId },
    select: { streetId: true, street: { select: { districtId: true } } },
  });
  return c && { district: c.street.districtId, street: c.streetId, community: communityId };
}

/**
 * Refuses unless the actor builds grids in this community (grid.manage, below the level of the grant that holds it:
 * a community secretary or the community's staff, the street, the district — never a grid worker). A community that
 * does not exist is refused like one the actor may not touch.
 */
export async function authorizeGrids(tx: TTx, by: TBy, communityId: number): Promise<TAncestry> {
  const ancestry = await communityAncestry(tx, communityId);
  if (!ancestry || !mayBuild(by.actor, 'grid.manage', 'grid', { ancestry }, by.today)) return refuse('auth.forbidden');
  return ancestry;
}

/** A grid of the community the actor builds in, locked for this transaction. */
export async function gridFor(tx: TTx, by: TBy, gridId: number) {
  const [grid] = await tx.$queryRaw<
    { id: number; name: string; kind: 'GRID' | 'MICRO_GRID'; communityId: number; parentId: number | null }[]
  >`
    SELECT id, name, kind::text AS kind, "communityId", "parentId" FROM "Grid" WHERE id = ${gridId} FOR UPDATE`;
  if (!grid) return refuse('auth.forbidden');
  await authorizeGrids(tx, by, grid.communityId);
  return grid;
}

const audit = (by: TBy) => ({ actorId: by.userId, actorLabel: by.label });

export type TCreateGrid = { communityId: number; name: string; parentId?: number | null };

/** A grid under a community, or a micro-grid under one of its grids (which must hold no buildings itself). */
export async function createGridIn(tx: TTx, by: TBy, input: TCreateGrid) {
  await authorizeGrids(tx, by, input.communityId);
  const name = input.name.trim();
  if (!name) refuse('grid.nameMissing');
  if (input.parentId) {
    const parent = await gridFor(tx, by, input.parentId);
    if (parent.communityId !== input.communityId || parent.parentId !== null) refuse('grid.parentNotGrid');
    if (await tx.building.count({ where: { gridId: parent.id } })) refuse('grid.parentHasBuildings', { grid: parent.name });
  }
  if (await tx.grid.findFirst({ where: { communityId: input.communityId, name }, select: { id: true } })) refuse('grid.nameTaken');
  const grid = await tx.grid.create({
    data: { communityId: input.communityId, name, parentId: input.parentId ?? null, kind: input.parentId ? 'MICRO_GRID' : 'GRID' },
  });
  await writeAudit(tx, {
    ...audit(by),
    action: 'grid.create',
    entityType: 'Grid',
    entityId: grid.id,
    after: { name, kind: grid.kind, parentId: grid.parentId },
    communityId: input.communityId,
  });
  return grid;
}

export const createGrid = (by: TBy, input: TCreateGrid) => withNameRace(() => getDb().$transaction((tx) => createGridIn(tx, by, input)));

export async function renameGridIn(tx: TTx, by: TBy, gridId: number, newName: string) {
  const grid = await gridFor(tx, by, gridId);
  const name = newName.trim();
  if (!name) refuse('grid.nameMissing');
  if (name === grid.name) return;
  if (await tx.grid.findFirst({ where: { communityId: grid.communityId, name }, select: { id: true } })) refuse('grid.nameTaken');
  await tx.grid.update({ where: { id: gridId }, data: { name } });
  await writeAudit(tx, {
    ...audit(by),
    action: 'grid.rename',
    entityType: 'Grid',
    entityId: gridId,
    before: { name: grid.name },
    after: { name },
    communityId: grid.communityId,
  });
}

export const renameGrid = (by: TBy, gridId: number, name: string) =>
  withNameRace(() => getDb().$transaction((tx) => renameGridIn(tx, by, gridId, name)));

/**
 * Removes a grid that holds nothing: no buildings, no micro-grids, no party organisation, no worker or central household
 * whose term has not ended. Ended terms go with it (the audit row keeps them).
 */
export async function removeGrid(by: TBy, gridId: number) {
  return getDb().$transaction(async (tx) => {
    const grid = await gridFor(tx, by, gridId);
    const day = dateOnly(by.today);
    const current = { OR: [{ endsOn: null }, { endsOn: { gte: day } }] };
    const [buildings, children, partyOrgs, duties, households] = await Promise.all([
      tx.building.count({ where: { gridId } }),
      tx.grid.count({ where: { parentId: gridId } }),
      tx.partyOrg.count({ where: { gridId } }),
      tx.gridDuty.count({ where: { gridId, ...current } }),
      tx.centralHousehold.count({ where: { gridId, ...current } }),
    ]);
    if (buildings + children + partyOrgs + duties + households > 0) refuse('grid.notEmpty');
    const ended = {
      duties: await tx.gridDuty.findMany({ where: { gridId }, select: { userId: true, title: true } }),
      centralHouseholds: await tx.centralHousehold.findMany({ where: { gridId }, select: { partyMemberId: true } }),
    };
    await tx.centralHousehold.deleteMany({ where: { gridId } });
    await tx.gridDuty.deleteMany({ where: { gridId } });
    await tx.grid.delete({ where: { id: gridId } });
    await writeAudit(tx, {
      ...audit(by),
      action: 'grid.remove',
      entityType: 'Grid',
      entityId: gridId,
      before: { name: grid.name, kind: grid.kind, parentId: grid.parentId, ...ended },
      communityId: grid.communityId,
    });
  });
}

export type TAssignBuildings = {
  communityId: number;
  /** The grid or micro-grid the buildings go to; null takes them out of any grid. */
  gridId: number | null;
  /** Each building with the grid it was in when the form was shown: a building moved meanwhile is not moved again. */
  buildings: { id: number; was: number | null }[];
};

/**
 * Puts buildings of the community in one grid (a leaf: a micro-grid, or a grid without micro-grids) — all of them or
 * none. A building is in one grid at a time; two people assigning the same building at once: the first wins, the
 * second is told the building moved meanwhile (its `was` no longer holds).
 */
export async function assignBuildingsIn(tx: TTx, by: TBy, input: TAssignBuildings) {
  await authorizeGrids(tx, by, input.communityId);
  if (input.gridId !== null) {
    const grid = await gridFor(tx, by, input.gridId);
    if (grid.communityId !== input.communityId) refuse('auth.forbidden');
    if (await tx.grid.count({ where: { parentId: grid.id } })) refuse('grid.notLeaf', { grid: grid.name });
  }
  const ids = [...new Set(input.buildings.map((b) => b.id))];
  const found = await tx.building.findMany({
    where: { id: { in: ids }, compound: { communityId: input.communityId } },
    select: { id: true },
  });
  if (found.length !== ids.length) refuse('grid.buildingOutside');
  const moved: { id: number; from: number | null }[] = [];
  for (const b of input.buildings) {
    if (b.was === input.gridId) continue;
    // One conditional update per building: it waits for a concurrent assignment and then finds `was` gone.
    const n = await tx.building.updateMany({ where: { id: b.id, gridId: b.was }, data: { gridId: input.gridId } });
    if (n.count !== 1) refuse('grid.assignmentChanged');
    moved.push({ id: b.id, from: b.was });
  }
  if (moved.length)
    await writeAudit(tx, {
      ...audit(by),
      action: 'grid.assign',
      entityType: 'Grid',
      entityId: input.gridId ?? 'none',
      before: moved.map((m) => ({ buildingId: m.id, gridId: m.from })),
      after: { gridId: input.gridId, buildingIds: moved.map((m) => m.id) },
      communityId: input.communityId,
    });
  return { moved: moved.length };
}

export const assignBuildings = (by: TBy, input: TAssignBuildings) => getDb().$transaction((tx) => assignBuildingsIn(tx, by, input));

/** Links the grid's party branch (网格党支部), a party organisation of the same community; null unlinks it. */
/**
 * Puts a grid branch (网格党支部) of the community on this grid. A grid branch always belongs to a grid (decision 043, the
 * database checks it): linking moves it here from its grid; it is never unlinked — a branch no longer needed is
 * dissolved or merged on the party organisations' page. Moving a party organisation is party work: it also takes
 * partyOrg.manage below one's level.
 */
export async function linkPartyOrgIn(tx: TTx, by: TBy, input: { gridId: number; partyOrgId: number | null }) {
  const grid = await gridFor(tx, by, input.gridId);
  if (input.partyOrgId === null) return refuse('grid.branchStays');
  const ancestry = await ancestryOf({ level: 'community', id: grid.communityId }, tx);
  if (!ancestry || !mayBuild(by.actor, 'partyOrg.manage', 'grid', { ancestry }, by.today)) refuse('auth.forbidden');
  const org = await tx.partyOrg.findUnique({
    where: { id: input.partyOrgId },
    select: { communityId: true, kind: true, dissolvedOn: true, gridId: true },
  });
  if (org?.communityId !== grid.communityId || org.kind !== 'GRID_BRANCH' || org.dissolvedOn) refuse('grid.partyOrgOutside');
  await tx.partyOrg.update({ where: { id: input.partyOrgId }, data: { gridId: grid.id } });
  await writeAudit(tx, {
    ...audit(by),
    action: 'grid.partyOrg',
    entityType: 'Grid',
    entityId: grid.id,
    before: { partyOrgId: input.partyOrgId, gridId: org!.gridId },
    after: { partyOrgId: input.partyOrgId, gridId: grid.id },
    communityId: grid.communityId,
  });
}

export const linkPartyOrg = (by: TBy, input: { gridId: number; partyOrgId: number | null }) =>
  getDb().$transaction((tx) => linkPartyOrgIn(tx, by, input));

/** Two creates (or renames) of one name at once: the unique key lets one through, the other is told the name is taken. */
async function withNameRace<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') return refuse('grid.nameTaken');
    throw e;
  }
}
