import type { Role } from '@/generated/prisma/client';
import { ensureIssueCategories } from '@/server/issues/categories';
import { assignBuildings, createGrid } from '@/server/grids/grids';
import { attachWorker, chooseCentralHousehold } from '@/server/grids/people';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { createPartyOrg, registerPartyMember } from '../../factories/organisation';
import { communityByCode } from '../../factories/territory';
import { byUser, TODAY } from '../accounts/support';
import { testDb } from '../db';

const pw = 'staff-pass-1';

/**
 * A community of Wuhou (晋阳) with one compound of four buildings, built through the grid use cases by its secretary:
 * grid A divided into micro-grids A1 (building 1) and A2 (building 2), grid B without micro-grids (building 3); building 4
 * in no grid. Three grid workers: one with no duty (the first granted), one on duty in A, one in B; a central household
 * (a party member living in building 1) for A1. One category per first responder.
 */
export async function gridWorld() {
  const db = testDb();
  await ensureIssueCategories(db);
  const community = await communityByCode(db, '510107009003');
  const names = new NameSource(44);
  const c = await createPopulatedCompound(db, names, {
    communityId: community.id,
    name: '网格小区',
    buildings: [1, 2, 3, 4].map((n) => ({ name: `${n}栋`, floors: 2, perFloor: 2, areasCentiM2: [9000] })),
  });
  const staff = (name: string, phone: string, role: Role) =>
    createStaff(db, { name, phone, password: pw, role, placeLevel: 'COMMUNITY', placeId: community.id });
  const secretary = await staff('网格书记', '13900044001', 'COMMUNITY_SECRETARY');
  const idle = await staff('社区网格员', '13900044002', 'GRID_WORKER');
  const workerA = await staff('甲网格员', '13900044003', 'GRID_WORKER');
  const workerB = await staff('乙网格员', '13900044004', 'GRID_WORKER');
  const by = await byUser(secretary.id, '网格书记');
  const gridA = await createGrid(by, { communityId: community.id, name: '第一网格' });
  const a1 = await createGrid(by, { communityId: community.id, name: '第一网格1号微网格', parentId: gridA.id });
  const a2 = await createGrid(by, { communityId: community.id, name: '第一网格2号微网格', parentId: gridA.id });
  const gridB = await createGrid(by, { communityId: community.id, name: '第二网格' });
  const [b1, b2, b3, b4] = c.buildings as [
    (typeof c.buildings)[0],
    (typeof c.buildings)[0],
    (typeof c.buildings)[0],
    (typeof c.buildings)[0],
  ];
  await assignBuildings(by, { communityId: community.id, gridId: a1.id, buildings: [{ id: b1.id, was: null }] });
  await assignBuildings(by, { communityId: community.id, gridId: a2.id, buildings: [{ id: b2.id, was: null }] });
  await assignBuildings(by, { communityId: community.id, gridId: gridB.id, buildings: [{ id: b3.id, was: null }] });
  await attachWorker(by, { gridId: gridA.id, userId: workerA.id, title: '专职网格员', startsOn: '2024-01-01' });
  await attachWorker(by, { gridId: gridB.id, userId: workerB.id, title: '专职网格员', startsOn: '2024-01-01' });
  const committee = await createPartyOrg(db, { kind: 'COMMUNITY_COMMITTEE', name: '晋阳社区党委', communityId: community.id });
  // c.households[0] is in building 1; its owner is c.owners[0].
  const keeper = c.owners[0]!;
  const member = await registerPartyMember(db, { personId: keeper.id, partyOrgId: committee.id });
  const keeperUser = await createVerifiedResident(db, {
    personId: keeper.id,
    phone: keeper.phone!,
    password: pw,
    householdId: c.households[0]!.id,
  });
  const central = await chooseCentralHousehold(by, {
    gridId: a1.id,
    partyMemberId: member.id,
    startsOn: '2024-01-01',
    householdIds: c.households.filter((h) => h.buildingId === b1.id).map((h) => h.id),
  });
  const category = async (code: string, handlerRole: Role) =>
    db.issueCategory.create({ data: { code, districtId: community.street.districtId, nameZh: code, nameEn: code, handlerRole } });
  const categories = {
    grid: await category('GRIDTEST_WORKER', 'GRID_WORKER'),
    central: await category('GRIDTEST_CENTRAL', 'CENTRAL_HOUSEHOLD'),
    head: await category('GRIDTEST_HEAD', 'BUILDING_HEAD'),
  };
  return {
    db,
    community,
    compound: c.compound,
    households: c.households,
    owners: c.owners,
    buildings: { b1, b2, b3, b4 },
    grids: { gridA, a1, a2, gridB },
    users: { secretary, idle, workerA, workerB, keeper: keeperUser },
    member,
    central,
    categories,
    by,
    today: TODAY,
  };
}
