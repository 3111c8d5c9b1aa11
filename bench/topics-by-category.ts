/**
 * Topics by category (issue 23 part C, decision 072): the dashboard's table over 100,000 topics of 200 communities over
 * the last two years, in a throwaway cluster; p50/p95 of the grouped query for a district, a street and a community over
 * three periods, and a check against a plain count. Run by hand (not in tests):
 *   node --conditions=react-server --import tsx bench/topics-by-category.ts [communities=200] [topicsEach=500] [runs=30]
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../scripts/db/embedded.ts';

const [COMMUNITIES, EACH, RUNS] = [200, 500, 30].map((d, i) => Number(process.argv[2 + i] ?? d)) as [number, number, number];
const dir = mkdtempSync(path.join(os.tmpdir(), 'yishi-category-bench-'));
const server = await startEmbeddedPostgres({ dataDir: dir, port: Number(process.env.BENCH_PG_PORT ?? 55514), persistent: false });
try {
  process.env.DATABASE_URL = server.url;
  process.env.YISHI_JOBS = 'off';
  const { prepareDatabase } = await import('../scripts/prepare-database.ts');
  await prepareDatabase(server.url, { demo: false, log: (l) => console.log(l) });
  const { categoryCounts } = await import('../src/server/stats/topics-by-category.ts');
  const { presetPeriod } = await import('../src/domain/stats/period.ts');
  const { today } = await import('../src/server/today.ts');
  const db = new pg.Client({ connectionString: server.url });
  db.on('error', () => {});
  await db.connect();
  const { rows: picked } = await db.query<{ id: number; streetId: number; districtId: number }>(
    `WITH d AS (SELECT s."districtId" FROM "Community" c JOIN "Street" s ON s.id = c."streetId" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
     SELECT c.id, c."streetId", s."districtId" FROM "Community" c JOIN "Street" s ON s.id = c."streetId"
     WHERE s."districtId" = (SELECT "districtId" FROM d) ORDER BY c.code LIMIT $1`,
    [COMMUNITIES],
  );
  const person = (await db.query(`INSERT INTO "Person" (name, "updatedAt") VALUES ('bench', now()) RETURNING id`)).rows[0].id as number;
  const by = (
    await db.query(
      `INSERT INTO "User" (phone, "passwordHash", "personId", "updatedAt") VALUES ('13000000000', 'x', $1, now()) RETURNING id`,
      [person],
    )
  ).rows[0].id as number;
  const t0 = performance.now();
  // Status cycles OPEN, DONE, DONE, WITHDRAWN; category g mod 10; raised over the last 730 days.
  await db.query(
    `INSERT INTO "Topic" (title, description, "procedureId", status, "stepDueAt", "districtId", "streetId", "communityId", "createdById",
       "createdAt", "updatedAt", "categoryId")
     SELECT '议题 ' || g, 'bench', (SELECT id FROM "Procedure" WHERE "districtId" IS NULL ORDER BY id LIMIT 1),
       (ARRAY['OPEN','DONE','DONE','WITHDRAWN'])[1 + (g % 4)]::"TopicStatus", now(), c."districtId", c."streetId", c.id, $2,
       now() AT TIME ZONE 'UTC' - ((g * 7 + c.id) % 730) * interval '1 day', now(),
       (SELECT id FROM "TopicCategory" WHERE "districtId" IS NULL ORDER BY id OFFSET g % 10 LIMIT 1)
     FROM jsonb_to_recordset($1::jsonb) AS c(id int, "streetId" int, "districtId" int), generate_series(1, $3) g`,
    [JSON.stringify(picked), by, EACH],
  );
  // A passed motion on a third of the finished topics, a failed one on some open ones.
  await db.query(
    `INSERT INTO "Motion" ("topicId", "stepIndex", voters, rule, roster, status, tally, result, "openedAt", mode)
     SELECT id, 4, '{}', '{}', '{}', (CASE WHEN status = 'DONE' THEN 'PASSED' ELSE 'FAILED' END)::"MotionStatus", '{}', '{}', "createdAt", 'ELECTRONIC'
     FROM "Topic" WHERE id % 3 = 0 AND status <> 'WITHDRAWN'`,
  );
  await db.query('ANALYZE');
  const topics = (await db.query(`SELECT count(*)::int AS n FROM "Topic"`)).rows[0].n as number;
  console.log(`${picked.length} communities × ${EACH} topics = ${topics} topics written in ${(performance.now() - t0).toFixed(0)} ms`);
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  const units = [
    { label: 'district', scope: { column: 'districtId', ids: [picked[0]!.districtId] } },
    { label: 'street', scope: { column: 'streetId', ids: [picked[0]!.streetId] } },
    { label: 'community', scope: { column: 'communityId', ids: [picked[0]!.id] } },
  ];
  for (const preset of ['thisMonth', 'thisYear', 'last12'] as const) {
    const period = presetPeriod(preset, today());
    for (const u of units) {
      for (let i = 0; i < 3; i++) await categoryCounts(u.scope, period);
      const ms: number[] = [];
      let rows: Awaited<ReturnType<typeof categoryCounts>> = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        rows = await categoryCounts(u.scope, period);
        ms.push(performance.now() - t);
      }
      const label = `${u.label} ${preset} (${rows.reduce((n, r) => n + r.RAISED, 0)} topics) ×${RUNS}`;
      console.log(`${label.padEnd(48)} p50 ${pct(ms, 50).toFixed(1).padStart(7)} ms   p95 ${pct(ms, 95).toFixed(1).padStart(7)} ms`);
    }
  }
  const period = presetPeriod('last12', today());
  const rows = await categoryCounts(units[0]!.scope, period);
  const { rows: plain } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Topic" WHERE "districtId" = $1 AND "createdAt" >= ($2::date - interval '8 hours')`,
    [units[0]!.scope.ids[0], `${period.from}-01`],
  );
  const sum = rows.reduce((n, r) => n + r.RAISED, 0);
  console.log(`district, last 12 months: ${sum} topics — plain count ${sum === plain[0]!.n ? 'agrees' : `DIFFERS: ${plain[0]!.n}`}`);
  await db.end();
  const { getDb } = await import('../src/server/db.ts');
  await getDb().$disconnect();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await server.stop();
}
