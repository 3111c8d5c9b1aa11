/**
 * Closing and tallying a written consultation of a 5,000-unit compound with areas (issue 7's measure):
 * the roster is frozen from the units (developer's unsold units once, multi-unit owners once), 80% of
 * owners return ballots, then closeMotion computes the double threshold and stores the tally's hash.
 * On a throwaway embedded PostgreSQL.
 * Run: node --conditions=react-server --import tsx bench/written-consultation-tally.ts [units=5000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../scripts/db/embedded.ts';
import { freePort } from '../scripts/db/port.ts';
import { prepareDatabase } from '../scripts/prepare-database.ts';

const units = Number(process.argv[2] ?? 5000);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-tally-'));
rmSync(dataDir, { recursive: true, force: true });
const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
try {
  await prepareDatabase(server.url, { demo: false });
  process.env.DATABASE_URL = server.url;
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  const t0 = performance.now();
  // A compound of 50 buildings × 100 units, areas 60–140 m²; 1% the developer's, 2% owners with two units.
  const {
    rows: [p],
  } = await c.query(`
    WITH cm AS (SELECT cc.id, cc."streetId", s."districtId" FROM "Community" cc JOIN "Street" s ON s.id = cc."streetId" WHERE cc.code = '510107009003')
    INSERT INTO "Compound" (name, initials, "communityId", "streetId", "districtId", "updatedAt") SELECT '基准花园', 'jzhy', id, "streetId", "districtId", now() FROM cm RETURNING id, "communityId", "streetId", "districtId"`);
  await c.query(`INSERT INTO "Building" (name, "compoundId") SELECT g || '栋', $1 FROM generate_series(1, 50) g`, [p.id]);
  await c.query(
    `INSERT INTO "Household" ("buildingId", "roomNo", "areaCentiM2", "developerHeld", "updatedAt")
    SELECT b.id, r::text, 6000 + ((b.id * 37 + r * 101) % 8000), (b.id * 100 + r) % 100 = 0, now()
      FROM "Building" b, generate_series(1, $2::int / 50) r WHERE b."compoundId" = $1`,
    [p.id, units],
  );
  const { rows: hs } = await c.query(
    `SELECT h.id, h."developerHeld" FROM "Household" h JOIN "Building" b ON b.id = h."buildingId" WHERE b."compoundId" = $1 ORDER BY h.id`,
    [p.id],
  );
  const owned = hs.filter((h) => !h.developerHeld);
  const owners = owned.length - Math.floor(owned.length * 0.02);
  await c.query(`INSERT INTO "Person" (name, "updatedAt") SELECT '业主' || g, now() FROM generate_series(1, $1) g`, [owners]);
  const { rows: people } = await c.query(`SELECT id FROM "Person" WHERE name LIKE '业主%' ORDER BY id`);
  await c.query(`INSERT INTO "Ownership" ("householdId", "personId") SELECT unnest($1::int[]), unnest($2::int[])`, [
    owned.map((h) => h.id),
    owned.map((_, i) => people[i % owners]!.id),
  ]);
  const {
    rows: [proc],
  } = await c.query(`SELECT id FROM "Procedure" WHERE code = 'OWNERS_ASSEMBLY' AND "districtId" IS NULL`);
  const {
    rows: [user],
  } = await c.query(`INSERT INTO "Person" (name, "updatedAt") VALUES ('书记', now()) RETURNING id`);
  const {
    rows: [topic],
  } = await c.query(
    `INSERT INTO "Topic" (title, description, "procedureId", "stepIndex", "stepDueAt", "districtId", "streetId", "communityId", "compoundId", "assemblyMatter", "createdById", "updatedAt", "categoryId")
    VALUES ('更换电梯', '基准', $1, 2, now(), $2, $3, $4, $5, 5, $6, now(), (SELECT id FROM "TopicCategory" WHERE "districtId" IS NULL AND code = 'FACILITIES')) RETURNING *`,
    [proc.id, p.districtId, p.streetId, p.communityId, p.id, user.id],
  );
  console.log(
    `compound: ${hs.length} units, ${owners} owners, ${hs.length - owned.length} developer-held (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  const { getDb } = await import('../src/server/db.ts');
  const { openMotion } = await import('../src/server/topics/motions.ts');
  const { closeMotion } = await import('../src/server/votes/ballots.ts');
  const t1 = performance.now();
  const motion = await getDb().$transaction(
    (tx) => openMotion(tx, { ...topic, assemblyMatter: 5 }, 2, { kind: 'OWNERS' }, { kind: 'OWNERS_ASSEMBLY', matter: 5 }),
    { timeout: 120_000 },
  );
  const opened = performance.now() - t1;
  await c.query(`UPDATE "Motion" SET mode = 'WRITTEN' WHERE id = $1`, [motion.id]);
  await c.query(
    `INSERT INTO "Ballot" ("motionId", "voterKey", choice, channel)
    SELECT $1, "voterKey", CASE WHEN "voterKey" % 7 = 0 THEN 'AGAINST'::"BallotChoice" ELSE 'FOR'::"BallotChoice" END, 'PAPER' FROM "MotionVoter" WHERE "motionId" = $1 AND "voterKey" % 5 <> 0`,
    [motion.id],
  );
  const {
    rows: [n],
  } = await c.query(
    `SELECT (SELECT count(*) FROM "MotionVoter" WHERE "motionId" = $1)::int AS roster, (SELECT count(*) FROM "Ballot" WHERE "motionId" = $1)::int AS ballots`,
    [motion.id],
  );
  // closeMotion(null, …) is the job's path: make the motion due.
  await c.query(`UPDATE "Motion" SET "closesAt" = now() - interval '1 second' WHERE id = $1`, [motion.id]);
  const t2 = performance.now();
  const r = await closeMotion(null, motion.id);
  const closed = performance.now() - t2;
  console.log(`roster frozen at open (${n.roster} voters): ${(opened / 1000).toFixed(2)} s`);
  console.log(`close and tally (${n.ballots} ballots): ${(closed / 1000).toFixed(2)} s — ${r.outcome}`);
  for (const line of r.lines) console.log(`  ${line}`);
  await c.end();
  await getDb().$disconnect();
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
