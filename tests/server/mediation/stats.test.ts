import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { readMediationStats } from '@/server/mediation/stats';
import { exportFile, requestExport, runExport } from '@/server/stats/export';
import { readDashboard } from '@/server/stats/read-dashboard';
import { createStaff } from '../../factories/accounts';
import { insertMediationCase } from '../../factories/mediation-stats';
import { communityByCode, createCompound } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

/**
 * 矛盾纠纷调解 figures (decision 062: the cohort received in the period, by China's day) counted by hand:
 * communities A and B of one street, C of another street; November 2026, with cases on the month's edges.
 */
const NOV = { from: '2026-11', to: '2026-11' };
const china = (wall: string) => new Date(`${wall}+08:00`);

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  const tanghu = await communityByCode(db, '510116001001');
  const [a, b] = await db.community.findMany({ where: { streetId: tanghu.streetId }, orderBy: { code: 'asc' }, take: 2 });
  const c = await communityByCode(db, '510107009003');
  const A1 = await createCompound(db, { communityId: a!.id, name: '调解统计甲一' });
  const pw = 'staff-pass-1';
  const staff = (
    name: string,
    phone: string,
    role: 'STREET_STAFF' | 'COMMUNITY_SECRETARY' | 'DISTRICT_ADMIN',
    level: 'STREET' | 'COMMUNITY' | 'DISTRICT',
    id: number,
  ) => createStaff(db, { name, phone, password: pw, role, placeLevel: level, placeId: id });
  const street = await staff('调解统计街道', '13833331001', 'STREET_STAFF', 'STREET', tanghu.streetId);
  const secretary = await staff('调解统计甲书记', '13833331002', 'COMMUNITY_SECRETARY', 'COMMUNITY', a!.id);
  const otherStreet = await staff('调解统计他街', '13833331003', 'STREET_STAFF', 'STREET', c.streetId);
  const district = await staff('调解统计区', '13833331004', 'DISTRICT_ADMIN', 'DISTRICT', tanghu.street.districtId);
  const ins = (
    communityId: number,
    kind: Parameters<typeof insertMediationCase>[1]['kind'],
    wall: string,
    outcome: Parameters<typeof insertMediationCase>[1]['outcome'],
    compoundId?: number,
  ) => insertMediationCase(db, { communityId, compoundId, kind, receivedAt: china(wall), outcome, createdById: street.id });
  await ins(a!.id, 'NEIGHBOURS', '2026-11-30T23:30:00', 'kept', A1.id); // November's (China's day), kept at follow-up
  await ins(a!.id, 'WATER_LEAK', '2026-12-01T00:30:00', 'agreed'); // December's (UTC still 30 November)
  await ins(a!.id, 'WATER_LEAK', '2026-11-01T00:00:00', 'agreed'); // November's (UTC still 31 October)
  await ins(a!.id, 'WATER_LEAK', '2026-10-31T23:59:00', 'kept'); // October's
  await ins(a!.id, 'PETS', '2026-11-10T10:00:00', 'broken'); // signed, then broken: mediated successfully, not kept
  await ins(a!.id, 'NOISE', '2026-11-12T10:00:00', 'draft'); // a draft is no success
  await ins(a!.id, 'PETS', '2026-11-15T10:00:00', 'unresolved');
  await ins(b!.id, 'PARKING', '2026-11-05T10:00:00', 'withdrawn');
  await ins(b!.id, 'NEIGHBOURS', '2026-11-06T10:00:00', 'kept');
  await ins(c.id, 'NEIGHBOURS', '2026-11-07T10:00:00', 'kept'); // another street
  return {
    db,
    a: a!,
    b: b!,
    c,
    A1,
    streetId: tanghu.streetId,
    districtId: tanghu.street.districtId,
    street: await byUser(street.id),
    secretary: await byUser(secretary.id),
    otherStreet: await byUser(otherStreet.id),
    district: await byUser(district.id),
  };
}
beforeAll(async () => {
  w = await setup();
});

const f = (received: number, succeeded: number, kept: number) => ({
  counts: { received, succeeded, kept },
  rate: received === 0 ? null : succeeded / received,
});
const streetUnit = () => ({ level: 'street' as const, id: w.streetId });

describe('figures of a unit and period', () => {
  test('a street: totals, every community (zeros included), every kind; the month by China’s day', async () => {
    const s = await readMediationStats(w.street, { unit: streetUnit(), period: NOV });
    expect(s.totals).toEqual(f(7, 4, 2));
    const communities = await w.db.community.findMany({ where: { streetId: w.streetId }, orderBy: { code: 'asc' } });
    expect(s.byCommunity.map((r) => r.id)).toEqual(communities.map((x) => x.id));
    const row = (id: number) => s.byCommunity.find((r) => r.id === id)!.figures;
    expect(row(w.a.id)).toEqual(f(5, 3, 1));
    expect(row(w.b.id)).toEqual(f(2, 1, 1));
    expect(s.byCommunity.filter((r) => r.id !== w.a.id && r.id !== w.b.id).every((r) => r.figures.counts.received === 0)).toBe(true);
    expect(Object.fromEntries(s.byKind.map((k) => [k.kind, k.figures]))).toEqual({
      NEIGHBOURS: f(2, 2, 2),
      PROPERTY_SERVICE: f(0, 0, 0),
      PARKING: f(1, 0, 0),
      PETS: f(2, 1, 0),
      NOISE: f(1, 0, 0),
      WATER_LEAK: f(1, 1, 0),
      FAMILY: f(0, 0, 0),
      OTHER: f(0, 0, 0),
    });
    // Counts only: nothing of a case's text, parties or number.
    expect(JSON.stringify(s)).not.toMatch(/统计测试|统计甲|统计乙|13800000001|漏水/);
  });

  test('the period: two months add the 1 December case; October and December alone', async () => {
    const at = (from: string, to: string) => readMediationStats(w.street, { unit: streetUnit(), period: { from, to } });
    expect((await at('2026-11', '2026-12')).totals).toEqual(f(8, 5, 2));
    expect((await at('2026-10', '2026-10')).totals).toEqual(f(1, 1, 1));
    expect((await at('2026-12', '2026-12')).totals).toEqual(f(1, 1, 0));
  });

  test('a community, a compound and the district', async () => {
    expect((await readMediationStats(w.secretary, { unit: { level: 'community', id: w.a.id }, period: NOV })).totals).toEqual(f(5, 3, 1));
    const compound = await readMediationStats(w.street, { unit: { level: 'compound', id: w.A1.id }, period: NOV });
    expect(compound.totals).toEqual(f(1, 1, 1));
    expect(compound.byCommunity.map((r) => r.id)).toEqual([w.a.id]);
    const district = await readMediationStats(w.district, {
      unit: { level: 'district', id: w.districtId },
      period: NOV,
    });
    expect(district.totals).toEqual(f(7, 4, 2)); // C is in another district
  });
});

describe('who reads them (stats.read at the unit or above)', () => {
  test('a community secretary their community only; a street’s staff their street only', async () => {
    const read = (by: typeof w.street, level: 'street' | 'community', id: number) =>
      refusal(readMediationStats(by, { unit: { level, id }, period: NOV }));
    expect(await read(w.secretary, 'street', w.streetId)).toBe('auth.forbidden');
    expect(await read(w.secretary, 'community', w.b.id)).toBe('auth.forbidden');
    expect(await read(w.street, 'community', w.c.id)).toBe('auth.forbidden');
    expect(await read(w.street, 'street', w.c.streetId)).toBe('auth.forbidden');
    expect(await read(w.otherStreet, 'street', w.streetId)).toBe('auth.forbidden');
    const own = await readMediationStats(w.otherStreet, { unit: { level: 'community', id: w.c.id }, period: NOV });
    expect(own.totals).toEqual(f(1, 1, 1));
  });
});

describe('the dashboard and the Excel reports', () => {
  test('the dashboard carries the same figures', async () => {
    const d = await readDashboard(w.street, { unit: streetUnit(), period: NOV, category: null });
    expect(d.mediation).toEqual(await readMediationStats(w.street, { unit: streetUnit(), period: NOV }));
    // The city ranking of streets carries no totals, so no mediation figures either.
    const city = await readDashboard(w.district, { unit: { level: 'city', id: w.districtId }, period: NOV, category: null });
    expect(city.mediation).toBeNull();
  });

  test('the monthly report has a 矛盾纠纷调解 sheet: every community (受理, 调解成功, 成功率, 回访履行) and every kind', async () => {
    const params = { unit: streetUnit(), period: NOV, category: null, locale: 'zh-CN' as const };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await exportFile(w.street.userId, await requestExport(w.street, 'MONTHLY', params, runExport))).bytes as unknown as ArrayBuffer,
    );
    const ws = wb.getWorksheet('矛盾纠纷调解')!;
    expect(ws).toBeDefined();
    const rows = ws
      .getSheetValues()
      .filter(Array.isArray)
      .map((r) => (r as unknown[]).slice(1));
    const find = (label: string, from = 0) => rows.slice(from).find((r) => r[0] === label || r[1] === label)!;
    const communities = await w.db.community.count({ where: { streetId: w.streetId } });
    const head = rows.findIndex((r) => r.includes('受理') && r.includes('成功率'));
    expect(rows[head]).toEqual(['社区编码', '社区', '受理', '调解成功', '成功率', '回访履行']);
    expect(find(w.a.name)).toEqual([w.a.code, w.a.name, 5, 3, 0.6, 1]);
    expect(find(w.b.name)).toEqual([w.b.code, w.b.name, 2, 1, 0.5, 1]);
    expect(rows.slice(head + 1, head + 1 + communities).every((r) => typeof r[2] === 'number')).toBe(true);
    expect(find('合计')).toEqual(['合计', undefined, 7, 4, 4 / 7, 2]);
    const kinds = rows.findIndex((r) => r[0] === '纠纷类型');
    expect(find('宠物纠纷', kinds)).toEqual(['宠物纠纷', undefined, 2, 1, 0.5, 0]);
    expect(find('家庭纠纷', kinds)).toEqual(['家庭纠纷', undefined, 0, 0, undefined, 0]); // no rate: an empty cell, never 0 %
    expect(JSON.stringify(rows)).not.toMatch(/统计测试|统计甲|统计乙/);
  });

  test('the dashboard report has the totals on its summary sheet', async () => {
    const params = { unit: streetUnit(), period: NOV, category: null, locale: 'zh-CN' as const };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await exportFile(w.street.userId, await requestExport(w.street, 'DASHBOARD', params, runExport))).bytes as unknown as ArrayBuffer,
    );
    const rows = wb
      .getWorksheet('概况')!
      .getSheetValues()
      .filter(Array.isArray)
      .map((r) => (r as unknown[]).slice(1));
    const at = rows.findIndex((r) => r[0] === '矛盾纠纷调解');
    expect(rows.slice(at + 1, at + 5)).toEqual([
      ['调解受理', 7],
      ['调解成功', 4],
      ['调解成功率', 4 / 7],
      ['回访履行', 2],
    ]);
  });
});
