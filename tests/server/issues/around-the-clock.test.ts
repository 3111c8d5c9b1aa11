import { beforeAll, describe, expect, test } from 'vitest';
import { actOnIssue } from '@/server/issues/act-on-issue';
import { ensureIssueCategories } from '@/server/issues/categories';
import { addDistrictCategory, districtCategories, saveDistrictCategory } from '@/server/issues/district-settings';
import { raiseIssue } from '@/server/issues/raise-issue';
import { listWorkQueue } from '@/server/issues/read-issues';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { byUser, world } from '../accounts/support';

// Issue 19 item 5: a category may run around the clock (a lift fault at 06:06 is not due at 09:30); work queues
// put the most urgent deadline first.
let w: Awaited<ReturnType<typeof setup>>;
const MINUTE = 60_000;
async function setup() {
  const base = await world();
  await ensureIssueCategories(base.db);
  const wuhou = base.a.compound.districtId;
  const admin = await createStaff(base.db, {
    name: '武侯区管理员',
    phone: '13900009201',
    password: 'staff-pass-1',
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: wuhou,
  });
  const household = await base.db.household.findFirstOrThrow({ where: { building: { compoundId: base.a.compound.id } } });
  const owner = await base.db.ownership.findFirstOrThrow({ where: { householdId: household.id } });
  const resident = await createVerifiedResident(base.db, {
    personId: owner.personId,
    phone: '13900009202',
    password: 'x-pass-1234',
    householdId: household.id,
  });
  const by = await byUser(admin.id, '武侯区管理员');
  const lift = await addDistrictCategory(by, wuhou, {
    code: 'LIFT',
    nameZh: '电梯故障',
    nameEn: 'Lift breakdown',
    handlerRole: 'GRID_WORKER',
    acknowledgeMinutes: 30,
    resolveWorkingDays: 1,
    remindBeforeMinutes: 15,
    aroundTheClock: true,
    resolveMinutes: 240,
    active: true,
  });
  return { ...base, wuhou, admin, resident, lift };
}
beforeAll(async () => {
  w = await setup();
});

const minutesAfter = (i: { createdAt: Date }, d: Date) => Math.round((d.getTime() - i.createdAt.getTime()) / MINUTE);
const raise = async (userId: number, categoryId: number, key: string, extra = {}) =>
  raiseIssue(await byUser(userId, '居民'), {
    categoryId,
    title: `电梯困人 ${key}`,
    description: '2 栋电梯停在两层之间',
    compoundId: w.a.compound.id,
    anonymous: false,
    idempotencyKey: key,
    ...extra,
  });

describe('a category that runs around the clock', () => {
  test('a resident’s report (the one-statement path) is due in plain minutes, whatever the hour or the day', async () => {
    const { id } = await raise(w.resident.id, w.lift.id, 'lift-1');
    const issue = await w.db.issue.findUniqueOrThrow({ where: { id } });
    // Deadlines are whole minutes from the minute it was raised.
    expect(minutesAfter(issue, issue.acknowledgeBy)).toBeGreaterThanOrEqual(29);
    expect(minutesAfter(issue, issue.acknowledgeBy)).toBeLessThanOrEqual(30);
    expect(minutesAfter(issue, issue.resolveBy)).toBeGreaterThanOrEqual(239);
    expect(minutesAfter(issue, issue.resolveBy)).toBeLessThanOrEqual(240);
  });

  test('staff entering it for a resident (the other path) set the same clock', async () => {
    const grid = await byUser(w.staff.gridWorker.id, '网格员');
    const { id } = await raiseIssue(grid, {
      categoryId: w.lift.id,
      title: '电梯困人（代登记）',
      description: '住户来电',
      compoundId: w.a.compound.id,
      anonymous: false,
      onBehalfOf: { name: '李大爷', phone: '13870009999' },
      idempotencyKey: 'lift-desk',
    });
    const issue = await w.db.issue.findUniqueOrThrow({ where: { id } });
    expect(minutesAfter(issue, issue.resolveBy)).toBeGreaterThanOrEqual(239);
    expect(minutesAfter(issue, issue.resolveBy)).toBeLessThanOrEqual(240);
  });

  test('switching a default category to the clock is saved, audited, and used by the next report at once', async () => {
    const by = await byUser(w.admin.id, '武侯区管理员');
    const water = (await districtCategories(w.wuhou)).find((c) => c.code === 'FACILITIES')!;
    const { id: own } = await saveDistrictCategory(by, w.wuhou, water.id, {
      nameZh: water.nameZh,
      nameEn: water.nameEn,
      handlerRole: 'GRID_WORKER',
      acknowledgeMinutes: 20,
      resolveWorkingDays: 2,
      remindBeforeMinutes: 10,
      aroundTheClock: true,
      resolveMinutes: 120,
      active: true,
    });
    const saved = (await districtCategories(w.wuhou)).find((c) => c.id === own)!;
    expect([saved.aroundTheClock, saved.resolveMinutes]).toEqual([true, 120]);
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: 'issueCategory.save', entityId: String(own) } });
    expect(audit.after).toMatchObject({ aroundTheClock: true, resolveMinutes: 120 });
    const { id } = await raise(w.resident.id, own, 'burst-pipe');
    const issue = await w.db.issue.findUniqueOrThrow({ where: { id } });
    expect(minutesAfter(issue, issue.resolveBy)).toBeGreaterThanOrEqual(119);
    expect(minutesAfter(issue, issue.resolveBy)).toBeLessThanOrEqual(120);
  });
});

describe('the work queue', () => {
  test('puts the most urgent deadline first: an acknowledged issue is due by its resolution deadline', async () => {
    const parking = (await districtCategories(w.wuhou)).find((c) => c.code === 'PARKING')!;
    const grid = await byUser(w.staff.gridWorker.id, '网格员');
    // Raised two hours ago and acknowledged: its acknowledgement deadline is past, its resolution days away.
    const { id: slow } = await raise(w.resident.id, parking.id, 'parking-queue', { title: '车位划线' });
    await actOnIssue(grid, slow, { type: 'ACKNOWLEDGE' });
    await w.db.issue.update({
      where: { id: slow },
      data: { acknowledgeBy: new Date(Date.now() - 120 * MINUTE), resolveBy: new Date(Date.now() + 5 * 24 * 60 * MINUTE) },
    });
    // A lift fault just now: due within 30 minutes.
    const { id: urgent } = await raise(w.resident.id, w.lift.id, 'lift-queue');
    const queue = (await listWorkQueue(grid)).map((i) => i.id);
    expect(queue.indexOf(urgent)).toBeGreaterThanOrEqual(0);
    expect(queue.indexOf(urgent)).toBeLessThan(queue.indexOf(slow));
    // And the queue says which deadline counts for each.
    const row = (await listWorkQueue(grid)).find((i) => i.id === slow)!;
    expect(row.dueAt.getTime()).toBe(row.resolveBy.getTime());
  });
});
