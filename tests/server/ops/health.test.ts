import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { GET } from '@/app/api/health/route';
import { createDb, getDb } from '@/server/db';
import { checkHealth } from '@/server/health';
import { STATS_REFRESH } from '@/server/jobs/queues';
import { startJobs } from '@/server/jobs/start-jobs';
import pkg from '../../../package.json';

/** Issue 17, item 8: what the load balancer asks — the database, the migrations shipped, the job queue. */
const health = async () => {
  const r = await GET(new Request('http://x/api/health'), { params: Promise.resolve({}) } as never);
  return { status: r.status, cache: r.headers.get('cache-control'), body: await r.json() };
};
const shipped = readdirSync(path.join(process.cwd(), 'prisma', 'migrations'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

async function runHeartbeat() {
  const boss = await startJobs()!;
  const id = await boss.send(STATS_REFRESH, {});
  for (let i = 0; i < 100; i++) {
    if ((await boss.getJobById(STATS_REFRESH, id!))?.state === 'completed') return boss;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the heartbeat job never completed');
}

afterAll(async () => {
  const holder = globalThis as { yishiBoss?: Promise<{ stop: (o: object) => Promise<void> }> };
  await (await holder.yishiBoss)?.stop({ graceful: false, wait: true });
});

describe('/api/health', () => {
  test('503 while the job queue was never started, naming that check only', async () => {
    const r = await health();
    expect([r.status, r.body.status, r.cache]).toEqual([503, 'unavailable', 'no-store']);
    expect(r.body.checks.database.ok).toBe(true);
    expect(r.body.checks.migrations.ok).toBe(true);
    expect(r.body.checks.jobs).toMatchObject({ ok: false, reason: 'not-started' });
  });

  test('200 when the database answers, every shipped migration is applied and the every-minute job ran; with the version', async () => {
    await runHeartbeat();
    const r = await health();
    expect([r.status, r.body.status, r.cache]).toEqual([200, 'ok', 'no-store']);
    expect(r.body.checks.migrations).toEqual({ ok: true, applied: shipped.length, missing: [] });
    expect(r.body.checks.jobs.ok).toBe(true);
    expect(Date.now() - Date.parse(r.body.checks.jobs.lastRunAt)).toBeLessThan(60_000);
    expect(r.body.version.version).toBe(pkg.version);
  });

  test('503 naming the migration shipped but not applied', async () => {
    const newest = shipped.at(-1)!;
    const [row] = await getDb().$queryRaw<{ id: string }[]>`DELETE FROM _prisma_migrations WHERE migration_name = ${newest} RETURNING id`;
    try {
      const r = await health();
      expect([r.status, r.body.checks.migrations]).toEqual([503, { ok: false, applied: shipped.length - 1, missing: [newest] }]);
      expect(r.body.checks.database.ok).toBe(true);
    } finally {
      await getDb().$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
        VALUES (${row!.id}, '', ${newest}, now(), now(), 1)`;
    }
    expect((await health()).body.checks.migrations.ok).toBe(true);
  });

  test('503 when the every-minute job has not run for five minutes (the workers or the schedule stopped)', async () => {
    const boss = await startJobs()!;
    await boss.stop({ graceful: false, wait: true });
    await getDb().$executeRawUnsafe(`UPDATE pgboss.job SET started_on = now() - interval '6 minutes' WHERE name = '${STATS_REFRESH}'`);
    await getDb().$executeRawUnsafe(`UPDATE pgboss.schedule SET updated_on = now() - interval '6 minutes'`);
    const r = await health();
    expect([r.status, r.body.checks.jobs.ok, r.body.checks.jobs.reason]).toEqual([503, false, 'stale']);
    expect([r.body.checks.database.ok, r.body.checks.migrations.ok]).toEqual([true, true]);
  });

  test('an unreachable database is a 503 within the timeout, not a hang', async () => {
    const down = createDb('postgresql://nobody:x@127.0.0.1:9/none');
    const started = Date.now();
    const r = await checkHealth(down);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect([r.status, r.checks.database.ok, r.checks.migrations.ok, r.checks.jobs.ok]).toEqual(['unavailable', false, false, false]);
    await down.$disconnect();
  });
});
