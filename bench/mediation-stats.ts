/**
 * 矛盾纠纷调解 figures' server time (issue 21): 200 communities × 50 cases over the last year, in a throwaway cluster;
 * p50/p95 of mediationStats for a district, a street and a community over three periods, and a check of the totals
 * against a plain count. Run by hand (not in tests):
 *   node --conditions=react-server --import tsx bench/mediation-stats.ts [communities=200] [casesEach=50] [runs=50]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../scripts/db/embedded.ts';

const [COMMUNITIES, EACH, RUNS] = [200, 50, 50].map((d, i) => Number(process.argv[2 + i] ?? d)) as [number, number, number];
const dir = mkdtempSync(path.join(os.tmpdir(), 'yishi-mediation-bench-'));
const server = await startEmbeddedPostgres({ dataDir: dir, port: Number(process.env.BENCH_PG_PORT ?? 55513), persistent: false });
try {
  process.env.DATABASE_URL = server.url;
  process.env.YISHI_JOBS = 'off';
  const { prepareDatabase } = await import('../scripts/prepare-database.ts');
  await prepareDatabase(server.url, { demo: false, log: (l) => console.log(l) });
  const { mediationStats } = await import('../src/server/mediation/stats.ts');
  const { presetPeriod } = await import('../src/domain/stats/period.ts');
  const { today } = await import('../src/server/today.ts');
  const db = new pg.Client({ connectionString: server.url });
  db.on('error', () => {}); // the cluster stops under it at the end
  await db.connect();

  // The district with the most communities; its first COMMUNITIES communities get the cases.
  const { rows: picked } = await db.query<{ id: number; streetId: number; districtId: number }>(
    `WITH d AS (SELECT s."districtId" FROM "Community" c JOIN "Street" s ON s.id = c."streetId" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
     SELECT c.id, c."streetId", s."districtId" FROM "Community" c JOIN "Street" s ON s.id = c."streetId"
     WHERE s."districtId" = (SELECT "districtId" FROM d) ORDER BY c.code LIMIT $1`,
    [COMMUNITIES],
  );
  const user = (await db.query(`INSERT INTO "Person" (name, "updatedAt") VALUES ('bench', now()) RETURNING id`)).rows[0].id as number;
  const by = (
    await db.query(
      `INSERT INTO "User" (phone, "passwordHash", "personId", "updatedAt") VALUES ('13000000000', 'x', $1, now()) RETURNING id`,
      [user],
    )
  ).rows[0].id as number;
  const t0 = performance.now();
  // Statuses cycle OPEN, AGREED, CLOSED, UNRESOLVED, WITHDRAWN; days spread over the last 365 days.
  await db.query(
    `INSERT INTO "MediationCase" (year, seq, "communityId", kind, source, summary, status, "receivedOn", "concludedOn", "closedOn", referral,
       "createdById", "updatedAt")
     SELECT extract(year FROM d)::int, g, c.id,
       (ARRAY['NEIGHBOURS','PROPERTY_SERVICE','PARKING','PETS','NOISE','WATER_LEAK','FAMILY','OTHER'])[1 + (g % 8)]::"MediationKind",
       'WALK_IN', 'bench', (ARRAY['OPEN','AGREED','CLOSED','UNRESOLVED','WITHDRAWN'])[1 + (g % 5)]::"MediationStatus", d,
       CASE WHEN g % 5 = 0 THEN NULL ELSE d END, CASE WHEN g % 5 = 2 THEN d END, CASE WHEN g % 5 = 3 THEN 'COURT'::"MediationReferral" END,
       $2, now()
     FROM unnest($1::int[]) AS c(id), generate_series(1, $3) g, LATERAL (SELECT (current_date - ((g * 7 + c.id) % 365))::date AS d) x`,
    [picked.map((p) => p.id), by, EACH],
  );
  await db.query(
    `INSERT INTO "MediationParty" ("caseId", side, name, phone)
     SELECT id, s::"MediationSide", 'bench', '13000000001' FROM "MediationCase", unnest(ARRAY['APPLICANT','RESPONDENT']) s
     WHERE status IN ('AGREED', 'CLOSED')`,
  );
  await db.query(
    `INSERT INTO "MediationAgreement" ("caseId", status, facts, terms, performance, "dueOn", "signedOn", "scanKey", "createdById", "updatedAt")
     SELECT id, CASE WHEN status = 'CLOSED' THEN 'KEPT' ELSE 'SIGNED' END::"AgreementStatus", 'f', '[{"text":"t"}]', 'p', "receivedOn",
       "receivedOn", 'bench/' || id, $1, now()
     FROM "MediationCase" WHERE status IN ('AGREED', 'CLOSED')`,
    [by],
  );
  await db.query('ANALYZE');
  const cases = (await db.query(`SELECT count(*)::int AS n FROM "MediationCase"`)).rows[0].n as number;
  console.log(`${picked.length} communities × ${EACH} cases = ${cases} cases written in ${(performance.now() - t0).toFixed(0)} ms`);

  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  const units = [
    { label: 'district', scope: { column: 'districtId' as const, ids: [picked[0]!.districtId] } },
    { label: 'street', scope: { column: 'streetId' as const, ids: [picked[0]!.streetId] } },
    { label: 'community', scope: { column: 'communityId' as const, ids: [picked[0]!.id] } },
  ];
  for (const preset of ['thisMonth', 'thisYear', 'last12'] as const) {
    const period = presetPeriod(preset, today());
    for (const u of units) {
      for (let i = 0; i < 5; i++) await mediationStats(u, period);
      const ms: number[] = [];
      let s: Awaited<ReturnType<typeof mediationStats>> | undefined;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        s = await mediationStats(u, period);
        ms.push(performance.now() - t);
      }
      const label = `${u.label} ${preset} (${s!.byCommunity.length} communities, ${s!.totals.counts.received} cases) ×${RUNS}`;
      console.log(`${label.padEnd(64)} p50 ${pct(ms, 50).toFixed(1).padStart(6)} ms   p95 ${pct(ms, 95).toFixed(1).padStart(6)} ms`);
    }
  }
  // The statements reach the cases through the (communityId, receivedOn) index (the statistics view lags a moment).
  const scans = async () => {
    await new Promise((r) => setTimeout(r, 600));
    const q = `SELECT idx_scan::int AS n FROM pg_stat_user_indexes WHERE indexrelname = 'MediationCase_communityId_receivedOn_idx'`;
    return (await db.query(q)).rows[0].n as number;
  };
  const before = await scans();
  await mediationStats(units[1]!, presetPeriod('thisYear', today()));
  console.log(`index scans of MediationCase_communityId_receivedOn_idx for one street's figures: ${(await scans()) - before}`);
  // The district's last 12 months against a plain count over the table.
  const last12 = presetPeriod('last12', today());
  const s = await mediationStats(units[0]!, last12);
  const { rows } = await db.query(
    `SELECT count(*)::int AS received, (count(*) FILTER (WHERE status IN ('AGREED', 'CLOSED')))::int AS succeeded,
       (count(*) FILTER (WHERE status = 'CLOSED'))::int AS kept FROM "MediationCase" WHERE "receivedOn" >= $1::date`,
    [`${last12.from}-01`],
  );
  const same = JSON.stringify(s.totals.counts) === JSON.stringify(rows[0]);
  console.log(
    `district, last 12 months: ${JSON.stringify(s.totals.counts)} — plain count ${same ? 'agrees' : `DIFFERS: ${JSON.stringify(rows[0])}`}`,
  );
  await db.end();
  const { getDb } = await import('../src/server/db.ts');
  await getDb().$disconnect();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
