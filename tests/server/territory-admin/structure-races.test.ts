import { beforeAll, describe, expect, test } from 'vitest';
import { listAudit } from '@/server/accounts/read-audit';
import { appointMember, createBody, endMembership } from '@/server/territory-admin/bodies';
import { createBuilding, createCompound, saveHousehold, updateCompound } from '@/server/territory-admin/compounds';
import { createStreet } from '@/server/territory-admin/divisions';
import { createStaff } from '../../factories/accounts';
import { byUser, TODAY, world } from '../accounts/support';
import { refusal } from '../refusal';

// Issue 18 item 8 for the structure that existed before: every change audited once, scoped, and two requests at once
// give one change and a refusal the user can read (not a database error).
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});
const settings = { parkingCountsInArea: false, silentFollowMajority: false };
const twice = <T>(run: () => Promise<T>) => Promise.all([run(), run()].map((p) => refusal(p)));

describe('structure changes two at once', () => {
  test('two new compounds of one name: one compound, the other told the name is taken', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    expect((await twice(() => createCompound(by, w.jinyang.id, { name: '并发苑', ...settings }))).sort()).toEqual([
      'no refusal',
      'place.nameTaken',
    ]);
    expect(await w.db.compound.count({ where: { name: '并发苑' } })).toBe(1);
    expect(await w.db.auditLog.count({ where: { action: 'compound.create', after: { path: ['name'], equals: '并发苑' } } })).toBe(1);
  });

  test('two renames onto one name, two new buildings of one name: one each, the other told', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    const [a, b] = [
      await createCompound(by, w.jinyang.id, { name: '甲苑', ...settings }),
      await createCompound(by, w.jinyang.id, { name: '乙苑', ...settings }),
    ];
    const renames = await Promise.all([a, b].map((c) => refusal(updateCompound(by, c.id, { name: '丙苑', ...settings }))));
    expect(renames.sort()).toEqual(['no refusal', 'place.nameTaken']);
    expect((await twice(() => createBuilding(by, a.id, { name: '1栋', unitCount: 1 }))).sort()).toEqual(['no refusal', 'place.nameTaken']);
    expect(await w.db.building.count({ where: { compoundId: a.id } })).toBe(1);
  });

  test('one new unit saved twice at once: one unit, one "created" in the audit and one "updated"', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    const c = await createCompound(by, w.jinyang.id, { name: '户苑', ...settings });
    const b = await createBuilding(by, c.id, { name: '1栋', unitCount: 1 });
    const unit = { buildingId: b.id, unitNo: '1', roomNo: '101', areaCentiM2: 8950, use: 'RESIDENTIAL' as const, developerHeld: false };
    expect(await twice(() => saveHousehold(by, unit))).toEqual(['no refusal', 'no refusal']);
    const h = await w.db.household.findFirstOrThrow({ where: { buildingId: b.id } });
    const actions = (await w.db.auditLog.findMany({ where: { entityType: 'Household', entityId: String(h.id) } })).map((a) => a.action);
    expect(actions.sort()).toEqual(['household.create', 'household.update']);
  });

  test('one term ended twice at once: ended once, audited once, the other told it has ended', async () => {
    const by = await byUser(w.staff.jinyangStreet.id);
    const body = await createBody(by, {
      kind: 'COMMUNITY_COUNCIL',
      name: '并发议事会',
      communityId: w.jinyang.id,
      termStartsOn: '2026-01-01',
    });
    const m = await appointMember(by, { bodyId: body.id, name: '周委员', position: 'MEMBER', startsOn: '2026-01-01' });
    expect((await twice(() => endMembership(by, { memberId: m.id, endsOn: TODAY }))).sort()).toEqual(['body.alreadyEnded', 'no refusal']);
    expect(await w.db.auditLog.count({ where: { action: 'body.endMembership', entityId: String(m.id) } })).toBe(1);
  });
});

describe('audited where its readers look', () => {
  test('a district administrator reads the audit of the streets they set up', async () => {
    const wuhou = await w.db.district.findUniqueOrThrow({ where: { code: '510107' } });
    const admin = await createStaff(w.db, {
      name: '武侯区管理员',
      phone: '13900009010',
      password: 'staff-pass-1',
      role: 'DISTRICT_ADMIN',
      placeLevel: 'DISTRICT',
      placeId: wuhou.id,
    });
    const by = await byUser(admin.id);
    const s = await createStreet(by, { districtId: wuhou.id, name: '审计街道' });
    expect((await listAudit(by)).map((a) => [a.action, a.entityId])).toContainEqual(['street.create', String(s.id)]);
    // … and street staff elsewhere do not
    expect((await listAudit(await byUser(w.staff.dongshengStreet.id))).map((a) => a.entityId)).not.toContain(String(s.id));
  });
});
