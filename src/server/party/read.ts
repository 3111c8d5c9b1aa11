import 'server-only';
import { mayBuild, scopesOf } from '@/domain/authz/can';
import { PARTY_ORG_LEVEL, PARTY_ORG_KINDS } from '@/domain/party/levels';
import type { TPlaceRef } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { partyOrgWhere } from '@/server/accounts/scope';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { partyOrgAncestry, requireBuild } from './places';

const LIST_CAP = 500;

/** A place one may build at, as a form offers it: "street:12" with its name. */
export type TBuildPlace = { value: string; level: TPlaceRef['level'] | 'grid'; name: string };

// Officers whose term is open (an ended term leaves the list the day it is ended).
const orgSelect = () => ({
  id: true,
  kind: true,
  name: true,
  parentId: true,
  districtId: true,
  streetId: true,
  communityId: true,
  compoundId: true,
  buildingId: true,
  dissolvedOn: true,
  mergedInto: { select: { name: true } },
  street: { select: { name: true } },
  community: { select: { name: true } },
  grid: { select: { name: true } },
  compound: { select: { name: true } },
  building: { select: { name: true } },
  formerNames: { orderBy: { id: 'desc' as const }, select: { id: true, name: true, until: true } },
  positions: {
    where: { endsOn: null, position: { in: ['SECRETARY' as const, 'DEPUTY_SECRETARY' as const, 'COMMITTEE_MEMBER' as const] } },
    orderBy: [{ position: 'asc' as const }, { id: 'asc' as const }],
    select: { id: true, position: true, startsOn: true, person: { select: { name: true } }, organization: { select: { name: true } } },
  },
  _count: { select: { members: true } },
});

/**
 * Every party organisation (dissolved ones too, marked) in the places where the actor holds partyOrg.manage, for the
 * tree; `buildable` says whether the actor may change it (its page opens), e.g. not a branch secretary's own branch.
 */
export async function listPartyOrgsForAdmin(by: TBy) {
  const scopes = scopesOf(by.actor, 'partyOrg.manage', by.today);
  if (scopes.length === 0) return [];
  const orgs = await getDb().partyOrg.findMany({
    where: { OR: scopes.map(partyOrgWhere) },
    orderBy: [{ dissolvedOn: { sort: 'desc', nulls: 'first' } }, { id: 'asc' }],
    take: LIST_CAP,
    select: orgSelect(),
  });
  return orgs.map((o) => ({
    ...o,
    buildable: mayBuild(by.actor, 'partyOrg.manage', PARTY_ORG_LEVEL[o.kind], { ancestry: partyOrgAncestry(o) }, by.today),
  }));
}

/**
 * The places one may set up organisations at from the top of one's own tree: a district's streets and communities, a
 * street's communities, a community's grids and compounds, a compound's buildings (the level below each grant).
 */
export async function topPlacesToBuild(by: TBy): Promise<TBuildPlace[]> {
  const scopes = scopesOf(by.actor, 'partyOrg.manage', by.today);
  const db = getDb();
  const districts = scopes.filter((s) => s.level === 'district').map((s) => s.id);
  const streets = scopes.filter((s) => s.level === 'street').map((s) => s.id);
  const [streetRows, communityRows] = await Promise.all([
    districts.length
      ? db.street.findMany({
          where: { districtId: { in: districts } },
          orderBy: { code: 'asc' },
          take: LIST_CAP,
          select: { id: true, name: true },
        })
      : [],
    districts.length || streets.length
      ? db.community.findMany({
          where: { OR: [{ streetId: { in: streets } }, { street: { districtId: { in: districts } } }] },
          orderBy: { code: 'asc' },
          take: LIST_CAP,
          select: { id: true, name: true, street: { select: { name: true } } },
        })
      : [],
  ]);
  const lower = await Promise.all(
    scopes
      .filter((s) => s.level === 'community' || s.level === 'compound')
      .map((s) =>
        placesBelow(
          s.level === 'community'
            ? { streetId: 0, communityId: s.id, gridId: null, compoundId: null }
            : { streetId: 0, communityId: null, gridId: null, compoundId: s.id },
        ),
      ),
  );
  return [
    ...streetRows.map((s) => ({ value: `street:${s.id}`, level: 'street' as const, name: s.name })),
    ...communityRows.map((c) => ({ value: `community:${c.id}`, level: 'community' as const, name: `${c.street.name} ${c.name}` })),
    ...lower.flat(),
  ];
}

/** The places directly below an organisation's own, where organisations under it sit. */
async function placesBelow(org: { streetId: number; communityId: number | null; gridId: number | null; compoundId: number | null }) {
  const db = getDb();
  if (org.compoundId) {
    const rows = await db.building.findMany({
      where: { compoundId: org.compoundId },
      orderBy: { id: 'asc' },
      select: { id: true, name: true },
    });
    return rows.map((b) => ({ value: `building:${b.id}`, level: 'building' as const, name: b.name }));
  }
  if (org.gridId) {
    const rows = await db.compound.findMany({
      where: { communityId: org.communityId! },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    });
    return rows.map((c) => ({ value: `compound:${c.id}`, level: 'compound' as const, name: c.name }));
  }
  if (org.communityId) {
    const [grids, compounds] = await Promise.all([
      db.grid.findMany({ where: { communityId: org.communityId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
      db.compound.findMany({ where: { communityId: org.communityId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    ]);
    return [
      ...grids.map((g) => ({ value: `grid:${g.id}`, level: 'grid' as const, name: g.name })),
      ...compounds.map((c) => ({ value: `compound:${c.id}`, level: 'compound' as const, name: c.name })),
    ];
  }
  const rows = await db.community.findMany({
    where: { streetId: org.streetId },
    orderBy: { code: 'asc' },
    select: { id: true, name: true },
  });
  return rows.map((c) => ({ value: `community:${c.id}`, level: 'community' as const, name: c.name }));
}

/**
 * One organisation for its admin page, for those who build it: its history (former names, dissolution, merge), its
 * officers, the places below it, the organisations it may merge into, and the units a part-time member may come from.
 */
export async function getPartyOrgForAdmin(by: TBy, id: number) {
  const db = getDb();
  const row = (await db.partyOrg.findUnique({ where: { id } })) ?? refuse('auth.forbidden');
  requireBuild(by, row.kind, partyOrgAncestry(row));
  const level = PARTY_ORG_LEVEL[row.kind];
  const sameLevel = PARTY_ORG_KINDS.filter((k) => PARTY_ORG_LEVEL[k] === level);
  const [org, below, mergeTargets, units] = await Promise.all([
    db.partyOrg.findUniqueOrThrow({ where: { id }, select: orgSelect() }),
    placesBelow(row),
    db.partyOrg.findMany({
      where: { id: { not: id }, kind: { in: [...sameLevel] }, dissolvedOn: null, streetId: row.streetId },
      orderBy: { id: 'asc' },
      take: LIST_CAP,
      select: { id: true, name: true, districtId: true, streetId: true, communityId: true, compoundId: true, buildingId: true, kind: true },
    }),
    db.organization.findMany({
      where: { assignments: { some: row.communityId ? { communityId: row.communityId } : { community: { streetId: row.streetId } } } },
      orderBy: { name: 'asc' },
      take: LIST_CAP,
      select: { id: true, name: true },
    }),
  ]);
  // Only below one's own level; a building group's page (the bottom) offers nothing below.
  const buildable = below.filter((p) => PARTY_ORG_KINDS.some((k) => PARTY_ORG_LEVEL[k] === p.level));
  return {
    org,
    below: level === 'building' ? [] : buildable,
    mergeTargets: mergeTargets
      .filter((o) => mayBuild(by.actor, 'partyOrg.manage', PARTY_ORG_LEVEL[o.kind], { ancestry: partyOrgAncestry(o) }, by.today))
      .map((o) => ({ id: o.id, name: o.name })),
    units,
  };
}
