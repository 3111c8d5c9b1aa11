// Grids of Jinsha (S3), built through the grid use cases by Jiangyang's district administrator (a demo login): two grids,
// each divided into micro-grids, every building of 金沙小区 in one; 罗网格 on duty in the first grid; 陈德明 (party member,
// building head) chosen 党员中心户 of the micro-grid of building 3 with the households he keeps in touch with; a district
// category whose first responder is the central household, and a resident's issue in building 3 routed to him by grid.
// The routing of the earlier demo is unchanged: 罗网格 was already the community's first grid worker.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import type { TBy } from '../../src/server/accounts/by.ts';
import { writeAudit } from '../../src/server/audit.ts';
import { assignBuildingsIn, createGridIn } from '../../src/server/grids/grids.ts';
import { attachWorkerIn, chooseCentralHouseholdIn } from '../../src/server/grids/people.ts';
import { fromChinaLocal, toChinaLocal } from '../../src/server/issues/clock.ts';
import { calendarFor } from '../../src/server/issues/district-settings.ts';
import { findHandler, policyOf } from '../../src/server/issues/handlers.ts';
import { notify } from '../../src/server/issues/notify.ts';
import { deadlinesFrom } from '../../src/domain/issues/deadlines.ts';
import { today } from '../../src/server/today.ts';
import { createStaff } from '../../tests/factories/accounts.ts';
import { DEMO_LOGINS } from './logins.ts';
import { JINSHA_COMMUNITY } from './jinsha.ts';

export const JIANGYANG_ADMIN_PHONE = '13900006004';

export async function seedGrids(tx: Prisma.TransactionClient, now: Date) {
  const community = await tx.community.findUniqueOrThrow({ where: { code: JINSHA_COMMUNITY }, include: { street: true } });
  const districtId = community.street.districtId;
  const admin = await createStaff(tx, {
    name: '江阳区管理员',
    phone: JIANGYANG_ADMIN_PHONE,
    password: DEMO_LOGINS.password,
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: districtId,
  });
  // The actor as a request would load it (its grant was written in this transaction, so read through it).
  const grants = await tx.roleGrant.findMany({ where: { userId: admin.id } });
  const by: TBy = {
    userId: admin.id,
    label: '江阳区管理员',
    actor: {
      userId: admin.id,
      grants: grants.map((g) => ({ role: g.role, place: { level: 'district', id: g.placeId }, startsOn: '2024-01-01', endsOn: null })),
    },
    today: today(now),
  };
  const buildings = await tx.building.findMany({
    where: { compound: { name: '金沙小区', communityId: community.id } },
    orderBy: { name: 'asc' },
  });
  const [b1, b2, b3] = buildings as [(typeof buildings)[0], (typeof buildings)[0], (typeof buildings)[0]];
  const first = await tx.grid.findFirstOrThrow({ where: { communityId: community.id, name: '金沙网格' } });
  const micro3 = await tx.grid.findFirstOrThrow({ where: { communityId: community.id, name: '金沙3栋微网格' } });
  const micro1 = await createGridIn(tx, by, { communityId: community.id, name: '金沙1栋微网格', parentId: first.id });
  const second = await createGridIn(tx, by, { communityId: community.id, name: '金沙二网格' });
  const micro2 = await createGridIn(tx, by, { communityId: community.id, name: '金沙2栋微网格', parentId: second.id });
  await assignBuildingsIn(tx, by, { communityId: community.id, gridId: micro1.id, buildings: [{ id: b1.id, was: b1.gridId }] });
  await assignBuildingsIn(tx, by, { communityId: community.id, gridId: micro2.id, buildings: [{ id: b2.id, was: b2.gridId }] });
  await assignBuildingsIn(tx, by, { communityId: community.id, gridId: micro3.id, buildings: [{ id: b3.id, was: b3.gridId }] });

  const worker = await tx.user.findUniqueOrThrow({ where: { phone: '13900006001' } });
  for (const grid of [first, second])
    await attachWorkerIn(tx, by, { gridId: grid.id, userId: worker.id, title: '专职网格员', startsOn: '2024-01-01' });
  const chen = await tx.user.findUniqueOrThrow({ where: { phone: '13900006002' }, select: { personId: true } });
  const member = await tx.partyMember.findUniqueOrThrow({ where: { personId: chen.personId } });
  const households = await tx.household.findMany({
    where: { buildingId: b3.id },
    orderBy: [{ unitNo: 'asc' }, { roomNo: 'asc' }],
    take: 9,
  });
  await chooseCentralHouseholdIn(tx, by, {
    gridId: micro3.id,
    partyMemberId: member.id,
    startsOn: '2024-01-01',
    householdIds: households.map((h) => h.id),
  });

  // A category of the district handled first by the central household (as the settings page would add it).
  const category = await tx.issueCategory.create({
    data: { code: 'NEIGHBOURHOOD_CARE', districtId, nameZh: '邻里关照', nameEn: 'Neighbourly care', handlerRole: 'CENTRAL_HOUSEHOLD' },
  });
  await writeAudit(tx, {
    ...actor(by),
    action: 'issueCategory.add',
    entityType: 'IssueCategory',
    entityId: category.id,
    after: { code: category.code },
  });

  // 黄素芬 (building 3) asks for a neighbour to be looked in on: routed by grid to 陈德明.
  const reporter = await tx.user.findUniqueOrThrow({ where: { phone: '13900006003' } });
  const place = { buildingId: b3.id, compoundId: b3.compoundId, communityId: community.id, streetId: community.streetId, districtId };
  const assignee = await findHandler(tx, place, 'COMPOUND', category.handlerRole);
  const d = deadlinesFrom(toChinaLocal(now), policyOf(category), await calendarFor(districtId, tx));
  const issue = await tx.issue.create({
    data: {
      title: '3栋独居老人几天没下楼',
      description: '3栋2单元的独居老人这几天都没见下楼，麻烦党员中心户去看一看。',
      categoryId: category.id,
      ...place,
      authorUserId: reporter.id,
      assigneeUserId: assignee,
      acknowledgeBy: fromChinaLocal(d.acknowledgeBy),
      resolveBy: fromChinaLocal(d.resolveBy),
    },
  });
  await tx.issueFollower.create({ data: { issueId: issue.id, userId: reporter.id } });
  await tx.issueEvent.create({
    data: { issueId: issue.id, actorUserId: reporter.id, actorLabel: '黄素芬', type: 'SUBMITTED', toState: 'SUBMITTED', level: 'COMPOUND' },
  });
  await notify(tx, [assignee], { kind: 'issue.assigned', issueId: issue.id, title: issue.title, body: category.nameZh });
  await writeAudit(tx, {
    actorId: reporter.id,
    actorLabel: '黄素芬',
    action: 'issue.raise',
    entityType: 'Issue',
    entityId: issue.id,
    after: { categoryId: category.id, compoundId: b3.compoundId, anonymous: false, channel: 'APP', unverified: false },
    communityId: community.id,
    compoundId: b3.compoundId,
  });
  return { issueId: issue.id, assignee };
}

const actor = (by: TBy) => ({ actorId: by.userId, actorLabel: by.label });
