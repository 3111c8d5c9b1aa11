import { beforeAll, describe, expect, test } from 'vitest';
import { gridImport } from '@/server/grids/import';
import { importTable, previewTable } from '@/server/imports/table-import';
import { templateFile } from '@/server/imports/template';
import { readTable } from '@/server/imports/read-table';
import { byUser } from '../accounts/support';
import { refusal } from '../refusal';
import { gridWorld } from './support';

let w: Awaited<ReturnType<typeof gridWorld>>;
beforeAll(async () => {
  w = await gridWorld();
});
const csv = (...lines: string[]) => ({ name: 'grids.csv', bytes: Buffer.from(lines.join('\n'), 'utf8') });
const gridOf = async (id: number) => {
  const b = await w.db.building.findUniqueOrThrow({
    where: { id },
    select: { grid: { select: { name: true, parent: { select: { name: true } } } } },
  });
  return b.grid ? [b.grid.parent?.name ?? null, b.grid.name] : null;
};

describe('grid import (issue 18 item 6)', () => {
  test('errors by row and nothing changed; then grids, micro-grids and buildings in one go, and again changes nothing', async () => {
    const { community, users } = w;
    const bad = csv(
      '社区,网格,微网格,小区,楼栋',
      '别的社区,第六网格,,网格小区,4栋',
      '晋阳社区,第六网格,,无此小区,1栋',
      ',第六网格,,网格小区,9栋',
      ',第一网格,,网格小区,2栋', // grid A is divided: a building goes to one of its micro-grids
    );
    const preview = await previewTable(gridImport, w.by, community.id, bad);
    expect(preview.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'community', 'grid.importCommunity'],
      [3, 'compound', 'grid.importCompoundUnknown'],
      [4, 'building', 'grid.importBuildingUnknown'],
      [5, 'microGrid', 'grid.notLeaf'],
    ]);
    expect(await refusal(importTable(gridImport, w.by, community.id, bad))).toBe('import.hasErrors');
    expect(await w.db.grid.count({ where: { name: '第六网格' } })).toBe(0);

    // Building 3 leaves grid B, which is divided; building 4 goes to a new grid's micro-grid; building 1 stays where it is.
    const good = csv(
      '楼栋,小区,网格,微网格',
      '4栋,网格小区,第六网格,第六网格1号',
      '3栋,网格小区,第二网格,第二网格东',
      '1栋,网格小区,第一网格,第一网格1号微网格',
    );
    expect((await previewTable(gridImport, w.by, community.id, good)).changes).toEqual({ grids: 1, microGrids: 2, buildings: 2 });
    expect(await gridOf(w.buildings.b4.id)).toBeNull();
    expect(await importTable(gridImport, w.by, community.id, good)).toEqual({ grids: 1, microGrids: 2, buildings: 2 });
    expect(await gridOf(w.buildings.b4.id)).toEqual(['第六网格', '第六网格1号']);
    expect(await gridOf(w.buildings.b3.id)).toEqual(['第二网格', '第二网格东']);
    expect(await gridOf(w.buildings.b1.id)).toEqual(['第一网格', '第一网格1号微网格']);
    expect(await importTable(gridImport, w.by, community.id, good)).toEqual({ grids: 0, microGrids: 0, buildings: 0 });
    expect(await w.db.auditLog.count({ where: { action: 'grid.import', entityId: String(community.id) } })).toBe(2);

    // A grid worker may not import grids.
    expect(await refusal(previewTable(gridImport, await byUser(users.workerA.id), community.id, good))).toBe('auth.forbidden');
  });

  test('two imports of one file at once: the grids exist once', async () => {
    const file = csv('网格,微网格,小区,楼栋', '第七网格,第七网格1号,网格小区,4栋');
    const results = await Promise.all([1, 2].map(() => refusal(importTable(gridImport, w.by, w.community.id, file))));
    expect(results).toEqual(['no refusal', 'no refusal']);
    expect(await w.db.grid.count({ where: { name: { in: ['第七网格', '第七网格1号'] } } })).toBe(2);
    expect(await gridOf(w.buildings.b4.id)).toEqual(['第七网格', '第七网格1号']);
  });

  test('the template names the columns in Chinese and reads back', async () => {
    const t = await templateFile(gridImport.columns, 'zh-CN', 'csv');
    const { header } = await readTable('t.csv', t, 'table');
    expect(header).toEqual(['社区', '网格', '微网格', '小区', '楼栋']);
  });
});
