import { beforeAll, describe, expect, test } from 'vitest';
import { assignBuildings, createGrid, linkPartyOrg, removeGrid, renameGrid } from '@/server/grids/grids';
import { attachWorker, chooseCentralHousehold, setContacts } from '@/server/grids/people';
import { getCompoundProfile } from '@/server/territory/browse-territory';
import { createStaff } from '../../factories/accounts';
import { createPartyOrg } from '../../factories/organisation';
import { communityByCode } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { refusal } from '../refusal';
import { gridWorld } from './support';

let w: Awaited<ReturnType<typeof gridWorld>>;
beforeAll(async () => {
  w = await gridWorld();
});

describe('who builds grids (grid.manage, below one’s own level)', () => {
  test('the community’s secretary and its street build them; a grid worker, another street or another community do not', async () => {
    const { db, community } = w;
    const street = await createStaff(db, {
      name: '晋阳街道',
      phone: '13900044101',
      password: 'x',
      role: 'STREET_STAFF',
      placeLevel: 'STREET',
      placeId: community.streetId,
    });
    const tanghu = await communityByCode(db, '510116001001');
    const other = await createStaff(db, {
      name: '别处书记',
      phone: '13900044102',
      password: 'x',
      role: 'COMMUNITY_SECRETARY',
      placeLevel: 'COMMUNITY',
      placeId: tanghu.id,
    });
    const made = await createGrid(await byUser(street.id), { communityId: community.id, name: '街道建的网格' });
    expect(made.kind).toBe('GRID');
    for (const who of [w.users.workerA.id, other.id, w.users.keeper.id]) {
      const by = await byUser(who);
      expect(await refusal(createGrid(by, { communityId: community.id, name: '不该有的网格' }))).toBe('auth.forbidden');
      expect(await refusal(renameGrid(by, made.id, '改名'))).toBe('auth.forbidden');
      expect(
        await refusal(
          assignBuildings(by, { communityId: community.id, gridId: made.id, buildings: [{ id: w.buildings.b4.id, was: null }] }),
        ),
      ).toBe('auth.forbidden');
    }
    expect(await db.grid.count({ where: { name: '不该有的网格' } })).toBe(0);
    await removeGrid(w.by, made.id);
    expect(await db.auditLog.count({ where: { action: { in: ['grid.create', 'grid.remove'] }, entityId: String(made.id) } })).toBe(2);
  });
});

describe('one leaf grid per building, enforced by the database', () => {
  test('a building cannot be put in a grid divided into micro-grids, nor in another community’s grid — not even by SQL', async () => {
    const { db, grids, buildings, community } = w;
    expect(
      await refusal(
        assignBuildings(w.by, { communityId: community.id, gridId: grids.gridA.id, buildings: [{ id: buildings.b4.id, was: null }] }),
      ),
    ).toBe('grid.notLeaf');
    await expect(db.building.update({ where: { id: buildings.b4.id }, data: { gridId: grids.gridA.id } })).rejects.toThrow(/micro-grids/);
    const tanghu = await communityByCode(db, '510116001001');
    const elsewhere = await db.grid.create({ data: { communityId: tanghu.id, name: '别处网格' } });
    await expect(db.building.update({ where: { id: buildings.b4.id }, data: { gridId: elsewhere.id } })).rejects.toThrow(/community/);
    // A grid holding buildings is not divided before they move.
    expect(await refusal(createGrid(w.by, { communityId: community.id, name: '第二网格1号', parentId: grids.gridB.id }))).toBe(
      'grid.parentHasBuildings',
    );
    await expect(
      db.grid.create({ data: { communityId: community.id, name: 'SQL微网格', kind: 'MICRO_GRID', parentId: grids.gridB.id } }),
    ).rejects.toThrow(/holds buildings/);
  });

  test('two people assigning one building to two grids at once: one wins, the other is told it moved; it is in one grid', async () => {
    const { db, grids, buildings, community } = w;
    const c = await createGrid(w.by, { communityId: community.id, name: '第三网格' });
    const d = await createGrid(w.by, { communityId: community.id, name: '第四网格' });
    const assign = (gridId: number) =>
      refusal(assignBuildings(w.by, { communityId: community.id, gridId, buildings: [{ id: buildings.b4.id, was: null }] }));
    const results = await Promise.all([assign(c.id), assign(d.id)]);
    expect(results.sort()).toEqual(['grid.assignmentChanged', 'no refusal']);
    const now = (await db.building.findUniqueOrThrow({ where: { id: buildings.b4.id } })).gridId;
    expect([c.id, d.id]).toContain(now);
    expect(await db.auditLog.count({ where: { action: 'grid.assign', entityId: { in: [String(c.id), String(d.id)] } } })).toBe(1);
    // Taking it out again, knowing where it is, and moving several at once: all or none.
    await assignBuildings(w.by, { communityId: community.id, gridId: null, buildings: [{ id: buildings.b4.id, was: now }] });
    expect(
      await refusal(
        assignBuildings(w.by, {
          communityId: community.id,
          gridId: c.id,
          buildings: [
            { id: buildings.b4.id, was: null },
            { id: buildings.b3.id, was: null }, // it is in grid B: stale
          ],
        }),
      ),
    ).toBe('grid.assignmentChanged');
    expect((await db.building.findUniqueOrThrow({ where: { id: buildings.b4.id } })).gridId).toBeNull();
    expect(grids.gridB.id).toBe((await db.building.findUniqueOrThrow({ where: { id: buildings.b3.id } })).gridId);
  });

  test('dividing a grid while a building is being put in it: never both', async () => {
    const { db, buildings, community } = w;
    const e = await createGrid(w.by, { communityId: community.id, name: '第五网格' });
    const results = await Promise.all([
      refusal(assignBuildings(w.by, { communityId: community.id, gridId: e.id, buildings: [{ id: buildings.b4.id, was: null }] })),
      refusal(createGrid(w.by, { communityId: community.id, name: '第五网格1号', parentId: e.id })),
    ]);
    expect(results.filter((r) => r === 'no refusal')).toHaveLength(1);
    const inIt = await db.building.count({ where: { gridId: e.id } });
    const children = await db.grid.count({ where: { parentId: e.id } });
    expect(inIt + children).toBe(1);
  });
});

describe('grids keep their names, workers, party branch and central households right', () => {
  test('names are unique in a community, also when two are made at once', async () => {
    const { db, community } = w;
    const results = await Promise.all([1, 2].map(() => refusal(createGrid(w.by, { communityId: community.id, name: '同名网格' }))));
    expect(results.sort()).toEqual(['grid.nameTaken', 'no refusal']);
    expect(await db.grid.count({ where: { communityId: community.id, name: '同名网格' } })).toBe(1);
    expect(await refusal(renameGrid(w.by, w.grids.gridB.id, '同名网格'))).toBe('grid.nameTaken');
  });

  test('a worker needs GRID_WORKER in the community; a party branch and central household come from the community', async () => {
    const { db, grids, users, community } = w;
    expect(
      await refusal(attachWorker(w.by, { gridId: grids.gridB.id, userId: users.secretary.id, title: '网格员', startsOn: '2026-01-01' })),
    ).toBe('grid.notGridWorker');
    expect(
      await refusal(attachWorker(w.by, { gridId: grids.gridB.id, userId: users.workerB.id, title: '网格员', startsOn: '2026-01-01' })),
    ).toBe('grid.alreadyOnDuty');
    expect(
      await refusal(
        attachWorker(w.by, {
          gridId: grids.gridB.id,
          userId: users.idle.id,
          title: '网格员',
          startsOn: '2026-03-01',
          endsOn: '2026-01-01',
        }),
      ),
    ).toBe('grid.termOrder');
    const tanghu = await communityByCode(db, '510116001001');
    // A grid branch always sits on a grid (decision 043): linking moves it; it is never unlinked; only a grid branch of
    // the community, not dissolved, may be linked.
    const tanghuGrid = await db.grid.create({ data: { communityId: tanghu.id, name: '棠湖网格' } });
    const foreign = await createPartyOrg(db, {
      kind: 'GRID_BRANCH',
      name: '别处网格党支部',
      communityId: tanghu.id,
      gridId: tanghuGrid.id,
    });
    expect(await refusal(linkPartyOrg(w.by, { gridId: grids.gridA.id, partyOrgId: foreign.id }))).toBe('grid.partyOrgOutside');
    const general = await createPartyOrg(db, { kind: 'COMMUNITY_GENERAL_BRANCH', name: '社区党总支', communityId: community.id });
    expect(await refusal(linkPartyOrg(w.by, { gridId: grids.gridA.id, partyOrgId: general.id }))).toBe('grid.partyOrgOutside');
    const branch = await createPartyOrg(db, {
      kind: 'GRID_BRANCH',
      name: '第一网格党支部',
      communityId: community.id,
      gridId: grids.gridB.id,
    });
    await linkPartyOrg(w.by, { gridId: grids.gridA.id, partyOrgId: branch.id });
    expect((await db.partyOrg.findUniqueOrThrow({ where: { id: branch.id } })).gridId).toBe(grids.gridA.id);
    expect(await refusal(linkPartyOrg(w.by, { gridId: grids.gridA.id, partyOrgId: null }))).toBe('grid.branchStays');
    // The central household keeps in touch with households of its own grid only, and is chosen for a leaf grid.
    const outside = w.households.find((h) => h.buildingId === w.buildings.b3.id)!;
    const input = { gridId: grids.a2.id, partyMemberId: w.member.id, startsOn: '2026-01-01', householdIds: [outside.id] };
    expect(await refusal(chooseCentralHousehold(w.by, input))).toBe('grid.householdOutside');
    expect(await refusal(chooseCentralHousehold(w.by, { ...input, gridId: grids.gridA.id, householdIds: [] }))).toBe('grid.notLeaf');
    // Their households change later, within their grid only.
    const b1 = w.households.filter((h) => h.buildingId === w.buildings.b1.id).map((h) => h.id);
    expect(await refusal(setContacts(w.by, { centralHouseholdId: w.central.id, householdIds: [b1[0]!, outside.id] }))).toBe(
      'grid.householdOutside',
    );
    await setContacts(w.by, { centralHouseholdId: w.central.id, householdIds: [b1[0]!, b1[1]!] });
    const kept = await db.centralHouseholdContact.findMany({
      where: { centralHouseholdId: w.central.id },
      orderBy: { householdId: 'asc' },
    });
    expect(kept.map((c) => c.householdId)).toEqual([b1[0], b1[1]].sort((a, b) => a! - b!));
    expect(await refusal(setContacts(await byUser(users.workerA.id), { centralHouseholdId: w.central.id, householdIds: [] }))).toBe(
      'auth.forbidden',
    );
    // A grid with a party branch or a worker on duty is not removed.
    expect(await refusal(removeGrid(w.by, grids.gridB.id))).toBe('grid.notEmpty');
  });
});

describe('the public place page', () => {
  test('shows each building’s grid and its workers’ titles — never a name or a phone number', async () => {
    const profile = (await getCompoundProfile(w.compound.id))!;
    // Building 4 is wherever the races above left it.
    const shown = profile.buildings.slice(0, 3).map((b) => [b.name, b.grid]);
    expect(shown).toEqual([
      ['1栋', { name: '第一网格 · 第一网格1号微网格', workers: ['专职网格员'] }],
      ['2栋', { name: '第一网格 · 第一网格2号微网格', workers: ['专职网格员'] }],
      ['3栋', { name: '第二网格', workers: ['专职网格员'] }],
    ]);
    expect(JSON.stringify(profile)).not.toMatch(/甲网格员|乙网格员|13900044/);
  });

  test('review: a central household is party work (not the residents’ committee’s alone), one term at a time, a double tap refused', async () => {
    const { db, community, grids, member } = w;
    const rc = await createStaff(db, {
      name: '居委会干事',
      phone: '13900044009',
      password: 'staff-pass-1',
      role: 'RESIDENTS_COMMITTEE_STAFF',
      placeLevel: 'COMMUNITY',
      placeId: community.id,
    });
    const staffBy = await byUser(rc.id, '居委会干事');
    const input = { gridId: grids.a1.id, partyMemberId: member.id, startsOn: '2026-06-01', householdIds: [] as number[] };
    expect(await refusal(chooseCentralHousehold(staffBy, input))).toBe('auth.forbidden');
    expect(await refusal(setContacts(staffBy, { centralHouseholdId: w.central.id, householdIds: [] }))).toBe('auth.forbidden');
    const before = await db.centralHousehold.count({ where: { gridId: grids.a1.id } });
    // The world's member is central household of A1 since 2024 with no end: a second overlapping term is refused.
    const twice = await Promise.all([refusal(chooseCentralHousehold(w.by, input)), refusal(chooseCentralHousehold(w.by, input))]);
    expect(twice).toEqual(['grid.alreadyCentral', 'grid.alreadyCentral']);
    expect(await db.centralHousehold.count({ where: { gridId: grids.a1.id } })).toBe(before);
  });
});
