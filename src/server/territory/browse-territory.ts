import 'server-only';
import { getDb } from '@/server/db';
import { inForceOn, today } from '@/server/today';

/** Districts grouped by city, with how many streets each has. */
export async function listDistricts() {
  const districts = await getDb().district.findMany({
    orderBy: { code: 'asc' },
    select: { code: true, name: true, cityName: true, provinceName: true, _count: { select: { streets: true } } },
  });
  const byCity = new Map<string, typeof districts>();
  for (const d of districts) byCity.set(d.cityName, [...(byCity.get(d.cityName) ?? []), d]);
  return [...byCity.entries()].map(([city, items]) => ({ city, province: items[0]!.provinceName, districts: items }));
}

export async function getDistrict(code: string) {
  return getDb().district.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      cityName: true,
      streets: { orderBy: { code: 'asc' }, select: { code: true, name: true, _count: { select: { communities: true } } } },
    },
  });
}

export async function getStreet(code: string) {
  return getDb().street.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      district: { select: { code: true, name: true, cityName: true } },
      communities: {
        orderBy: { code: 'asc' },
        select: { code: true, name: true, kind: true, _count: { select: { compounds: true } } },
      },
      partyOrgs: { where: { communityId: null, dissolvedOn: null }, orderBy: { id: 'asc' }, select: partyOrgSelect() },
    },
  });
}

/** Positions in force today in China: started, and not ended before today. */
const current = () => inForceOn(today());

/** A building's grid as the public sees it: its name (under its grid) and the titles of the workers on duty — no names, no phones. */
const gridSelect = () => {
  const duties = { where: current(), select: { title: true }, orderBy: { id: 'asc' } } as const;
  return { name: true, duties, parent: { select: { name: true, duties } } } as const;
};
function shownGrid(g: { name: string; duties: { title: string }[]; parent: { name: string; duties: { title: string }[] } | null }) {
  const titles = [...g.duties, ...(g.parent?.duties ?? [])].map((d) => d.title);
  return { name: g.parent ? `${g.parent.name} · ${g.name}` : g.name, workers: [...new Set(titles)] };
}

const bodySelect = () => ({
  id: true,
  kind: true,
  name: true,
  seats: true,
  termStartsOn: true,
  termEndsOn: true,
  members: {
    where: current(),
    orderBy: [{ position: 'asc' as const }, { id: 'asc' as const }],
    select: { id: true, position: true, person: { select: { name: true } }, organization: { select: { name: true } } },
  },
});

const partyOrgSelect = () => ({
  id: true,
  kind: true,
  name: true,
  parentId: true,
  positions: {
    where: current(),
    orderBy: { position: 'asc' as const },
    select: { id: true, position: true, person: { select: { name: true } }, organization: { select: { name: true } } },
  },
  formerNames: { orderBy: { id: 'desc' as const }, take: 3, select: { id: true, name: true } },
  _count: { select: { members: true } },
});

/** Active organisations only: a dissolved or merged one keeps its rows but is not shown as active (decision 043). */
const activeParty = { dissolvedOn: null };

/** The public profile of a community: its compounds, bodies with members' positions, party organisations, organisations. */
export async function getCommunityProfile(code: string) {
  return getDb().community.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      street: { select: { code: true, name: true, district: { select: { code: true, name: true, cityName: true } } } },
      compounds: {
        orderBy: { name: 'asc' },
        select: { id: true, name: true, address: true, _count: { select: { buildings: true } } },
      },
      bodies: { where: { compoundId: null }, orderBy: { kind: 'asc' }, select: bodySelect() },
      partyOrgs: { where: { compoundId: null, ...activeParty }, orderBy: { id: 'asc' }, select: partyOrgSelect() },
      organizations: {
        where: { compoundId: null, ...current() },
        select: { id: true, relation: true, organization: { select: { name: true, kind: true } } },
      },
    },
  });
}

export async function getCompoundProfile(id: number) {
  const compound = await getDb().compound.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      address: true,
      developerName: true,
      community: {
        select: {
          code: true,
          name: true,
          street: { select: { code: true, name: true, district: { select: { code: true, name: true, cityName: true } } } },
        },
      },
      buildings: {
        orderBy: { id: 'asc' },
        select: { id: true, name: true, unitCount: true, _count: { select: { households: true } }, grid: { select: gridSelect() } },
      },
      bodies: { orderBy: { kind: 'asc' }, select: bodySelect() },
      partyOrgs: { where: activeParty, orderBy: { id: 'asc' }, select: partyOrgSelect() },
      organizations: { where: current(), select: { id: true, relation: true, organization: { select: { name: true, kind: true } } } },
    },
  });
  if (!compound) return null;
  const buildings = compound.buildings.map(({ grid, ...b }) => ({ ...b, grid: grid && shownGrid(grid) }));
  const households = await getDb().household.aggregate({
    where: { building: { compoundId: id } },
    _count: true,
    _sum: { areaCentiM2: true },
  });
  return { ...compound, buildings, householdCount: households._count, totalAreaCentiM2: households._sum.areaCentiM2 ?? 0 };
}

export type TCommunityProfile = NonNullable<Awaited<ReturnType<typeof getCommunityProfile>>>;
export type TBody = TCommunityProfile['bodies'][number];
export type TPartyOrg = TCommunityProfile['partyOrgs'][number];
