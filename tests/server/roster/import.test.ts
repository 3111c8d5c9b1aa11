import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { refusal } from '../refusal';
import { importRoster, previewRoster } from '@/server/roster/import-roster';
import { loadActor } from '@/server/auth/actor';
import { createVerifiedResident } from '../../factories/accounts';
import { createCompound } from '../../factories/territory';
import { byUser, world } from '../accounts/support';

let w: Awaited<ReturnType<typeof world>>;
let compoundId = 0;
beforeAll(async () => {
  w = await world();
  compoundId = (await createCompound(w.db, { communityId: w.jinyang.id, name: '新苑小区' })).id;
});

const GOOD = [
  '楼栋,单元,房号,面积,业主姓名,手机号,产权份额',
  '1栋,1,101,89.50,张三,13811110001,100',
  '1栋,1,102,102.75,张三,13811110001,100', // one owner, two units
  '1栋,2,101,120.3,李四,13811110002,50', // co-owners
  '1栋,2,101,120.3,李四妻,13811110003,50',
  '2栋,1,101,95,开发商,,', // the developer's unsold unit
  '2栋,1,102,95,未售,,',
  '2栋,1,201,95,王五,,100', // owner with no phone
].join('\n');
const file = (text: string, name = 'roster.csv') => ({ name, bytes: Buffer.from(text, 'utf8') });

describe('household roster import', () => {
  test('a file with errors: every error by row number, and nothing changes', async () => {
    const bad = [
      '楼栋,单元,房号,面积,业主姓名,手机号',
      '1栋,1,101,89.50,张三,13811110001',
      ',1,102,abc,李四,1381111', // row 3: building missing, bad area, bad phone
      '1栋,1,101,89.50,张三,13811110001', // row 4: same unit, same owner
      '',
      '1栋,1,103,89.505,,13811110009', // row 6: too precise, no owner
      '1栋,1,101,90.00,赵六,13811110010', // row 7: co-owner but another area
    ].join('\n');
    const by = await byUser(w.staff.jinyangSecretary.id);
    const before = await w.db.household.count();
    const preview = await previewRoster(by, compoundId, file(bad));
    expect(preview.errors).toEqual([
      { row: 3, field: 'building', code: 'roster.required' },
      { row: 3, field: 'area', code: 'area.invalid' },
      { row: 3, field: 'phone', code: 'roster.phoneInvalid' },
      { row: 4, field: 'row', code: 'roster.duplicateUnit' },
      { row: 6, field: 'area', code: 'area.tooPrecise' },
      { row: 6, field: 'ownerName', code: 'roster.required' },
      { row: 7, field: 'area', code: 'roster.areaDiffers' },
    ]);
    expect(await refusal(importRoster(by, compoundId, file(bad)))).toBe('import.hasErrors');
    expect(await w.db.household.count()).toBe(before);
  });

  test('co-owners whose shares do not make 100 % and a negative area are named, and nothing is imported', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    const text = [
      '楼栋,单元,房号,面积,业主姓名,手机号,产权份额',
      '8栋,1,101,90,甲,,60',
      '8栋,1,101,90,乙,,30',
      '8栋,1,102,-90,丙,,100',
    ].join('\n');
    const before = await w.db.household.count();
    expect((await previewRoster(by, compoundId, file(text))).errors).toEqual([
      { row: 2, field: 'share', code: 'roster.sharesIncomplete', values: { total: '90' } },
      { row: 4, field: 'area', code: 'area.negative' },
    ]);
    expect(await refusal(importRoster(by, compoundId, file(text)))).toBe('import.hasErrors');
    expect(await w.db.household.count()).toBe(before);
  });

  test('missing columns are named', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    expect((await previewRoster(by, compoundId, file('楼栋,房号\n1栋,101'))).missing).toEqual(['area', 'ownerName']);
  });

  test('preview says what will change and changes nothing; import applies it; the same file again changes nothing', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    const preview = await previewRoster(by, compoundId, file(GOOD));
    expect(preview.errors).toEqual([]);
    expect(preview.multiUnitOwners).toEqual([{ phone: '13811110001', name: '张三', units: 2 }]);
    expect(preview.developerUnits).toBe(2);
    const expected = {
      buildingsCreated: 2,
      householdsCreated: 6,
      householdsUpdated: 0,
      peopleCreated: 4,
      ownershipsCreated: 5,
      ownershipsRemoved: 0,
      ownershipsUpdated: 0,
    };
    expect(preview.changes).toEqual(expected);
    expect(await w.db.building.count({ where: { compoundId } })).toBe(0);

    expect(await importRoster(by, compoundId, file(GOOD))).toEqual(expected);
    const units = await w.db.household.findMany({
      where: { building: { compoundId } },
      include: { ownerships: { include: { person: true } } },
      orderBy: { id: 'asc' },
    });
    expect(units.map((u) => u.areaCentiM2)).toEqual([8950, 10275, 12030, 9500, 9500, 9500]);
    expect(units.filter((u) => u.developerHeld)).toHaveLength(2);
    expect(units[2]!.ownerships.map((o) => o.shareBp)).toEqual([5000, 5000]);
    expect(new Set(units.slice(0, 2).flatMap((u) => u.ownerships.map((o) => o.personId))).size).toBe(1);

    const zero = {
      buildingsCreated: 0,
      householdsCreated: 0,
      householdsUpdated: 0,
      peopleCreated: 0,
      ownershipsCreated: 0,
      ownershipsRemoved: 0,
      ownershipsUpdated: 0,
    };
    expect(await importRoster(by, compoundId, file(GOOD))).toEqual(zero);
    expect(await w.db.auditLog.count({ where: { action: 'roster.import', entityId: String(compoundId) } })).toBe(2);

    // A correction: an area and a sale (the developer's unit now has an owner).
    const fixed = GOOD.replace('1栋,1,101,89.50', '1栋,1,101,89.60').replace('2栋,1,102,95,未售,,', '2栋,1,102,95,赵七,13811110007,100');
    expect(await importRoster(by, compoundId, file(fixed))).toEqual({
      ...zero,
      householdsUpdated: 2,
      peopleCreated: 1,
      ownershipsCreated: 1,
    });
  });

  test('an Excel file and a GBK-encoded CSV read the same', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('花名册');
    // Areas as real numbers in the data rows, as Excel stores them.
    GOOD.split('\n').forEach((line, n) => sheet.addRow(line.split(',').map((c, i) => (n > 0 && i === 3 ? Number(c) : c))));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const by = await byUser(w.staff.jinyangSecretary.id);
    const fromXlsx = await previewRoster(by, compoundId, { name: 'whatever.bin', bytes: xlsx });
    const fromCsv = await previewRoster(by, compoundId, file(GOOD));
    expect({ missing: fromXlsx.missing, errors: fromXlsx.errors }).toEqual({ missing: [], errors: [] });
    expect(fromXlsx.rows).toEqual(fromCsv.rows);

    // "楼栋,房号,面积,业主姓名\n1,101,50,x" as Excel in China saves a CSV: GBK.
    const gbkFile = { name: 'r.csv', bytes: Buffer.from('c2a5b6b02cb7bfbac52cc3e6bbfd2cd2b5d6f7d0d5c3fb0a312c3130312c35302c78', 'hex') };
    const fromGbk = await previewRoster(by, compoundId, gbkFile);
    expect([fromGbk.missing, fromGbk.rows.map((r) => [r.building, r.roomNo, r.areaCentiM2])]).toEqual([[], [['1', '101', 5000]]]);
  });

  test('staff of another street, and a resident, cannot import here', async () => {
    expect(await refusal(previewRoster(await byUser(w.staff.dongshengStreet.id), compoundId, file(GOOD)))).toBe('auth.forbidden');
    expect(await refusal(importRoster(await byUser(w.staff.gridWorker.id), compoundId, file(GOOD)))).toBe('auth.forbidden');
  });

  test('files that are not rosters are refused with a reason', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    expect(await refusal(previewRoster(by, compoundId, { name: 'a.csv', bytes: Buffer.alloc(0) }))).toBe('import.fileEmpty');
    expect(await refusal(previewRoster(by, compoundId, { name: 'a.xlsx', bytes: Buffer.from('PK\u0003\u0004garbage') }))).toBe(
      'import.fileUnreadable',
    );
  });
});

describe('owner: one source of truth', () => {
  test('a re-import that removes an ownership removes the owner role too, and every removal is audited', async () => {
    const { db } = w;
    const by = await byUser(w.staff.jinyangSecretary.id);
    const oldId = (await createCompound(db, { communityId: w.jinyang.id, name: '旧苑小区' })).id;
    const roster = [
      '楼栋,单元,房号,面积,业主姓名,手机号,产权份额',
      '1栋,1,101,89.50,孙一,13811120001,100',
      '1栋,1,102,90,周二,13811120002,100',
    ].join('\n');
    await importRoster(by, oldId, file(roster));
    const unit = await db.household.findFirstOrThrow({
      where: { building: { compoundId: oldId }, roomNo: '101' },
      include: { ownerships: true },
    });
    const sun = unit.ownerships[0]!;
    const user = await createVerifiedResident(db, {
      personId: sun.personId,
      phone: '13811120001',
      password: 'x-pass-1234',
      householdId: unit.id,
    });
    const owner = (g: { role: string }[]) => g.filter((x) => x.role === 'OWNER');
    expect(owner((await loadActor(user.id)).grants)).toHaveLength(1);

    // The unit was sold: the new roster names another owner.
    const sold = roster.replace('孙一,13811120001', '吴三,13811120003');
    expect((await importRoster(by, oldId, file(sold))).ownershipsRemoved).toBe(1);
    expect(owner((await loadActor(user.id)).grants)).toEqual([]);
    const audit = await db.auditLog.findMany({ where: { action: 'ownership.remove', entityType: 'Ownership', entityId: String(sun.id) } });
    expect(audit.map((a) => a.before)).toEqual([{ householdId: unit.id, personId: sun.personId, shareBp: sun.shareBp }]);
  });
});
