import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { dateOnly } from '@/server/today';
import { requireChainKeeper } from './contact-chain';

/** At most this many households are offered in the form's lists (a branch's compound; a community's are many more). */
const OFFERED = 600;

const householdLabel = (h: { unitNo: string; roomNo: string; building: { name: string } }) => `${h.building.name} ${h.unitNo}-${h.roomNo}`;

/** The branch's contact chain for its page: active links, and whom the form offers (officers, building heads, households). */
export async function contactChainForAdmin(by: TBy, partyOrgId: number) {
  const db = getDb();
  const org = await db.partyOrg.findUnique({ where: { id: partyOrgId } });
  if (!org) return null;
  await requireChainKeeper(db, by, org);
  const day = dateOnly(by.today);
  const inTerm = { startsOn: { lte: day }, OR: [{ endsOn: null }, { endsOn: { gte: day } }] };
  const building = {
    compound: {
      streetId: org.streetId,
      ...(org.communityId ? { communityId: org.communityId } : {}),
      ...(org.compoundId ? { id: org.compoundId } : {}),
    },
    ...(org.buildingId ? { id: org.buildingId } : {}),
    ...(org.gridId ? { OR: [{ gridId: org.gridId }, { grid: { parentId: org.gridId } }] } : {}),
  };
  const hh = { select: { id: true, unitNo: true, roomNo: true, building: { select: { name: true } } } } as const;
  const [links, officers, heads, households] = await Promise.all([
    db.contactLink.findMany({
      where: { partyOrgId, endsOn: null },
      orderBy: [{ kind: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        kind: true,
        startsOn: true,
        keeperPerson: { select: { name: true } },
        keptPerson: { select: { name: true } },
        keeperHousehold: hh,
        keptHousehold: hh,
      },
    }),
    db.partyOrgMember.findMany({ where: { partyOrgId, ...inTerm }, select: { person: { select: { id: true, name: true } } } }),
    db.roleGrant.findMany({
      where: { role: 'BUILDING_HEAD', revokedAt: null, ...inTerm, placeLevel: 'BUILDING' },
      select: { placeId: true, user: { select: { person: { select: { id: true, name: true } } } } },
    }),
    db.household.findMany({
      where: { building },
      orderBy: [{ buildingId: 'asc' }, { unitNo: 'asc' }, { roomNo: 'asc' }],
      take: OFFERED,
      select: {
        ...hh.select,
        buildingId: true,
        residencies: { where: { until: null }, select: { person: { select: { partyMember: { select: { id: true } } } } } },
      },
    }),
  ]);
  const buildings = new Set(households.map((h) => h.buildingId));
  const side = (person: { name: string } | null, household: Parameters<typeof householdLabel>[0] | null) =>
    person?.name ?? (household ? householdLabel(household) : '');
  return {
    orgName: org.name,
    links: links.map((l) => ({
      id: l.id,
      kind: l.kind,
      startsOn: l.startsOn,
      keeper: side(l.keeperPerson, l.keeperHousehold),
      kept: side(l.keptPerson, l.keptHousehold),
    })),
    officers: [...new Map(officers.map((o) => [o.person.id, o.person])).values()],
    buildingHeads: [...new Map(heads.filter((g) => buildings.has(g.placeId)).map((g) => [g.user.person.id, g.user.person])).values()],
    partyHouseholds: households
      .filter((h) => h.residencies.some((r) => r.person.partyMember))
      .map((h) => ({ id: h.id, name: householdLabel(h) })),
    households: households.map((h) => ({ id: h.id, name: householdLabel(h) })),
  };
}
