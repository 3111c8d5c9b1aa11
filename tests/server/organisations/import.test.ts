import { beforeAll, describe, expect, test } from 'vitest';
import { templateRows } from '@/domain/imports/table';
import { importTable, previewTable } from '@/server/imports/table-import';
import { organisationsImport } from '@/server/organisations/import';
import { byUser } from '../accounts/support';
import { refusal } from '../refusal';
import { assignOrganization, createOrganization } from '../../factories/organisation';
import { orgWorld } from './support';

let w: Awaited<ReturnType<typeof orgWorld>>;
beforeAll(async () => {
  w = await orgWorld();
});
const csv = (...lines: string[]) => ({ name: 'orgs.csv', bytes: Buffer.from(lines.join('\n'), 'utf8') });
const HEADER = '类型,名称,统一社会信用代码,联系电话,有党组织,服务的小区,关系,开始日期';
const counts = async () => ({
  orgs: await w.db.organization.count({ where: { districtId: w.shuangliu } }),
  assignments: await w.db.organizationAssignment.count({ where: { communityId: w.tanghu.id } }),
});

describe('organisations imported from a spreadsheet (issue 18 item 6)', () => {
  test('errors name their row and column; nothing is written while any row is wrong', async () => {
    const by = await byUser(w.staff.dongshengStreet.id);
    const file = csv(
      HEADER,
      '学校,棠湖中学,,,否,,,',
      '驻区单位,棠湖派出所,91350100M000100Y44,028-8555,也许,,,2026-02-30',
      '物业服务企业,欧城物业,,,是,,,2026-01-01',
      '社会组织,邻里社工,,,否,不存在的小区,服务,',
    );
    const preview = await previewTable(organisationsImport, by, w.tanghu.id, file);
    expect(preview.errors).toEqual([
      { row: 2, field: 'kind', code: 'organization.importKind' },
      { row: 3, field: 'creditCode', code: 'organization.creditCodeCheck' },
      { row: 3, field: 'phone', code: 'organization.phoneInvalid' },
      { row: 3, field: 'partyOrg', code: 'organization.importYesNo' },
      { row: 3, field: 'startsOn', code: 'organization.datesInvalid' },
      { row: 4, field: 'place', code: 'organization.needsCompound' },
      { row: 5, field: 'place', code: 'organization.importPlaceUnknown', values: { name: '不存在的小区' } },
    ]);
    const before = await counts();
    expect(await refusal(importTable(organisationsImport, by, w.tanghu.id, file))).toBe('import.hasErrors');
    expect(await counts()).toEqual(before);
  });

  test('a preview counts and changes nothing; the import registers and assigns once; importing again changes nothing', async () => {
    const by = await byUser(w.staff.dongshengStreet.id);
    const file = csv(
      HEADER,
      `物业服务企业,欧城物业服务公司,91350100M000100Y43,028-85551234,是,${w.b.compound.name},物业服务,2026-01-01`,
      '驻区单位,棠湖卫生服务站,,,是,,,2026-03-01',
      '社会组织,棠湖邻里社工,,13800001234,否,,,',
      '居民自组织,欧城合唱队,,,否,' + w.b.compound.name + ',,',
    );
    const before = await counts();
    const preview = await previewTable(organisationsImport, by, w.tanghu.id, file);
    expect(preview).toMatchObject({ rows: 4, errors: [], changes: { created: 4, updated: 0, assigned: 4 } });
    expect(await counts()).toEqual(before);
    expect(await importTable(organisationsImport, by, w.tanghu.id, file)).toEqual({ created: 4, updated: 0, assigned: 4 });
    expect(await counts()).toEqual({ orgs: before.orgs + 4, assignments: before.assignments + 4 });
    const firm = await w.db.organization.findUniqueOrThrow({ where: { creditCode: '91350100M000100Y43' }, include: { assignments: true } });
    expect([firm.kind, firm.phone, firm.hasPartyOrg, firm.assignments[0]!.compoundId]).toEqual([
      'PROPERTY_FIRM',
      '028-85551234',
      true,
      w.b.compound.id,
    ]);
    expect(await w.db.auditLog.count({ where: { action: 'organization.import', entityId: String(w.tanghu.id) } })).toBe(1);
    expect(await importTable(organisationsImport, by, w.tanghu.id, file)).toEqual({ created: 0, updated: 0, assigned: 0 });
    // A corrected phone updates the organisation, and nothing else.
    const fixed = csv(HEADER, '社会组织,棠湖邻里社工,,13800005678,否,,,');
    expect(await importTable(organisationsImport, by, w.tanghu.id, fixed)).toEqual({ created: 0, updated: 1, assigned: 0 });
    // Another property firm for the same compound is refused by row.
    const rival = csv(HEADER, `物业,另一家物业,,,否,${w.b.compound.name},,2026-06-01`);
    expect((await previewTable(organisationsImport, by, w.tanghu.id, rival)).errors).toEqual([
      { row: 2, field: 'place', code: 'organization.compoundHasFirm' },
    ]);
  });

  test('the same file imported twice at once: each organisation once', async () => {
    const by = await byUser(w.staff.dongshengStreet.id);
    const file = csv(HEADER, '社会企业,东升邻里食堂,,,否,,,', '辖区企业,棠湖超市,,,否,,服务,');
    const before = await counts();
    const results = await Promise.all([1, 2].map(() => importTable(organisationsImport, by, w.tanghu.id, file)));
    expect(results.map((r) => r.created).sort()).toEqual([0, 2]);
    expect(await counts()).toEqual({ orgs: before.orgs + 2, assignments: before.assignments + 2 });
  });

  test('only where one keeps organisations; the template has every column and an example that imports', async () => {
    expect(await refusal(importTable(organisationsImport, await byUser(w.staff.jinyangStreet.id), w.tanghu.id, csv(HEADER)))).toBe(
      'auth.forbidden',
    );
    const [header, example] = templateRows(organisationsImport.columns, 'zh-CN');
    expect(header!.join(',')).toBe(HEADER);
    expect(example).toHaveLength(8);
  });
});

describe('review: an import does not change an organisation another community relies on', () => {
  test('a row renaming a unit at work elsewhere is an error of that row; the same row as registered assigns it here too', async () => {
    const [other] = await w.db.community.findMany({
      where: { street: { districtId: w.shuangliu }, id: { not: w.tanghu.id } },
      orderBy: { id: 'asc' },
      take: 1,
    });
    const unit = await createOrganization(w.db, {
      kind: 'CO_BUILDING_UNIT',
      name: '双流区图书馆',
      creditCode: '12510100MB0000001U',
      districtId: w.shuangliu,
    });
    await assignOrganization(w.db, { organizationId: unit.id, relation: 'CO_BUILDING', communityId: other!.id, startsOn: '2025-01-01' });
    const by = await byUser(w.tanghuStaff.id);
    const renamed = csv(HEADER, '共建单位,棠湖图书馆,12510100MB0000001U,,否,,,2026-01-01');
    expect((await previewTable(organisationsImport, by, w.tanghu.id, renamed)).errors).toEqual([
      { row: 2, field: 'name', code: 'organization.notKeeper' },
    ]);
    expect(await refusal(importTable(organisationsImport, by, w.tanghu.id, renamed))).toBe('import.hasErrors');
    expect((await w.db.organization.findUniqueOrThrow({ where: { id: unit.id } })).name).toBe('双流区图书馆');
    const asRegistered = csv(HEADER, '共建单位,双流区图书馆,12510100MB0000001U,,否,,,2026-01-01');
    expect(await importTable(organisationsImport, by, w.tanghu.id, asRegistered)).toEqual({ created: 0, updated: 0, assigned: 1 });
  });
});
