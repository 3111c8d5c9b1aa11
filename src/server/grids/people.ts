import 'server-only';
import { mayBuild } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { dateOnly, fromDateOnly, inForceOn } from '@/server/today';
import { ancestryOf } from '@/server/places/ancestry';
import { gridFor } from './grids';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A term of ISO dates: a start, and an end not before it (or none). */
function term(startsOn: string, endsOn?: string | null) {
  if (!ISO.test(startsOn) || (endsOn && !ISO.test(endsOn))) return refuse('grid.termOrder');
  if (endsOn && endsOn < startsOn) refuse('grid.termOrder');
  return { startsOn: dateOnly(startsOn), endsOn: endsOn ? dateOnly(endsOn) : null };
}

export type TAttachWorker = { gridId: number; userId: number; title: string; startsOn: string; endsOn?: string | null };

/**
 * Attaches a grid worker to a grid or micro-grid for a term. The worker must hold GRID_WORKER in the grid's community
 * today (granted on the staff page, by rank): a duty gives no powers of its own, it says which buildings come first.
 */
export async function attachWorkerIn(tx: TTx, by: TBy, input: TAttachWorker) {
  const grid = await gridFor(tx, by, input.gridId);
  const t = term(input.startsOn, input.endsOn);
  const title = input.title.trim() || '网格员';
  const grant = await tx.roleGrant.findFirst({
    where: {
      userId: input.userId,
      role: 'GRID_WORKER',
      placeLevel: 'COMMUNITY',
      placeId: grid.communityId,
      revokedAt: null,
      ...inForceOn(by.today),
    },
    select: { id: true },
  });
  if (!grant) refuse('grid.notGridWorker');
  if (await tx.gridDuty.findFirst({ where: { gridId: grid.id, userId: input.userId, ...inForceOn(input.startsOn) }, select: { id: true } }))
    refuse('grid.alreadyOnDuty');
  const duty = await tx.gridDuty.create({ data: { gridId: grid.id, userId: input.userId, title, ...t } });
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'grid.duty',
    entityType: 'GridDuty',
    entityId: duty.id,
    after: { gridId: grid.id, userId: input.userId, title, startsOn: input.startsOn, endsOn: input.endsOn ?? null },
    communityId: grid.communityId,
  });
  return duty;
}

export const attachWorker = (by: TBy, input: TAttachWorker) => getDb().$transaction((tx) => attachWorkerIn(tx, by, input));

/** Ends a worker's duty on a day (the last day they serve); the row stays as history. */
export async function endDuty(by: TBy, input: { dutyId: number; endsOn: string }) {
  return getDb().$transaction(async (tx) => {
    const duty = await tx.gridDuty.findUnique({ where: { id: input.dutyId } });
    if (!duty) return refuse('auth.forbidden');
    const grid = await gridFor(tx, by, duty.gridId);
    const t = term(fromDateOnly(duty.startsOn), input.endsOn);
    await tx.gridDuty.update({ where: { id: duty.id }, data: { endsOn: t.endsOn } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'grid.dutyEnd',
      entityType: 'GridDuty',
      entityId: duty.id,
      before: { endsOn: duty.endsOn ? fromDateOnly(duty.endsOn) : null },
      after: { endsOn: input.endsOn },
      communityId: grid.communityId,
    });
  });
}

export type TChooseCentralHousehold = {
  gridId: number;
  partyMemberId: number;
  startsOn: string;
  endsOn?: string | null;
  /** The households they keep in touch with: units in the buildings of that grid. */
  householdIds: number[];
};

/**
 * A 党员中心户 is a party post that carries rights (issues reach them): choosing, ending and changing one is party work,
 * held below one's level like every party structure (partyOrg.manage, not the residents' committee's grid.manage alone).
 */
async function requirePartyWork(tx: TTx, by: TBy, communityId: number) {
  const ancestry = await ancestryOf({ level: 'community', id: communityId }, tx);
  if (!ancestry || !mayBuild(by.actor, 'partyOrg.manage', 'grid', { ancestry }, by.today)) refuse('auth.forbidden');
}

/**
 * Chooses a 党员中心户 for a micro-grid (or a grid without micro-grids), for a term: a party member of the community with
 * an account, who keeps in touch with households of that grid. Their account holds CENTRAL_HOUSEHOLD at the grid's
 * buildings for the term (decision 044) and receives the issues of categories that name them first responder.
 */
export async function chooseCentralHouseholdIn(tx: TTx, by: TBy, input: TChooseCentralHousehold) {
  const grid = await gridFor(tx, by, input.gridId);
  await requirePartyWork(tx, by, grid.communityId);
  if (await tx.grid.count({ where: { parentId: grid.id } })) refuse('grid.notLeaf', { grid: grid.name });
  const t = term(input.startsOn, input.endsOn);
  // One term at a time for a member on a grid (the grid's row is locked: a double tap is refused, not doubled).
  const overlapping = await tx.centralHousehold.count({
    where: {
      gridId: grid.id,
      partyMemberId: input.partyMemberId,
      OR: [{ endsOn: null }, { endsOn: { gte: t.startsOn } }],
      ...(t.endsOn ? { startsOn: { lte: t.endsOn } } : {}),
    },
  });
  if (overlapping) refuse('grid.alreadyCentral');
  const member = await tx.partyMember.findUnique({
    where: { id: input.partyMemberId },
    select: { personId: true, partyOrg: { select: { communityId: true } }, person: { select: { user: { select: { disabledAt: true } } } } },
  });
  if (member?.partyOrg.communityId !== grid.communityId) return refuse('grid.notPartyMember');
  if (!member.person.user || member.person.user.disabledAt) refuse('grid.noAccount');
  const ids = [...new Set(input.householdIds)];
  if ((await tx.household.count({ where: { id: { in: ids }, building: { gridId: grid.id } } })) !== ids.length)
    refuse('grid.householdOutside');
  const chosen = await tx.centralHousehold.create({
    data: { gridId: grid.id, partyMemberId: input.partyMemberId, ...t, contacts: { create: ids.map((householdId) => ({ householdId })) } },
  });
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'centralHousehold.choose',
    entityType: 'CentralHousehold',
    entityId: chosen.id,
    after: {
      gridId: grid.id,
      partyMemberId: input.partyMemberId,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      householdIds: ids,
    },
    communityId: grid.communityId,
  });
  return chosen;
}

export const chooseCentralHousehold = (by: TBy, input: TChooseCentralHousehold) =>
  getDb().$transaction((tx) => chooseCentralHouseholdIn(tx, by, input));

/** Ends a central household's term on a day; the households they kept in touch with stay on record. */
export async function endCentralHousehold(by: TBy, input: { centralHouseholdId: number; endsOn: string }) {
  return getDb().$transaction(async (tx) => {
    const ch = await tx.centralHousehold.findUnique({ where: { id: input.centralHouseholdId } });
    if (!ch) return refuse('auth.forbidden');
    const grid = await gridFor(tx, by, ch.gridId);
    await requirePartyWork(tx, by, grid.communityId);
    const t = term(fromDateOnly(ch.startsOn), input.endsOn);
    await tx.centralHousehold.update({ where: { id: ch.id }, data: { endsOn: t.endsOn } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'centralHousehold.end',
      entityType: 'CentralHousehold',
      entityId: ch.id,
      before: { endsOn: ch.endsOn ? fromDateOnly(ch.endsOn) : null },
      after: { endsOn: input.endsOn },
      communityId: grid.communityId,
    });
  });
}

/** Replaces the households a central household keeps in touch with (households in the buildings of their grid). */
export async function setContacts(by: TBy, input: { centralHouseholdId: number; householdIds: number[] }) {
  return getDb().$transaction(async (tx) => {
    const ch = await tx.centralHousehold.findUnique({ where: { id: input.centralHouseholdId }, select: { id: true, gridId: true } });
    if (!ch) return refuse('auth.forbidden');
    const grid = await gridFor(tx, by, ch.gridId);
    await requirePartyWork(tx, by, grid.communityId);
    const ids = [...new Set(input.householdIds)];
    if ((await tx.household.count({ where: { id: { in: ids }, building: { gridId: grid.id } } })) !== ids.length)
      refuse('grid.householdOutside');
    const before = (await tx.centralHouseholdContact.findMany({ where: { centralHouseholdId: ch.id }, select: { householdId: true } })).map(
      (c) => c.householdId,
    );
    await tx.centralHouseholdContact.deleteMany({ where: { centralHouseholdId: ch.id, householdId: { notIn: ids } } });
    await tx.centralHouseholdContact.createMany({
      data: ids.map((householdId) => ({ centralHouseholdId: ch.id, householdId })),
      skipDuplicates: true,
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'centralHousehold.contacts',
      entityType: 'CentralHousehold',
      entityId: ch.id,
      before: { householdIds: before.sort((a, b) => a - b) },
      after: { householdIds: ids.sort((a, b) => a - b) },
      communityId: grid.communityId,
    });
  });
}
