import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { can } from '@/domain/authz/can';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { dateOnly, fromDateOnly } from '@/server/today';
import { partyOrgAncestry } from './places';

export type TContactKind = 'OFFICER_TO_BUILDING_HEAD' | 'BUILDING_HEAD_TO_PARTY_HOUSEHOLD' | 'PARTY_HOUSEHOLD_TO_RESIDENT';

export type TAssignContact = {
  partyOrgId: number;
  kind: TContactKind;
  /** A person (officer, building head) or a household (party-member household), as the kind says. */
  keeperId: number;
  /** A person (building head) or a household, as the kind says. */
  keptId: number;
  startsOn: string;
};

const PERSON_KEEPER: TContactKind[] = ['OFFICER_TO_BUILDING_HEAD', 'BUILDING_HEAD_TO_PARTY_HOUSEHOLD'];

/**
 * Who keeps a branch's contact chain: its secretary in their term, or anyone holding partyMember.manage or
 * partyOrg.manage at the branch's place (the community's staff, the branch secretary's grant, the street…).
 */
export async function requireChainKeeper(
  tx: Pick<TTx, 'user' | 'partyOrgMember'>,
  by: TBy,
  org: Parameters<typeof partyOrgAncestry>[0] & { id: number },
) {
  const ancestry = partyOrgAncestry(org);
  if (can(by.actor, 'partyMember.manage', { ancestry }, by.today) || can(by.actor, 'partyOrg.manage', { ancestry }, by.today)) return;
  const day = dateOnly(by.today);
  const user = await tx.user.findUniqueOrThrow({ where: { id: by.userId }, select: { personId: true } });
  const secretary = await tx.partyOrgMember.count({
    where: {
      partyOrgId: org.id,
      personId: user.personId,
      position: 'SECRETARY',
      startsOn: { lte: day },
      OR: [{ endsOn: null }, { endsOn: { gte: day } }],
    },
  });
  if (!secretary) refuse('auth.forbidden');
}

/** Does a household have a resident today who is a party member (a 党员户)? */
async function isPartyHousehold(tx: TTx, householdId: number) {
  const n = await tx.residency.count({ where: { householdId, until: null, person: { partyMember: { isNot: null } } } });
  return n > 0;
}

/** The facts each kind rests on that the database cannot see: an officer of the branch, a building head, a party household. */
async function checkSides(tx: TTx, input: TAssignContact, today: string) {
  const day = dateOnly(today);
  const inTerm = { startsOn: { lte: day }, OR: [{ endsOn: null }, { endsOn: { gte: day } }] };
  // A building head of a building within the branch's place (one elsewhere is nobody this branch keeps in touch with).
  const branch = await tx.partyOrg.findUniqueOrThrow({
    where: { id: input.partyOrgId },
    select: { streetId: true, communityId: true, compoundId: true, gridId: true, buildingId: true },
  });
  const inBranch: Prisma.BuildingWhereInput = branch.buildingId
    ? { id: branch.buildingId }
    : branch.compoundId
      ? { compoundId: branch.compoundId }
      : branch.gridId
        ? { OR: [{ gridId: branch.gridId }, { grid: { parentId: branch.gridId } }] }
        : branch.communityId
          ? { compound: { communityId: branch.communityId } }
          : { compound: { streetId: branch.streetId } };
  const isBuildingHead = async (personId: number) => {
    const heads = await tx.roleGrant.findMany({
      where: { role: 'BUILDING_HEAD', placeLevel: 'BUILDING', revokedAt: null, user: { personId }, ...inTerm },
      select: { placeId: true },
    });
    return heads.length > 0 && (await tx.building.count({ where: { id: { in: heads.map((g) => g.placeId) }, ...inBranch } })) > 0;
  };
  if (input.kind === 'OFFICER_TO_BUILDING_HEAD') {
    const officer = await tx.partyOrgMember.count({ where: { partyOrgId: input.partyOrgId, personId: input.keeperId, ...inTerm } });
    if (!officer) refuse('contact.notOfficer');
    if (!(await isBuildingHead(input.keptId))) refuse('contact.notBuildingHead');
  } else if (input.kind === 'BUILDING_HEAD_TO_PARTY_HOUSEHOLD') {
    if (!(await isBuildingHead(input.keeperId))) refuse('contact.notBuildingHead');
    if (!(await isPartyHousehold(tx, input.keptId))) refuse('contact.notPartyHousehold');
  } else if (!(await isPartyHousehold(tx, input.keeperId))) refuse('contact.notPartyHousehold');
}

/**
 * Assigns one link of the branch's contact chain from a day. The database refuses a second active link between the
 * same two (two assignments at once: one goes through, `contact.duplicate`) and a household outside the branch's place.
 */
export const assignContact = (by: TBy, input: TAssignContact) => getDb().$transaction((tx) => assignContactIn(tx, by, input));

export async function assignContactIn(tx: TTx, by: TBy, input: TAssignContact) {
  const org = (await tx.partyOrg.findUnique({ where: { id: input.partyOrgId } })) ?? refuse('auth.forbidden');
  await requireChainKeeper(tx, by, org);
  if (org.dissolvedOn) refuse('partyOrg.dissolved');
  await checkSides(tx, input, by.today);
  const personKeeper = PERSON_KEEPER.includes(input.kind);
  const link = await tx.contactLink
    .create({
      data: {
        kind: input.kind,
        partyOrgId: org.id,
        keeperPersonId: personKeeper ? input.keeperId : null,
        keeperHouseholdId: personKeeper ? null : input.keeperId,
        keptPersonId: input.kind === 'OFFICER_TO_BUILDING_HEAD' ? input.keptId : null,
        keptHouseholdId: input.kind === 'OFFICER_TO_BUILDING_HEAD' ? null : input.keptId,
        startsOn: dateOnly(input.startsOn),
        createdById: by.userId,
      },
    })
    .catch((e: unknown) => {
      const text = String((e as Error).message ?? '');
      if ((e as { code?: string }).code === 'P2002' || text.includes('ContactLink_one_active')) return refuse('contact.duplicate');
      if (text.includes('ContactLink_in_branch')) return refuse('contact.outsideBranch');
      if (text.includes('ContactLink_kind_shape')) return refuse('contact.sameSides');
      throw e;
    });
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'contact.assign',
    entityType: 'ContactLink',
    entityId: link.id,
    after: { partyOrgId: org.id, kind: input.kind, keeperId: input.keeperId, keptId: input.keptId, startsOn: input.startsOn },
    communityId: org.communityId,
    compoundId: org.compoundId,
  });
  return { id: link.id };
}

/** Ends a link on a day (the row stays). One conditional update: ending it twice at once ends it once. */
export async function endContact(by: TBy, input: { linkId: number; endsOn: string }) {
  return getDb().$transaction(async (tx) => {
    const link =
      (await tx.contactLink.findUnique({ where: { id: input.linkId }, include: { partyOrg: true } })) ?? refuse('auth.forbidden');
    await requireChainKeeper(tx, by, link.partyOrg);
    if (input.endsOn < fromDateOnly(link.startsOn)) refuse('partyOrg.termOrder');
    const { count } = await tx.contactLink.updateMany({ where: { id: link.id, endsOn: null }, data: { endsOn: dateOnly(input.endsOn) } });
    if (!count) refuse('contact.alreadyEnded');
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'contact.end',
      entityType: 'ContactLink',
      entityId: link.id,
      before: { endsOn: null },
      after: { endsOn: input.endsOn },
      communityId: link.partyOrg.communityId,
      compoundId: link.partyOrg.compoundId,
    });
  });
}
