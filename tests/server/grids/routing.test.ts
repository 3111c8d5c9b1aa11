import { beforeAll, describe, expect, test } from 'vitest';
import { actOnIssue } from '@/server/issues/act-on-issue';
import { findHandler } from '@/server/issues/handlers';
import { raiseIssue } from '@/server/issues/raise-issue';
import { listWorkQueue } from '@/server/issues/read-issues';
import { assignBuildings } from '@/server/grids/grids';
import { endCentralHousehold } from '@/server/grids/people';
import { createVerifiedResident } from '../../factories/accounts';
import { byUser } from '../accounts/support';
import { gridWorld } from './support';

let w: Awaited<ReturnType<typeof gridWorld>>;
beforeAll(async () => {
  w = await gridWorld();
});

let n = 0;
/** The first responder three ways: findHandler itself, a resident's one-statement report, a staff entry (storeIssue). */
async function responders(building: keyof typeof w.buildings, category: keyof typeof w.categories) {
  const { db, compound, community, buildings, categories } = w;
  const b = buildings[building];
  const c = categories[category];
  const place = {
    buildingId: b.id,
    compoundId: compound.id,
    communityId: community.id,
    streetId: community.streetId,
    districtId: community.street.districtId,
  };
  const direct = await db.$transaction((tx) => findHandler(tx, place, 'COMPOUND', c.handlerRole));
  const resident = await residentBy();
  const base = {
    categoryId: c.id,
    title: `${building} ${category}`,
    description: '网格派单',
    compoundId: compound.id,
    buildingId: b.id,
    anonymous: false,
  };
  const quick = await raiseIssue(resident, { ...base, idempotencyKey: `grid-quick-${++n}`, client: `10.44.0.${n}` });
  const entry = await raiseIssue(w.by, {
    ...base,
    idempotencyKey: `grid-entry-${++n}`,
    onBehalfOf: { name: '来访居民', phone: '13700044999' },
  });
  const assignee = async (id: number) => (await db.issue.findUniqueOrThrow({ where: { id } })).assigneeUserId;
  return { direct, quick: await assignee(quick.id), entry: await assignee(entry.id) };
}

let residentUser: number | null = null;
async function residentBy() {
  if (residentUser === null) {
    const owner = w.owners[13]!; // lives in building 4
    residentUser = (
      await createVerifiedResident(w.db, {
        personId: owner.id,
        phone: owner.phone!,
        password: 'x-pass-1234',
        householdId: w.households[13]!.id,
      })
    ).id;
  }
  return byUser(residentUser, '网格居民');
}

describe('issues route by grid (issue 18 item 3)', () => {
  test('the building’s grid worker or central household comes first, as the category says; both paths agree with findHandler', async () => {
    const { workerA, workerB, idle, keeper } = w.users;
    const cases: [keyof typeof w.buildings, keyof typeof w.categories, number][] = [
      ['b1', 'grid', workerA.id], // micro-grid A1: the worker of its grid A
      ['b1', 'central', keeper.id], // A1's central household
      ['b1', 'head', workerA.id], // no building head: the grid's worker before any other grid worker
      ['b2', 'grid', workerA.id],
      ['b2', 'central', workerA.id], // A2 has no central household: its grid's worker
      ['b3', 'grid', workerB.id],
      ['b3', 'central', workerB.id],
      ['b4', 'grid', idle.id], // outside any grid: exactly as before (the community's first grid worker)
      ['b4', 'central', idle.id],
    ];
    for (const [building, category, expected] of cases) {
      const got = await responders(building, category);
      expect([building, category, got]).toEqual([building, category, { direct: expected, quick: expected, entry: expected }]);
    }
  });

  test('the central household handles the issue at their buildings only, and not after their term', async () => {
    const { db, users, buildings, categories, compound } = w;
    const keeper = await byUser(users.keeper.id, '中心户');
    expect(keeper.actor.grants.filter((g) => g.role === 'CENTRAL_HOUSEHOLD').map((g) => g.place)).toEqual([
      { level: 'building', id: buildings.b1.id },
    ]);
    const resident = await residentBy();
    const { id } = await raiseIssue(resident, {
      categoryId: categories.central.id,
      title: '楼道灯坏了',
      description: '一单元二楼',
      compoundId: compound.id,
      buildingId: buildings.b1.id,
      anonymous: false,
      idempotencyKey: 'grid-keeper-1',
      client: '10.44.1.1',
    });
    expect((await listWorkQueue(keeper)).map((i) => i.id)).toContain(id);
    await actOnIssue(keeper, id, { type: 'ACKNOWLEDGE' });
    expect((await db.issue.findUniqueOrThrow({ where: { id } })).state).toBe('ACKNOWLEDGED');

    // A building moving into their micro-grid reaches their cached actor too (authVersion by trigger), and back out.
    const moved = async (gridId: number, was: number) => {
      const before = (await db.user.findUniqueOrThrow({ where: { id: users.keeper.id } })).authVersion;
      await assignBuildings(w.by, { communityId: w.community.id, gridId, buildings: [{ id: buildings.b2.id, was }] });
      expect((await db.user.findUniqueOrThrow({ where: { id: users.keeper.id } })).authVersion).toBeGreaterThan(before);
      return (await byUser(users.keeper.id)).actor.grants.filter((g) => g.role === 'CENTRAL_HOUSEHOLD').map((g) => g.place.id);
    };
    expect((await moved(w.grids.a1.id, w.grids.a2.id)).sort()).toEqual([buildings.b1.id, buildings.b2.id].sort());
    expect(await moved(w.grids.a2.id, w.grids.a1.id)).toEqual([buildings.b1.id]);

    const version = (await db.user.findUniqueOrThrow({ where: { id: users.keeper.id } })).authVersion;
    await endCentralHousehold(w.by, { centralHouseholdId: w.central.id, endsOn: '2025-12-31' });
    // The term reaches the cached actor: the account's authVersion moved in the same transaction.
    expect((await db.user.findUniqueOrThrow({ where: { id: users.keeper.id } })).authVersion).toBeGreaterThan(version);
    const after = await responders('b1', 'central');
    expect(after).toEqual({ direct: users.workerA.id, quick: users.workerA.id, entry: users.workerA.id });
  });
});
