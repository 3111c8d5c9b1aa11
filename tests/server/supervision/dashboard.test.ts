import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportFile, removeOldExports, requestExport, runExport } from '@/server/stats/export';
import { readDashboard } from '@/server/stats/read-dashboard';
import { listOverdueBehind } from '@/server/stats/overdue';
import { runSupervisionPass } from '@/server/topics/supervision-pass';
import { createTopicWithHistory } from '../../factories/topics';
import { byUser } from '../accounts/support';
import { at, supervisionWorld } from './support';

let w: Awaited<ReturnType<typeof supervisionWorld>>;
const PERIOD = { from: '2026-01', to: '2026-12' };

beforeAll(async () => {
  w = await supervisionWorld();
  await createTopicWithHistory(w.db, {
    procedureCode: 'SEVEN_STEP',
    title: '健身器材维修',
    description: '说明',
    communityId: w.tanghu.id,
    by: { userId: w.secretary.id, label: '唐书记' },
    stepIndex: 2,
    createdAt: at('2026-10-20', 9),
    stepDueAt: at('2026-11-06', 17, 30),
  });
  await runSupervisionPass(at('2026-11-13', 9));
});

describe('overdue tasks and steps on the dashboards (decision 049)', () => {
  test('the street dashboard counts them per community, and in its own total', async () => {
    const street = await byUser(w.staff.dongshengStreet.id);
    const d = await readDashboard(street, { unit: { level: 'street', id: w.tanghu.streetId }, period: PERIOD, category: null });
    expect(d.overdue).toEqual({ tasks: 1, steps: 1 });
    const row = d.children.find((c) => c.id === w.tanghu.id)!;
    expect(row.overdue).toEqual({ tasks: 1, steps: 1 });
    expect(d.children.filter((c) => c.id !== w.tanghu.id).every((c) => c.overdue.tasks + c.overdue.steps === 0)).toBe(true);
  });

  test('drilling down lists the overdue task with its owner and level; another street may not look', async () => {
    const street = await byUser(w.staff.dongshengStreet.id);
    const list = await listOverdueBehind(street, { unit: { level: 'community', id: w.tanghu.id }, kind: 'tasks' });
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ id: w.task.id, title: '安装门禁', responsible: '欧城物业', level: 'STREET', pressed: 0 });
    const steps = await listOverdueBehind(street, { unit: { level: 'community', id: w.tanghu.id }, kind: 'steps' });
    expect(steps.rows.map((r) => [r.title, r.level])).toEqual([['健身器材维修', 'STREET']]);
    await expect(
      listOverdueBehind(await byUser(w.staff.jinyangStreet.id), { unit: { level: 'community', id: w.tanghu.id }, kind: 'tasks' }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });

  test('the monthly Excel report lists them per community', async () => {
    const street = await byUser(w.staff.dongshengStreet.id);
    const params = { unit: { level: 'street' as const, id: w.tanghu.streetId }, period: PERIOD, category: null, locale: 'zh-CN' as const };
    const id = await requestExport(street, 'MONTHLY', params, runExport);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportFile(street.userId, id)).bytes as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('下级单位')!.getSheetValues().filter(Array.isArray) as unknown[][];
    const head = rows.find((r) => r.includes('逾期任务'))!;
    const tanghu = rows.find((r) => r[1] === w.tanghu.name)!;
    expect([tanghu[head.indexOf('逾期任务')], tanghu[head.indexOf('逾期步骤')]]).toEqual([1, 1]);
    // The file goes from the data folder (a build must not find a test's leftovers there).
    expect(await removeOldExports(new Date(Date.now() + 8 * 86_400_000))).toBe(1);
  });
});
