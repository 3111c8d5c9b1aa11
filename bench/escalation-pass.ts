/**
 * One escalation pass over 100,000 open issues of which 10,000 are overdue (issue 4's measure),
 * on a throwaway embedded PostgreSQL. Issues are inserted with bulk SQL.
 * Run: node --conditions=react-server --import tsx bench/escalation-pass.ts [open=100000] [overdue=10000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../scripts/db/embedded.ts';
import { freePort } from '../scripts/db/port.ts';
import { prepareDatabase } from '../scripts/prepare-database.ts';

const open = Number(process.argv[2] ?? 100_000);
const overdue = Number(process.argv[3] ?? 10_000);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-'));
const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
try {
  await prepareDatabase(server.url, { demo: false });
  process.env.DATABASE_URL = server.url;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const t0 = performance.now();
  await client.query(`
    WITH c AS (SELECT id FROM "Community" WHERE code = '510107009003'),
         cat AS (SELECT id FROM "IssueCategory" WHERE code = 'FACILITIES' AND "districtId" IS NULL)
    INSERT INTO "Compound" (name, initials, "communityId", "streetId", "districtId", "updatedAt")
    SELECT '基准小区', 'jzxq', c.id, s.id, s."districtId", now() FROM c JOIN "Community" cc ON cc.id = c.id JOIN "Street" s ON s.id = cc."streetId"`);
  await client.query(
    `
    INSERT INTO "Issue" (title, description, "categoryId", state, level, "districtId", "streetId", "communityId", "compoundId", "acknowledgeBy", "resolveBy", "updatedAt")
    SELECT '问题 ' || g, '描述', (SELECT id FROM "IssueCategory" WHERE code = 'FACILITIES' AND "districtId" IS NULL),
           CASE WHEN g % 2 = 0 THEN 'SUBMITTED'::"IssueState" ELSE 'IN_PROGRESS'::"IssueState" END, 'COMPOUND',
           p."districtId", p."streetId", p."communityId", p.id,
           CASE WHEN g <= $2 THEN now() - interval '1 day' ELSE now() + interval '30 days' END,
           CASE WHEN g <= $2 THEN now() - interval '1 hour' ELSE now() + interval '60 days' END, now()
    FROM generate_series(1, $1) g, (SELECT * FROM "Compound" WHERE name = '基准小区') p`,
    [open, overdue],
  );
  await client.query('ANALYZE "Issue"');
  console.log(`inserted ${open} open issues (${overdue} overdue) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const { runEscalationPass } = await import('../src/server/issues/escalation-pass.ts');
  const t1 = performance.now();
  const counts = await runEscalationPass();
  console.log(`escalation pass: ${((performance.now() - t1) / 1000).toFixed(1)} s`, counts);
  const t2 = performance.now();
  const again = await runEscalationPass();
  console.log(`second pass (nothing due): ${((performance.now() - t2) / 1000).toFixed(2)} s`, again);
  await client.end();
  const { getDb } = await import('../src/server/db.ts');
  await getDb().$disconnect();
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
