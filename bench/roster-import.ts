/**
 * Times the household roster import on a throwaway embedded PostgreSQL:
 * check (preview), first import, and re-import of the same file, for a compound of N units.
 * Run: node --conditions=react-server --import tsx bench/roster-import.ts [units=2000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../scripts/db/embedded.ts';
import { freePort } from '../scripts/db/port.ts';
import { prepareDatabase } from '../scripts/prepare-database.ts';

const units = Number(process.argv[2] ?? 2000);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-'));
const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
try {
  await prepareDatabase(pg.url, { demo: false });
  process.env.DATABASE_URL = pg.url;
  const { getDb } = await import('../src/server/db.ts');
  const { loadActor } = await import('../src/server/auth/actor.ts');
  const { previewRoster, importRoster } = await import('../src/server/roster/import-roster.ts');
  const { createStaff } = await import('../tests/factories/accounts.ts');
  const { createCompound, communityByCode } = await import('../tests/factories/territory.ts');
  const db = getDb();
  const community = await communityByCode(db, '510107009003');
  const compound = await createCompound(db, { communityId: community.id, name: '基准小区' });
  const staff = await createStaff(db, {
    name: '书记',
    phone: '13900000000',
    password: 'x-pass-1234',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: community.id,
  });
  const by = { userId: staff.id, label: '书记', actor: await loadActor(staff.id), today: new Date().toISOString().slice(0, 10) };

  const lines = ['楼栋,单元,房号,面积,业主姓名,手机号,产权份额'];
  for (let i = 0; i < units; i++) {
    const building = `${Math.floor(i / 96) + 1}栋`;
    const unit = (Math.floor(i / 48) % 2) + 1;
    const room = `${Math.floor((i % 48) / 4) + 1}0${(i % 4) + 1}`;
    lines.push(`${building},${unit},${room},${(80 + (i % 50)).toFixed(2)},业主${i},1${String(3700000000 + i).padStart(10, '0')},100`);
  }
  const file = { name: 'bench.csv', bytes: Buffer.from(lines.join('\n')) };
  const time = async <T>(label: string, fn: () => Promise<T>) => {
    const t = performance.now();
    const r = await fn();
    console.log(`${label}: ${((performance.now() - t) / 1000).toFixed(2)} s`);
    return r;
  };
  console.log(`roster of ${units} units (${(file.bytes.length / 1024).toFixed(0)} KB CSV)`);
  await time('check (preview, rolled back)', () => previewRoster(by, compound.id, file));
  const created = await time('first import', () => importRoster(by, compound.id, file));
  console.log('  ', JSON.stringify(created));
  const again = await time('re-import of the same file', () => importRoster(by, compound.id, file));
  console.log('  ', JSON.stringify(again));
  await db.$disconnect();
} finally {
  await pg.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
