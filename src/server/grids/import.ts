import 'server-only';
import type { TColumns, TRowError } from '@/domain/imports/table';
import type { TBy } from '@/server/accounts/by';
import { getDb, type TTx } from '@/server/db';
import type { TTableImport } from '@/server/imports/table-import';
import { assignBuildingsIn, authorizeGrids, createGridIn } from './grids';

/** One row per building: where it is (community, compound, building) and the grid and micro-grid it belongs to. */
export const GRID_COLUMNS = {
  community: { names: ['社区', 'community'], example: '晋阳社区' },
  grid: { names: ['网格', 'grid'], required: true, example: '第一网格' },
  microGrid: { names: ['微网格', 'micro-grid', 'micro grid', 'microgrid'], example: '第一网格1号微网格' },
  compound: { names: ['小区', 'compound'], required: true, example: '北苑小区' },
  building: { names: ['楼栋', 'building'], required: true, example: '1栋' },
} as const satisfies TColumns;

type TRow = { row: number; grid: string; microGrid: string | null; buildingId: number; was: number | null };
type TGrid = { id: number; name: string; parentId: number | null };

/**
 * Grids, micro-grids and building assignments of a community from a spreadsheet (issue 18 items 3 and 6), through the
 * grid use cases (createGridIn, assignBuildingsIn: the same rules, authorization and audit). Missing grids and micro-grids
 * are created; a building listed is moved to the row's micro-grid (or grid when the row names none). Buildings not listed
 * stay where they are. Importing the file again changes nothing.
 */
export const gridImport: TTableImport<typeof GRID_COLUMNS, TRow> = {
  kind: 'grids',
  columns: GRID_COLUMNS,
  async place(by, communityId) {
    const ancestry = await getDb().$transaction((tx) => authorizeGrids(tx, by, communityId));
    return { id: communityId, ancestry, communityId, compoundId: null };
  },
  async check(tx, _by, place, records) {
    const community = await tx.community.findUniqueOrThrow({ where: { id: place.id }, select: { name: true } });
    const grids = await tx.grid.findMany({ where: { communityId: place.id }, select: { id: true, name: true, parentId: true } });
    const byName = new Map(grids.map((g) => [g.name, g]));
    const buildings = await tx.building.findMany({
      where: { compound: { communityId: place.id } },
      select: { id: true, name: true, gridId: true, compound: { select: { name: true } } },
    });
    const buildingAt = new Map(buildings.map((b) => [`${b.compound.name}\u0000${b.name}`, b]));
    const compounds = new Set(buildings.map((b) => b.compound.name));
    const rows: TRow[] = [];
    const errors: TRowError[] = [];
    const seen = new Map<number, number>();
    // How the file uses each grid name: divided into micro-grids, or holding buildings itself.
    const divided = new Set<string>();
    const microParent = new Map<string, string>();
    for (const r of records) {
      const err = (field: string, code: string, values?: Record<string, string>) => errors.push({ row: r.row, field, code, values });
      const c = r.cells;
      if (c.community && c.community !== community.name) err('community', 'grid.importCommunity', { community: c.community });
      if (!compounds.has(c.compound)) {
        err('compound', 'grid.importCompoundUnknown', { compound: c.compound });
        continue;
      }
      const b = buildingAt.get(`${c.compound}\u0000${c.building}`);
      if (!b) {
        err('building', 'grid.importBuildingUnknown', { compound: c.compound, building: c.building });
        continue;
      }
      if (seen.has(b.id)) err('building', 'grid.importBuildingTwice', { row: String(seen.get(b.id)) });
      seen.set(b.id, r.row);
      const micro = c.microGrid || null;
      if (micro) {
        divided.add(c.grid);
        if (microParent.has(micro) && microParent.get(micro) !== c.grid) err('microGrid', 'grid.importNameClash', { grid: micro });
        microParent.set(micro, c.grid);
        const existing = byName.get(micro);
        const parent = byName.get(c.grid);
        if (existing && (existing.parentId === null || existing.parentId !== parent?.id))
          err('microGrid', 'grid.importNameClash', { grid: micro });
      }
      const grid = byName.get(c.grid);
      if (grid && grid.parentId !== null) err('grid', 'grid.importNameClash', { grid: c.grid });
      rows.push({ row: r.row, grid: c.grid, microGrid: micro, buildingId: b.id, was: b.gridId });
    }
    for (const r of rows) {
      if (r.microGrid === null && (divided.has(r.grid) || grids.some((g) => g.parentId === byName.get(r.grid)?.id)))
        errors.push({ row: r.row, field: 'microGrid', code: 'grid.notLeaf', values: { grid: r.grid } });
    }
    // A grid divided by the file must not keep buildings the file leaves in it.
    for (const name of divided) {
      const g = byName.get(name);
      if (!g) continue;
      const left = buildings.filter((b) => b.gridId === g.id && !seen.has(b.id));
      if (left.length) errors.push({ row: 0, field: 'grid', code: 'grid.parentHasBuildings', values: { grid: name } });
    }
    return { rows, errors };
  },
  async apply(tx, by, place, rows) {
    const changes = { grids: 0, microGrids: 0, buildings: 0 };
    const grids = new Map<string, TGrid>(
      (await tx.grid.findMany({ where: { communityId: place.id }, select: { id: true, name: true, parentId: true } })).map((g) => [
        g.name,
        g,
      ]),
    );
    const ensure = async (name: string, parent: TGrid | null) => {
      const had = grids.get(name);
      if (had) return had;
      if (parent) await emptyBefore(tx, by, place.id, parent, rows);
      const made = await createGridIn(tx, by, { communityId: place.id, name, parentId: parent?.id ?? null });
      const g = { id: made.id, name, parentId: made.parentId };
      grids.set(name, g);
      if (parent) changes.microGrids++;
      else changes.grids++;
      return g;
    };
    const targets = new Map<number, { id: number; was: number | null }[]>();
    for (const r of rows) {
      const grid = await ensure(r.grid, null);
      const leaf = r.microGrid ? await ensure(r.microGrid, grid) : grid;
      if (!targets.has(leaf.id)) targets.set(leaf.id, []);
      targets.get(leaf.id)!.push({ id: r.buildingId, was: r.was });
    }
    for (const [gridId, list] of targets) {
      // Where each building is now: a building emptied out of a grid being divided was moved out above.
      const now = new Map(
        (await tx.building.findMany({ where: { id: { in: list.map((b) => b.id) } }, select: { id: true, gridId: true } })).map((b) => [
          b.id,
          b.gridId,
        ]),
      );
      const buildings = list.map((b) => ({ id: b.id, was: now.get(b.id) ?? null }));
      changes.buildings += (await assignBuildingsIn(tx, by, { communityId: place.id, gridId, buildings })).moved;
    }
    return changes;
  },
  audit: { action: 'grid.import', entityType: 'Grid' },
};

/** Before a grid is divided into micro-grids, the buildings the file moves out of it leave it (check ensured that is all). */
async function emptyBefore(tx: TTx, by: TBy, communityId: number, parent: TGrid, rows: TRow[]) {
  const inIt = rows.filter((r) => r.was === parent.id);
  if (!inIt.length) return;
  await assignBuildingsIn(tx, by, { communityId, gridId: null, buildings: inIt.map((r) => ({ id: r.buildingId, was: parent.id })) });
  for (const r of inIt) r.was = null;
}
