import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { importTable, previewTable } from '@/server/imports/table-import';
import { templateFile } from '@/server/imports/template';
import { bodiesImport } from '@/server/territory-admin/bodies-import';
import { appointMember } from '@/server/territory-admin/bodies';
import { createCompound } from '../../factories/territory';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
  await createCompound(w.db, { communityId: w.jinyang.id, name: '锦苑' });
});
const HEADER = '机构类别,机构名称,小区,席位数,任期开始,任期结束,成员姓名,手机号,职务,任职日期';
const csv = (...lines: string[]) => ({ name: 'bodies.csv', bytes: Buffer.from([HEADER, ...lines].join('\n'), 'utf8') });
const bodyNamed = (name: string) =>
  w.db.body.findFirst({ where: { name }, include: { members: { include: { person: true }, orderBy: { id: 'asc' } } } });

describe('the bodies and members import', () => {
  test('a preview counts, changes nothing; the import creates bodies at their level with members; re-import changes nothing', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    const file = csv(
      '业委会,锦苑业委会,锦苑,3,2026-01-01,2030-12-31,张主任,13800138001,主任,',
      '业委会,锦苑业委会,锦苑,3,2026-01-01,2030-12-31,李委员,,委员,2026-02-01',
      '人民调解委员会,晋阳社区人民调解委员会,,,2026-01-01,,,,,',
    );
    const preview = await previewTable(bodiesImport, by, w.jinyang.id, file);
    expect(preview).toEqual({ rows: 3, errors: [], missing: [], changes: { bodiesCreated: 2, bodiesUpdated: 0, membersAppointed: 2 } });
    expect(await bodyNamed('锦苑业委会')).toBeNull();

    expect(await importTable(bodiesImport, by, w.jinyang.id, file)).toEqual({ bodiesCreated: 2, bodiesUpdated: 0, membersAppointed: 2 });
    const oc = await bodyNamed('锦苑业委会');
    expect([oc?.kind, oc?.seats, oc?.compoundId !== null]).toEqual(['OWNERS_COMMITTEE', 3, true]);
    expect(oc?.members.map((m) => [m.person.name, m.person.phone, m.position])).toEqual([
      ['张主任', '13800138001', 'CHAIR'],
      ['李委员', null, 'MEMBER'],
    ]);
    expect(await bodyNamed('晋阳社区人民调解委员会')).toMatchObject({
      kind: 'MEDIATION_COMMITTEE',
      compoundId: null,
      communityId: w.jinyang.id,
    });
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: 'bodies.import' }, orderBy: { id: 'desc' } });
    expect([audit.actorId, audit.communityId, audit.after]).toEqual([
      w.staff.jinyangSecretary.id,
      w.jinyang.id,
      { file: 'bodies.csv', rows: 3, bodiesCreated: 2, bodiesUpdated: 0, membersAppointed: 2 },
    ]);

    expect(await importTable(bodiesImport, by, w.jinyang.id, file)).toEqual({ bodiesCreated: 0, bodiesUpdated: 0, membersAppointed: 0 });
    expect((await bodyNamed('锦苑业委会'))?.members).toHaveLength(2);
  });

  test('seats hold as they do by hand: the file’s members and those already sitting together; errors by row, nothing written', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    const oc = (await bodyNamed('锦苑业委会'))!;
    await appointMember(by, { bodyId: oc.id, name: '王委员', position: 'MEMBER', startsOn: '2026-03-01' });
    const file = csv(
      '业委会,锦苑业委会,锦苑,3,2026-01-01,2030-12-31,张主任,13800138001,主任,',
      '业委会,锦苑业委会,锦苑,3,2026-01-01,2030-12-31,赵委员,13800138002,委员,2026-04-01',
      '业委会,北苑业委会,北苑,5,2026-01-01,,钱委员,,,',
      '社区议事会,锦苑业委会,锦苑,3,2026-01-01,,,,,',
    );
    const preview = await previewTable(bodiesImport, by, w.jinyang.id, file);
    expect(preview.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [5, 'compound', 'body.communityOnly'],
      [3, 'name', 'body.seatsFull'],
      [4, 'compound', 'bodyImport.compoundUnknown'],
    ]);
    expect(preview.changes).toBeNull();
    expect(await refusal(importTable(bodiesImport, by, w.jinyang.id, file))).toBe('import.hasErrors');
    expect((await bodyNamed('锦苑业委会'))?.members).toHaveLength(3);
  });

  test("the community's 居务监督委员会 is imported by the street, not by the staff it oversees", async () => {
    const file = csv('居务监督委员会,晋阳社区居务监督委员会,,3,2026-01-01,,王监委,13800138009,主任,');
    const mine = await previewTable(bodiesImport, await byUser(w.staff.jinyangSecretary.id), w.jinyang.id, file);
    expect(mine.errors.map((e) => [e.row, e.field, e.code])).toEqual([[2, 'kind', 'bodyImport.overseesKeepers']]);
    expect(await importTable(bodiesImport, await byUser(w.staff.jinyangStreet.id), w.jinyang.id, file)).toMatchObject({ bodiesCreated: 1 });
    expect((await bodyNamed('晋阳社区居务监督委员会'))?.members.map((m) => m.person.name)).toEqual(['王监委']);
  });

  test('only where one manages bodies: another street’s staff are refused', async () => {
    const other = await byUser(w.staff.dongshengStreet.id);
    expect(await refusal(importTable(bodiesImport, other, w.jinyang.id, csv('社区议事会,冒名议事会,,,2026-01-01')))).toBe('auth.forbidden');
    expect(await bodyNamed('冒名议事会')).toBeNull();
  });

  test('two imports of one file at once: each body and each member once', async () => {
    const by = await byUser(w.staff.jinyangStreet.id);
    const file = csv(
      ...Array.from(
        { length: 12 },
        (_, i) => `社区议事会,晋阳社区议事会二届,,12,2026-01-01,,议事员${i},138001381${String(i).padStart(2, '0')},,`,
      ),
    );
    const results = await Promise.all([1, 2].map(() => importTable(bodiesImport, by, w.jinyang.id, file)));
    expect(results.map((r) => r.membersAppointed).sort()).toEqual([0, 12]);
    expect(await w.db.body.count({ where: { name: '晋阳社区议事会二届' } })).toBe(1);
    expect((await bodyNamed('晋阳社区议事会二届'))?.members).toHaveLength(12);
  });

  test('the template names every column, in Chinese and English', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await templateFile(bodiesImport.columns, 'zh-CN', 'xlsx')) as unknown as ArrayBuffer);
    const header = (book.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(['机构类别', '机构名称', '小区', '席位数', '任期开始', '任期结束', '成员姓名', '手机号', '职务', '任职日期']);
  });
});
