import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TColumns, TRowError } from '@/domain/imports/table';
import { authorize } from '@/server/accounts/by';
import { readTable } from '@/server/imports/read-table';
import { importTable, previewTable, type TTableImport } from '@/server/imports/table-import';
import { templateFile } from '@/server/imports/template';
import { ancestryOf } from '@/server/places/ancestry';
import { createCompound } from '../../factories/territory';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

/**
 * The kit with a small import of its own (buildings of a compound: name and stairwell units), against a real database:
 * what every real import (party members, bodies, organisations, grids) inherits.
 */
const COLUMNS = {
  name: { names: ['楼栋', 'building'], required: true, example: '1栋' },
  units: { names: ['单元数', 'units'], example: '2' },
} as const satisfies TColumns;
type TRow = { name: string; unitCount: number };

const buildings: TTableImport<typeof COLUMNS, TRow> = {
  kind: 'grids',
  columns: COLUMNS,
  async place(by, compoundId) {
    const ancestry = await ancestryOf({ level: 'compound', id: compoundId });
    authorize(by, 'territory.manage', ancestry);
    return { id: compoundId, ancestry: ancestry!, communityId: ancestry!.community!, compoundId };
  },
  async check(_tx, _by, _place, records) {
    const rows: TRow[] = [];
    const errors: TRowError[] = [];
    for (const r of records) {
      const units = r.cells.units === '' ? 1 : Number(r.cells.units);
      if (!Number.isInteger(units) || units < 1) errors.push({ row: r.row, field: 'units', code: 'roster.required' });
      else rows.push({ name: r.cells.name, unitCount: units });
    }
    return { rows, errors };
  },
  async apply(tx, _by, place, rows) {
    const changes = { created: 0, updated: 0 };
    for (const r of rows) {
      const b = await tx.building.findUnique({ where: { compoundId_name: { compoundId: place.id, name: r.name } } });
      if (!b) {
        await tx.building.create({ data: { compoundId: place.id, name: r.name, unitCount: r.unitCount } });
        changes.created++;
      } else if (b.unitCount !== r.unitCount) {
        await tx.building.update({ where: { id: b.id }, data: { unitCount: r.unitCount } });
        changes.updated++;
      }
    }
    return changes;
  },
  audit: { action: 'roster.import', entityType: 'Compound' },
};

let w: Awaited<ReturnType<typeof world>>;
let compoundId = 0;
beforeAll(async () => {
  w = await world();
  compoundId = (await createCompound(w.db, { communityId: w.jinyang.id, name: '导入苑' })).id;
});
const csv = (...lines: string[]) => ({ name: 'b.csv', bytes: Buffer.from(lines.join('\n'), 'utf8') });
const count = () => w.db.building.count({ where: { compoundId } });

describe('the import kit', () => {
  test('a preview counts what the import would change and changes nothing; the import does it once, audited', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    const file = csv('单元数,楼栋', '2,1栋', ',2栋', '', '3,3栋');
    expect(await previewTable(buildings, by, compoundId, file)).toEqual({
      rows: 3,
      errors: [],
      missing: [],
      changes: { created: 3, updated: 0 },
    });
    expect(await count()).toBe(0);
    expect(await importTable(buildings, by, compoundId, file)).toEqual({ created: 3, updated: 0 });
    expect(await count()).toBe(3);
    const audit = await w.db.auditLog.findFirst({
      where: { action: 'roster.import', entityId: String(compoundId) },
      orderBy: { id: 'desc' },
    });
    expect(audit?.after).toEqual({ file: 'b.csv', rows: 3, created: 3, updated: 0 });
    // Re-import: nothing changes, and the preview says so.
    expect(await previewTable(buildings, by, compoundId, file)).toMatchObject({ changes: { created: 0, updated: 0 } });
    expect(await importTable(buildings, by, compoundId, file)).toEqual({ created: 0, updated: 0 });
    expect(await count()).toBe(3);
  });

  test('a row in error: the preview names it by row; the import refuses and changes nothing', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    const file = csv('楼栋,单元数', '1栋,5', '9栋,zero');
    expect(await previewTable(buildings, by, compoundId, file)).toEqual({
      rows: 2,
      errors: [{ row: 3, field: 'units', code: 'roster.required' }],
      missing: [],
      changes: null,
    });
    expect(await refusal(importTable(buildings, by, compoundId, file))).toBe('import.hasErrors');
    expect((await w.db.building.findFirst({ where: { compoundId, name: '1栋' } }))?.unitCount).toBe(2);
  });

  test('missing columns, no rows, an empty or unreadable file and a place outside one’s scope are refused', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    expect(await previewTable(buildings, by, compoundId, csv('单元数', '2'))).toMatchObject({ missing: ['name'], changes: null });
    expect(await refusal(importTable(buildings, by, compoundId, csv('单元数', '2')))).toBe('import.columnsMissing');
    expect(await refusal(importTable(buildings, by, compoundId, csv('楼栋,单元数', '', '')))).toBe('import.noRows');
    expect(await refusal(importTable(buildings, by, compoundId, { name: 'a.csv', bytes: Buffer.alloc(0) }))).toBe('import.fileEmpty');
    expect(await refusal(importTable(buildings, by, compoundId, { name: 'a.xlsx', bytes: Buffer.from('PK\u0003\u0004broken') }))).toBe(
      'import.fileUnreadable',
    );
    const other = await byUser(w.staff.dongshengStreet.id);
    expect(await refusal(importTable(buildings, other, compoundId, csv('楼栋', '7栋')))).toBe('auth.forbidden');
    expect(await count()).toBe(3);
  });

  test('two imports of one file at once: applied one after the other, each building once', async () => {
    const by = await byUser(w.staff.jinyangSecretary.id);
    const file = csv('楼栋,单元数', ...Array.from({ length: 30 }, (_, i) => `${10 + i}栋,1`));
    const [a, b] = await Promise.all([importTable(buildings, by, compoundId, file), importTable(buildings, by, compoundId, file)]);
    expect(a.created! + b.created!).toBe(30);
    expect([a.created, b.created].sort()).toEqual([0, 30]);
    expect(await count()).toBe(33);
  });

  test('the templates read back through the same reader: .xlsx with text cells, .csv with a BOM for Excel', async () => {
    const xlsx = await templateFile(COLUMNS, 'zh-CN', 'xlsx');
    expect(await readTable('t.xlsx', xlsx, 'table')).toEqual({ header: ['楼栋', '单元数'], data: [['1栋', '2']] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getColumn(2).numFmt).toBe('@');
    const csvFile = await templateFile(COLUMNS, 'en', 'csv');
    expect([...csvFile.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await readTable('t.csv', csvFile, 'table')).toMatchObject({ header: ['building', 'units'] });
  });

  test('a date Excel keeps as a date reads as that calendar day', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('s');
    sheet.addRow(['入党日期']);
    sheet.addRow([new Date(Date.UTC(2001, 6, 1))]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await readTable('d.xlsx', bytes, 'table')).toEqual({ header: ['入党日期'], data: [['2001-07-01']] });
  });
});
