import { beforeAll, describe, expect, test } from 'vitest';
import { addWorkingDays, isWorkingDay } from '@/domain/calendar/working-calendar';
import { ensureIssueCategories } from '@/server/issues/categories';
import {
  addCalendarDay,
  addDistrictCategory,
  calendarFor,
  districtCategories,
  removeCalendarDay,
  saveDistrictCategory,
} from '@/server/issues/district-settings';
import { raiseIssue } from '@/server/issues/raise-issue';
import { listCategories } from '@/server/issues/read-issues';
import { createStaff } from '../../factories/accounts';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const base = await world();
  await ensureIssueCategories(base.db);
  const wuhou = base.a.compound.districtId;
  const shuangliu = base.b.compound.districtId;
  const admin = await createStaff(base.db, {
    name: '武侯区管理员',
    phone: '13900009101',
    password: 'staff-pass-1',
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: wuhou,
  });
  return { ...base, wuhou, shuangliu, admin };
}
beforeAll(async () => {
  w = await setup();
});
const input = {
  nameZh: '电梯故障',
  nameEn: 'Lift breakdown',
  handlerRole: 'BUILDING_HEAD' as const,
  acknowledgeMinutes: 30,
  resolveWorkingDays: 1,
  remindBeforeMinutes: 15,
  aroundTheClock: false,
  resolveMinutes: 1440,
  active: true,
};

describe('categories per district', () => {
  test('editing a default makes the district’s own copy; other districts keep the default', async () => {
    const { db, wuhou, shuangliu, admin } = w;
    const by = await byUser(admin.id, '武侯区管理员');
    const parking = (await districtCategories(wuhou)).find((c) => c.code === 'PARKING')!;
    expect(parking.districtId).toBeNull();
    const { id } = await saveDistrictCategory(by, wuhou, parking.id, {
      ...input,
      nameZh: '停车（含非机动车）',
      nameEn: 'Parking',
      handlerRole: 'GRID_WORKER',
    });
    const here = (await districtCategories(wuhou)).filter((c) => c.code === 'PARKING');
    expect(here.map((c) => [c.id, c.nameZh, c.acknowledgeMinutes])).toEqual([[id, '停车（含非机动车）', 30]]);
    expect((await districtCategories(shuangliu)).find((c) => c.code === 'PARKING')?.id).toBe(parking.id);
    // Saving the copy again updates it in place.
    await saveDistrictCategory(by, wuhou, id, { ...input, nameZh: '停车', nameEn: 'Parking', acknowledgeMinutes: 45 });
    expect((await districtCategories(wuhou)).filter((c) => c.code === 'PARKING').map((c) => c.acknowledgeMinutes)).toEqual([45]);
    expect(await db.auditLog.count({ where: { action: 'issueCategory.save', actorId: admin.id } })).toBe(2);
  });

  test('a district’s own category is offered there only; a switched-off one is not offered and cannot be chosen', async () => {
    const { a, b, wuhou, shuangliu, admin, staff } = w;
    const by = await byUser(admin.id);
    const { id: lift } = await addDistrictCategory(by, wuhou, { ...input, code: 'LIFT' });
    const offered = await listCategories('zh-CN', [wuhou, shuangliu]);
    expect(offered[wuhou]!.map((o) => o.label)).toContain('电梯故障');
    expect(offered[shuangliu]!.map((o) => o.label)).not.toContain('电梯故障');
    // Staff of the other district cannot file under it.
    const dongsheng = await byUser(staff.dongshengStreet.id);
    expect(
      await refusal(
        raiseIssue(dongsheng, {
          categoryId: lift,
          title: '电梯坏了',
          description: '三号电梯不动了',
          compoundId: b.compound.id,
          anonymous: false,
          idempotencyKey: 'lift-other-district',
        }),
      ),
    ).toBe('issue.categoryUnknown');
    // Switched off: gone from the form, refused if posted anyway.
    await saveDistrictCategory(by, wuhou, lift, { ...input, active: false });
    expect((await listCategories('zh-CN', [wuhou]))[wuhou]!.map((o) => o.label)).not.toContain('电梯故障');
    const grid = await byUser(staff.gridWorker.id);
    expect(
      await refusal(
        raiseIssue(grid, {
          categoryId: lift,
          title: '电梯坏了',
          description: '三号电梯不动了',
          compoundId: a.compound.id,
          anonymous: false,
          idempotencyKey: 'lift-off',
        }),
      ),
    ).toBe('issue.categoryUnknown');
  });

  test('only a district admin of that district may configure it; bad input changes nothing', async () => {
    const { db, wuhou, shuangliu, admin, staff } = w;
    const parking = (await districtCategories(shuangliu)).find((c) => c.code === 'PARKING')!;
    const before = await db.issueCategory.count();
    expect(await refusal(saveDistrictCategory(await byUser(admin.id), shuangliu, parking.id, input))).toBe('auth.forbidden');
    expect(await refusal(saveDistrictCategory(await byUser(staff.jinyangStreet.id), wuhou, parking.id, input))).toBe('auth.forbidden');
    expect(await refusal(addDistrictCategory(await byUser(admin.id), wuhou, { ...input, code: 'PARKING' }))).toBe(
      'issue.categoryCodeTaken',
    );
    expect(await refusal(saveDistrictCategory(await byUser(admin.id), wuhou, 999_999, input))).toBe('issue.categoryUnknown');
    expect(await db.issueCategory.count()).toBe(before);
  });
});

describe('calendar days for a year the package does not cover', () => {
  test('2027 counts weekends only until the admin enters its holidays and make-up days; entries win', async () => {
    const { db, wuhou, shuangliu, admin } = w;
    const by = await byUser(admin.id, '武侯区管理员');
    // 2027-01-01 is a Friday: without an entry it is a working day.
    expect(isWorkingDay('2027-01-01', await calendarFor(wuhou))).toBe(true);
    const { id } = await addCalendarDay(by, wuhou, { date: '2027-01-01', kind: 'HOLIDAY', note: '元旦' });
    await addCalendarDay(by, wuhou, { date: '2027-01-09', kind: 'WORKDAY', note: '调休上班' }); // a Saturday
    const cal = await calendarFor(wuhou);
    expect([isWorkingDay('2027-01-01', cal), isWorkingDay('2027-01-09', cal)]).toEqual([false, true]);
    // Thursday 31 Dec 2026 + 1 working day: Monday 4 Jan 2027 (Fri holiday, weekend).
    expect(addWorkingDays('2026-12-31', 1, cal)).toBe('2027-01-04');
    // Another district is not affected.
    expect(isWorkingDay('2027-01-01', await calendarFor(shuangliu))).toBe(true);
    expect(await refusal(addCalendarDay(by, wuhou, { date: '2027-01-01', kind: 'WORKDAY', note: 'x' }))).toBe('calendar.dayTaken');
    expect(await refusal(addCalendarDay(by, shuangliu, { date: '2027-01-01', kind: 'HOLIDAY', note: 'x' }))).toBe('auth.forbidden');
    expect(await refusal(removeCalendarDay(by, shuangliu, id))).toBe('auth.forbidden');
    await removeCalendarDay(by, wuhou, id);
    expect(isWorkingDay('2027-01-01', await calendarFor(wuhou))).toBe(true);
    expect(await db.auditLog.count({ where: { action: { in: ['calendarDay.add', 'calendarDay.remove'] } } })).toBe(3);
  });
});
