import 'server-only';
import type { TActor, TGrant } from '@/domain/authz/can';
import type { TRole } from '@/domain/authz/roles';
import type { BodyKind, BodyPosition } from '@/generated/prisma/client';
import { getDb, type TTx } from '@/server/db';
import { PLACE_LEVEL_DOMAIN } from '@/server/places/ancestry';
import { chinaDay, fromDateOnly } from '@/server/today';
import { householdsOf, linksKeptBy } from '@/server/party/kept-households';

const iso = (d: Date | null) => (d ? fromDateOnly(d) : null);

function bodyRole(kind: BodyKind, position: BodyPosition): TRole {
  switch (kind) {
    case 'OWNERS_COMMITTEE':
    case 'PROPERTY_MANAGEMENT_COMMITTEE':
      return position === 'CHAIR' ? 'OWNERS_COMMITTEE_CHAIR' : 'OWNERS_COMMITTEE_MEMBER';
    case 'SUPERVISORY_COMMITTEE':
      return 'SUPERVISORY_COMMITTEE_MEMBER';
    case 'COMMUNITY_COUNCIL':
    case 'COURTYARD_COUNCIL':
    case 'RESIDENTS_REPRESENTATIVES':
      return 'COUNCIL_MEMBER';
    case 'MEDIATION_COMMITTEE':
      // The chair receives the community's cases and names their mediators (decision 062); members mediate when named.
      return position === 'CHAIR' || position === 'VICE_CHAIR' ? 'MEDIATION_CHAIR' : 'BODY_MEMBER';
    default:
      // Sitting on the two committees, the residents' or the mediation committee is a staff matter:
      // those powers come from granted roles; the position itself gives only the vote in that body.
      return 'BODY_MEMBER';
  }
}

/**
 * An account nobody has verified yet raises issues only in the community it named at registration, or where
 * a household it claimed (still pending) lies (decision 030): one UNVERIFIED_RESIDENT grant per such community.
 */
async function unverifiedGrants(db: TTx, userId: number, registered: number | null, since: string): Promise<TGrant[]> {
  const pending = await db.householdClaim.findMany({
    where: { userId, status: 'PENDING' },
    select: { household: { select: { building: { select: { compound: { select: { communityId: true } } } } } } },
  });
  const communities = new Set([
    ...(registered === null ? [] : [registered]),
    ...pending.map((c) => c.household.building.compound.communityId),
  ]);
  return [...communities].map((id) => ({ role: 'UNVERIFIED_RESIDENT', place: { level: 'community', id }, startsOn: since, endsOn: null }));
}

/**
 * Everything a user may do, as grants: the staff roles granted to them, plus — once staff have
 * verified who they are — the roles that follow from facts: owner or resident of a verified
 * household, member of a body, party member. `db`: a transaction, for a seed stage that acts as a user it just set up.
 */
export async function loadActor(userId: number, db: TTx = getDb()): Promise<NonNullable<TActor>> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      verifiedAt: true,
      personId: true,
      createdAt: true,
      registeredCommunityId: true,
      grants: { where: { revokedAt: null }, select: { role: true, placeLevel: true, placeId: true, startsOn: true, endsOn: true } },
      claims: {
        where: { status: 'APPROVED' },
        select: { relation: true, householdId: true, household: { select: { buildingId: true } }, reviewedAt: true },
      },
    },
  });
  const grants: TGrant[] = user.grants.map((g) => ({
    role: g.role,
    place: { level: PLACE_LEVEL_DOMAIN[g.placeLevel], id: g.placeId },
    startsOn: iso(g.startsOn)!,
    endsOn: iso(g.endsOn),
  }));
  if (!user.verifiedAt)
    return { userId, grants: [...grants, ...(await unverifiedGrants(db, userId, user.registeredCommunityId, chinaDay(user.createdAt)))] };

  const since = chinaDay(user.verifiedAt);
  const representative = new Set(
    (await db.residency.findMany({ where: { personId: user.personId, isRepresentative: true }, select: { householdId: true } })).map(
      (r) => r.householdId,
    ),
  );
  // Owner has one source: the Ownership rows (the roster), which also give the vote. The claim's relation
  // says what the resident declared when verified; a roster that no longer names them ends the role.
  const owns = new Set(
    (await db.ownership.findMany({ where: { personId: user.personId }, select: { householdId: true } })).map((o) => o.householdId),
  );
  for (const c of user.claims) {
    const place = { level: 'building' as const, id: c.household.buildingId };
    const startsOn = c.reviewedAt ? chinaDay(c.reviewedAt) : since;
    grants.push({ role: 'RESIDENT', place, startsOn, endsOn: null });
    if (owns.has(c.householdId)) grants.push({ role: 'OWNER', place, startsOn, endsOn: null });
    if (representative.has(c.householdId)) grants.push({ role: 'HOUSEHOLD_REPRESENTATIVE', place, startsOn, endsOn: null });
  }
  const positions = await db.bodyMember.findMany({
    where: { personId: user.personId },
    select: {
      position: true,
      startsOn: true,
      endsOn: true,
      body: { select: { id: true, kind: true, communityId: true, compoundId: true } },
    },
  });
  for (const p of positions) {
    const role = bodyRole(p.body.kind, p.position);
    grants.push({
      role,
      bodyId: p.body.id,
      place: p.body.compoundId ? { level: 'compound', id: p.body.compoundId } : { level: 'community', id: p.body.communityId },
      startsOn: iso(p.startsOn)!,
      endsOn: iso(p.endsOn),
    });
  }
  const member = await db.partyMember.findUnique({
    where: { personId: user.personId },
    select: { partyOrg: { select: { communityId: true, streetId: true } } },
  });
  // A member of a street's 党工委 votes in the street's party matters; any other member in their community's.
  const partyPlace = member?.partyOrg.communityId
    ? ({ level: 'community', id: member.partyOrg.communityId } as const)
    : member && ({ level: 'street', id: member.partyOrg.streetId } as const);
  if (partyPlace) grants.push({ role: 'PARTY_MEMBER', place: partyPlace, startsOn: since, endsOn: null });
  grants.push(...(await centralHouseholdGrants(db, user.personId)));
  grants.push(...(await contactKeeperGrants(db, user.personId)));
  return { userId, grants };
}

/**
 * 党员中心户 (decision 044): CENTRAL_HOUSEHOLD at every building of the grid they were chosen for (and of its micro-grids),
 * for their term. The grid's buildings and the term bump the account's authVersion by trigger (migration 20261203112951_grids).
 */
async function centralHouseholdGrants(db: Pick<TTx, 'centralHousehold'>, personId: number): Promise<TGrant[]> {
  const buildings = { select: { id: true } } as const;
  const chosen = await db.centralHousehold.findMany({
    where: { partyMember: { personId } },
    select: { startsOn: true, endsOn: true, grid: { select: { buildings, children: { select: { buildings } } } } },
  });
  return chosen.flatMap((c) =>
    [...c.grid.buildings, ...c.grid.children.flatMap((g) => g.buildings)].map((b) => ({
      role: 'CENTRAL_HOUSEHOLD' as const,
      place: { level: 'building' as const, id: b.id },
      startsOn: iso(c.startsOn)!,
      endsOn: iso(c.endsOn),
    })),
  );
}

/**
 * A keeper of the contact chain (decision 051): CONTACT_KEEPER at the building of every household they keep in touch
 * with, for the link's dates. Links and residents of keeping households bump authVersion by trigger (migration contact_chain).
 */
async function contactKeeperGrants(db: Pick<TTx, 'contactLink' | 'residency'>, personId: number): Promise<TGrant[]> {
  const links = await linksKeptBy(db, personId);
  return links.flatMap((l) =>
    householdsOf(l).map((h) => ({
      role: 'CONTACT_KEEPER' as const,
      place: { level: 'building' as const, id: h.buildingId },
      startsOn: iso(l.startsOn)!,
      endsOn: iso(l.endsOn),
    })),
  );
}
