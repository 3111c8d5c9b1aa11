import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { dateOnly, fromDateOnly, inForceOn } from '@/server/today';
import { authorizeGrids } from './grids';

const iso = (d: Date | null) => (d ? fromDateOnly(d) : null);

/**
 * A community's grids as its grids page shows them (for those who build them there): the tree with each grid's
 * buildings, workers, party organisation and central households; the buildings by compound with their grid; and the
 * people one may attach (grid workers of the community, its party members, its party organisations).
 */
export async function getCommunityGridsForAdmin(by: TBy, communityId: number) {
  const db = getDb();
  await db.$transaction((tx) => authorizeGrids(tx, by, communityId));
  const day = dateOnly(by.today);
  const [community, grids, compounds, workers, members, partyOrgs] = await Promise.all([
    db.community.findUniqueOrThrow({ where: { id: communityId }, select: { id: true, name: true, street: { select: { name: true } } } }),
    db.grid.findMany({
      where: { communityId },
      orderBy: { id: 'asc' },
      select: {
        id: true,
        name: true,
        kind: true,
        parentId: true,
        buildings: { select: { id: true, name: true, compound: { select: { name: true } } }, orderBy: { id: 'asc' } },
        partyOrgs: { select: { id: true, name: true } },
        duties: {
          where: { OR: [{ endsOn: null }, { endsOn: { gte: day } }] },
          select: { id: true, title: true, startsOn: true, endsOn: true, user: { select: { person: { select: { name: true } } } } },
        },
        centralHouseholds: {
          where: { OR: [{ endsOn: null }, { endsOn: { gte: day } }] },
          select: {
            id: true,
            startsOn: true,
            endsOn: true,
            partyMember: { select: { person: { select: { name: true } } } },
            contacts: { select: { householdId: true } },
          },
        },
      },
    }),
    db.compound.findMany({
      where: { communityId },
      orderBy: { id: 'asc' },
      select: { id: true, name: true, buildings: { orderBy: { id: 'asc' }, select: { id: true, name: true, gridId: true } } },
    }),
    db.roleGrant.findMany({
      where: { role: 'GRID_WORKER', placeLevel: 'COMMUNITY', placeId: communityId, revokedAt: null, ...inForceOn(by.today) },
      orderBy: { id: 'asc' },
      select: { userId: true, user: { select: { person: { select: { name: true } } } } },
    }),
    db.partyMember.findMany({
      where: { partyOrg: { communityId } },
      orderBy: { id: 'asc' },
      select: { id: true, person: { select: { name: true, user: { select: { id: true } } } } },
    }),
    db.partyOrg.findMany({
      where: { communityId, kind: 'GRID_BRANCH', dissolvedOn: null },
      orderBy: { id: 'asc' },
      select: { id: true, name: true, gridId: true },
    }),
  ]);
  const parents = new Set(grids.map((g) => g.parentId).filter((id) => id !== null));
  const leafIds = grids.filter((g) => !parents.has(g.id)).map((g) => g.id);
  const households = await db.household.findMany({
    where: { building: { gridId: { in: leafIds } } },
    orderBy: [{ buildingId: 'asc' }, { unitNo: 'asc' }, { roomNo: 'asc' }],
    select: { id: true, unitNo: true, roomNo: true, building: { select: { name: true, gridId: true } } },
  });
  return {
    id: community.id,
    name: community.name,
    street: community.street.name,
    grids: grids.map((g) => ({
      id: g.id,
      name: g.name,
      kind: g.kind,
      parentId: g.parentId,
      leaf: !parents.has(g.id),
      buildings: g.buildings.map((b) => `${b.compound.name} ${b.name}`),
      partyOrgs: g.partyOrgs.map((o) => o.name),
      duties: g.duties.map((d) => ({
        id: d.id,
        name: d.user.person.name,
        title: d.title,
        startsOn: iso(d.startsOn)!,
        endsOn: iso(d.endsOn),
      })),
      centralHouseholds: g.centralHouseholds.map((c) => ({
        id: c.id,
        name: c.partyMember.person.name,
        startsOn: iso(c.startsOn)!,
        endsOn: iso(c.endsOn),
        contacts: c.contacts.map((h) => h.householdId),
      })),
      households: households
        .filter((h) => h.building.gridId === g.id)
        .map((h) => ({ id: h.id, label: `${h.building.name} ${h.unitNo}-${h.roomNo}` })),
    })),
    compounds: compounds.map((c) => ({ id: c.id, name: c.name, buildings: c.buildings })),
    workers: [...new Map(workers.map((w) => [w.userId, { id: w.userId, name: w.user.person.name }])).values()],
    members: members.map((m) => ({ id: m.id, name: m.person.name, hasAccount: !!m.person.user })),
    partyOrgs,
  };
}
