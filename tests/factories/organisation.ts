import type {
  BodyKind,
  BodyPosition,
  OrganizationKind,
  OrganizationRelation,
  PartyOrgKind,
  PartyOrgPosition,
} from '@/generated/prisma/client';
import { day, type TDbLike } from './db';

export async function createPartyOrg(
  db: TDbLike,
  attrs: {
    kind: PartyOrgKind;
    name: string;
    communityId: number;
    parentId?: number;
    compoundId?: number;
    buildingId?: number;
    gridId?: number;
  },
) {
  // The organisation names its street and district too (decision 043).
  const c = await db.community.findUniqueOrThrow({
    where: { id: attrs.communityId },
    select: { streetId: true, street: { select: { districtId: true } } },
  });
  return db.partyOrg.create({ data: { ...attrs, streetId: c.streetId, districtId: c.street.districtId } });
}

export async function addPartyPosition(
  db: TDbLike,
  attrs: { partyOrgId: number; personId: number; position: PartyOrgPosition; startsOn?: string; endsOn?: string },
) {
  return db.partyOrgMember.create({
    data: {
      partyOrgId: attrs.partyOrgId,
      personId: attrs.personId,
      position: attrs.position,
      startsOn: day(attrs.startsOn ?? '2024-01-01'),
      endsOn: attrs.endsOn ? day(attrs.endsOn) : null,
    },
  });
}

export async function registerPartyMember(
  db: TDbLike,
  attrs: {
    personId: number;
    partyOrgId: number;
    dualRegistered?: boolean;
    workUnit?: string;
    mobile?: boolean;
    servicePost?: string;
    skills?: string[];
    interests?: string[];
    intentions?: string;
  },
) {
  return db.partyMember.create({ data: attrs });
}

/**
 * A body with its members. `members[0]` is the chair unless positions say otherwise;
 * the term defaults to 2024-01-01 … 2028-12-31.
 */
export async function createBody(
  db: TDbLike,
  attrs: {
    kind: BodyKind;
    name: string;
    communityId: number;
    compoundId?: number;
    seats?: number;
    memberIds: number[];
    positions?: BodyPosition[];
    organizationIds?: (number | undefined)[];
    termStartsOn?: string;
    termEndsOn?: string;
  },
) {
  const startsOn = attrs.termStartsOn ?? '2024-01-01';
  const body = await db.body.create({
    data: {
      kind: attrs.kind,
      name: attrs.name,
      communityId: attrs.communityId,
      compoundId: attrs.compoundId,
      seats: attrs.seats ?? attrs.memberIds.length,
      termNo: 1,
      termStartsOn: day(startsOn),
      termEndsOn: day(attrs.termEndsOn ?? '2028-12-31'),
    },
  });
  await db.bodyMember.createMany({
    data: attrs.memberIds.map((personId, i) => ({
      bodyId: body.id,
      personId,
      position: attrs.positions?.[i] ?? (i === 0 ? 'CHAIR' : 'MEMBER'),
      organizationId: attrs.organizationIds?.[i],
      startsOn: day(startsOn),
    })),
  });
  return body;
}

export async function createOrganization(
  db: TDbLike,
  attrs: { kind: OrganizationKind; name: string; districtId: number; creditCode?: string; hasPartyOrg?: boolean; phone?: string },
) {
  return db.organization.create({ data: attrs });
}

export async function assignOrganization(
  db: TDbLike,
  attrs: { organizationId: number; relation: OrganizationRelation; communityId: number; compoundId?: number; startsOn?: string },
) {
  return db.organizationAssignment.create({
    data: { ...attrs, startsOn: day(attrs.startsOn ?? '2023-01-01') },
  });
}
