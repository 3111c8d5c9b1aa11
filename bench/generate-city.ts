/**
 * Generates a city the size of Chengdu for the dashboards' benchmark (issue 9): every real street
 * and community of Chengdu (prisma/data/divisions.json), ~20,000 compounds, 2,000,000 issues over two
 * years with their timelines, 200,000 topics, 34,000 motions with 1,000,000 ballots, 72,000 meetings
 * with their attendance; then the rollups, rebuilt as the job would.
 * Bulk SQL (generate_series), in one PostgreSQL, deterministic (setseed).
 *
 * Run: node --conditions=react-server --import tsx bench/generate-city.ts [dataDir=/tmp/yishi-city] [issues=2000000]
 * Uses DATABASE_URL when set; else an embedded PostgreSQL kept in dataDir (reused by bench/dashboards.ts).
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../scripts/db/embedded.ts';
import { prepareDatabase } from '../scripts/prepare-database.ts';

export const CITY_PG_PORT = 55477;
// Written directly in bulk, with the triggers that keep their facts (and guard ballots) off; rollups rebuilt at the end.
const BULK_TABLES = ['Issue', 'IssueEvent', 'Meeting', 'Attendance', 'Motion', 'MotionVoter', 'Ballot', 'Topic'];
const dataDir = path.resolve(process.argv[2] ?? '/tmp/yishi-city');
const ISSUES = Number(process.argv[3] ?? 2_000_000);
const TOPICS = Math.round(ISSUES / 10);
const MOTIONS = Math.round((ISSUES / 2_000_000) * 34_000);
const REPS = 30; // representatives per community: the roster of a motion, one ballot each

const t0 = performance.now();
const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
const server = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'pg'),
      port: CITY_PG_PORT,
      persistent: true,
      log: (l) => appendFileSync(path.join(dataDir, 'postgres.log'), l + '\n'),
    });
const url = process.env.DATABASE_URL ?? server!.url;
try {
  await prepareDatabase(url, { demo: false, log: (s) => console.log(s) });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const r = await db.query(sql, params);
    console.log(`${label}: ${r.rowCount ?? ''} rows in ${since(t)}`);
  };
  if ((await db.query(`SELECT count(*)::int AS n FROM "Issue"`)).rows[0].n > 0)
    throw new Error(`${url} already has issues; generate into an empty database`);
  await db.query(`SELECT setseed(0.2026)`);
  await db.query(`SET synchronous_commit = off`);
  // Fewer checkpoints during the load (the embedded server's own setting; a superuser-only change, skipped elsewhere).
  await db
    .query(`ALTER SYSTEM SET max_wal_size = '8GB'`)
    .then(() => db.query('SELECT pg_reload_conf()'))
    .catch(() => {});
  // Bulk load: the facts are written directly, so the triggers that keep them (and the dirty log) are off;
  // the rollups are rebuilt from scratch at the end.
  for (const t of BULK_TABLES) await db.query(`ALTER TABLE "${t}" DISABLE TRIGGER USER`);
  // The staff account the generated topics, meetings and sign-ins are recorded by (the database checks every such id).
  const staffId = (
    await db.query(`
    WITH p AS (INSERT INTO "Person" (name, "updatedAt") VALUES ('生成器', now()) RETURNING id)
    INSERT INTO "User" (phone, "passwordHash", "personId", "updatedAt") SELECT '10000000000', '-', id, now() FROM p RETURNING id`)
  ).rows[0].id as number;

  await step(
    'compounds',
    `
    INSERT INTO "Compound" (name, initials, "communityId", "streetId", "districtId", "updatedAt")
    SELECT c.name || '第' || g || '小区', 'xq' || g, c.id, c."streetId", s."districtId", now()
    FROM "Community" c JOIN "Street" s ON s.id = c."streetId" JOIN "District" d ON d.id = s."districtId",
         generate_series(1, 6 + (c.id % 2)) g
    WHERE d."cityName" = '成都市'`,
  );
  await step(
    'representatives',
    `
    INSERT INTO "Person" (name, "updatedAt")
    SELECT '代表' || c.id || '-' || g, now() FROM "Community" c JOIN "Street" s ON s.id = c."streetId" JOIN "District" d ON d.id = s."districtId", generate_series(1, ${REPS}) g
    WHERE d."cityName" = '成都市' ORDER BY c.id, g`,
  );
  await db.query(`CREATE TEMP TABLE rep AS SELECT split_part(name, '-', 1) AS c, id FROM "Person" WHERE name LIKE '代表%'`);
  await db.query(
    `CREATE TEMP TABLE reps AS SELECT substr(c, 3)::int AS community_id, array_agg(id ORDER BY id) AS ids FROM rep GROUP BY 1`,
  );
  await db.query(
    `CREATE TEMP TABLE cp AS SELECT row_number() OVER (ORDER BY id) AS n, id, "communityId", "streetId", "districtId" FROM "Compound" WHERE name LIKE '%第_小区'`,
  );
  await db.query(`CREATE INDEX ON cp (n)`);
  await db.query(
    `CREATE TEMP TABLE cat AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, "acknowledgeMinutes" AS ack, "resolveWorkingDays" AS days FROM "IssueCategory" WHERE "districtId" IS NULL`,
  );
  const compounds = (await db.query(`SELECT count(*)::int AS n FROM cp`)).rows[0].n as number;
  const categories = (await db.query(`SELECT count(*)::int AS n FROM cat`)).rows[0].n as number;

  // Issues, in batches: raised over the last two years; most answered quickly, some late; most of the
  // older ones resolved; some rated, escalated, taken over, excluded. Every fact follows from the same draws.
  const BATCH = 250_000;
  const tIssues = performance.now();
  for (let from = 1; from <= ISSUES; from += BATCH) {
    const to = Math.min(ISSUES, from + BATCH - 1);
    await db.query(
      `
      WITH x AS (
        SELECT g, now() AT TIME ZONE 'UTC' - (random() * 730) * interval '1 day' AS created,
          1 + floor(random() * ${compounds})::int AS cpn, floor(random() * ${categories})::int AS catn,
          random() AS r_ack, random() AS r_res, random() AS r_rate, random() AS r_sat, random() AS r_esc, random() AS r_misc
        FROM generate_series($1::int, $2::int) g),
      y AS (
        SELECT x.*, cp.id AS compound_id, cp."communityId", cp."streetId", cp."districtId", cat.id AS category_id,
          x.created + cat.ack * interval '1 minute' AS ack_by, x.created + cat.days * interval '33.6 hours' AS resolve_by,
          x.created + (CASE WHEN x.r_ack < 0.85 THEN x.r_ack / 0.85 * cat.ack ELSE cat.ack + (x.r_ack - 0.85) * 40000 END) * interval '1 minute' AS acked,
          x.created + (0.2 + x.r_res * 2.2) * cat.days * interval '33.6 hours' AS resolved
        FROM x JOIN cp ON cp.n = x.cpn JOIN cat ON cat.n = x.catn),
      z AS (
        SELECT y.*, now() AT TIME ZONE 'UTC' AS now_,
          CASE WHEN y.acked > now() AT TIME ZONE 'UTC' THEN NULL ELSE y.acked END AS acked_at,
          CASE WHEN y.resolved > now() AT TIME ZONE 'UTC' OR y.r_misc < 0.03 THEN NULL ELSE y.resolved END AS resolved_at
        FROM y)
      INSERT INTO "Issue" (title, description, "categoryId", state, level, "districtId", "streetId", "communityId", "compoundId", channel,
        "acknowledgeBy", "resolveBy", "firstAcknowledgeBy", "firstResolveBy", "acknowledgedAt", "resolvedAt", "escalatedAt", "takenOverAt",
        rating, "excludedAt", "exclusionReason", "createdAt", "updatedAt")
      SELECT '城市问题 ' || g, '生成的问题', category_id,
        (CASE WHEN resolved_at IS NOT NULL AND acked_at IS NOT NULL AND r_rate < 0.7 THEN 'CLOSED'
              WHEN resolved_at IS NOT NULL AND acked_at IS NOT NULL AND r_misc > 0.98 THEN 'CLOSED_UNFIXED'
              WHEN resolved_at IS NOT NULL AND acked_at IS NOT NULL THEN 'RESOLVED'
              WHEN acked_at IS NOT NULL THEN 'IN_PROGRESS' ELSE 'SUBMITTED' END)::"IssueState",
        (CASE WHEN r_esc < 0.05 THEN 'COMMUNITY' WHEN r_esc < 0.06 THEN 'STREET' ELSE 'COMPOUND' END)::"IssueLevel",
        "districtId", "streetId", "communityId", compound_id,
        (CASE WHEN r_misc < 0.4 THEN 'OPEN311' WHEN r_misc < 0.5 THEN 'STAFF_ENTRY' ELSE 'APP' END)::"IssueChannel",
        ack_by, resolve_by, ack_by, resolve_by,
        acked_at, CASE WHEN acked_at IS NULL THEN NULL ELSE resolved_at END,
        CASE WHEN r_esc < 0.06 THEN ack_by END, CASE WHEN r_esc < 0.01 THEN ack_by + interval '1 hour' END,
        (CASE WHEN resolved_at IS NOT NULL AND acked_at IS NOT NULL AND r_rate < 0.7 AND r_misc <= 0.98 THEN
           CASE WHEN r_sat < 0.68 THEN 'SATISFIED' WHEN r_sat < 0.9 THEN 'BASICALLY_SATISFIED' ELSE 'UNSATISFIED' END END)::"IssueRating",
        CASE WHEN r_misc BETWEEN 0.5 AND 0.503 THEN created + interval '5 days' END,
        CASE WHEN r_misc BETWEEN 0.5 AND 0.503 THEN '重复反映' END,
        created, created
      FROM z`,
      [from, to],
    );
    console.log(`issues ${to.toLocaleString('en')} (${since(tIssues)})`);
  }
  // Fix what the draws cannot see from inside one row: a closed-unfixed issue has no resolution time.
  await step('closed unfixed', `UPDATE "Issue" SET "resolvedAt" = NULL, rating = NULL WHERE state = 'CLOSED_UNFIXED'`);
  await step(
    'timelines',
    `
    INSERT INTO "IssueEvent" ("issueId", at, "actorLabel", type, "fromState", "toState", level)
    SELECT id, "createdAt", '居民', 'SUBMITTED', NULL::"IssueState", 'SUBMITTED'::"IssueState", 'COMPOUND'::"IssueLevel" FROM "Issue"
    UNION ALL SELECT id, "acknowledgedAt", '网格员', 'ACKNOWLEDGE', 'SUBMITTED', 'ACKNOWLEDGED', 'COMPOUND' FROM "Issue" WHERE "acknowledgedAt" IS NOT NULL
    UNION ALL SELECT id, "escalatedAt", '系统（超时升级）', 'ESCALATE', NULL, NULL, level FROM "Issue" WHERE "escalatedAt" IS NOT NULL
    UNION ALL SELECT id, "takenOverAt", '街道', 'TAKE_OVER', NULL, NULL, level FROM "Issue" WHERE "takenOverAt" IS NOT NULL
    UNION ALL SELECT id, "resolvedAt", '社区', 'RESOLVE', 'IN_PROGRESS', 'RESOLVED', level FROM "Issue" WHERE "resolvedAt" IS NOT NULL
    UNION ALL SELECT id, "acknowledgedAt" + interval '1 day', '社区', 'CLOSE_UNFIXED', 'IN_PROGRESS', 'CLOSED_UNFIXED', level FROM "Issue" WHERE state = 'CLOSED_UNFIXED'
    UNION ALL SELECT id, "resolvedAt" + interval '10 hours', '居民', 'RATE', 'RESOLVED', 'CLOSED', level FROM "Issue" WHERE rating IS NOT NULL`,
  );

  // Topics: mostly finished, some in progress at every step of the seven-step method, a few withdrawn.
  await step(
    'topics',
    `
    WITH p AS (SELECT id FROM "Procedure" WHERE code = 'SEVEN_STEP' AND "districtId" IS NULL ORDER BY version DESC LIMIT 1),
    x AS (SELECT g, 1 + floor(random() * ${compounds})::int AS cpn, now() AT TIME ZONE 'UTC' - (random() * 730) * interval '1 day' AS created, random() AS r FROM generate_series(1, ${TOPICS}) g)
    INSERT INTO "Topic" (title, description, "procedureId", status, "stepIndex", "stepStartedAt", "stepDueAt", "districtId", "streetId", "communityId", "compoundId", "createdById", "createdAt", "updatedAt", "categoryId")
    SELECT '议题 ' || g, '生成的议题', p.id,
      (CASE WHEN x.r < 0.85 THEN 'DONE' WHEN x.r < 0.95 THEN 'OPEN' ELSE 'WITHDRAWN' END)::"TopicStatus",
      CASE WHEN x.r < 0.85 THEN 6 WHEN x.r < 0.95 THEN floor((x.r - 0.85) * 70)::int ELSE 1 END,
      x.created, x.created + interval '14 days', cp."districtId", cp."streetId", cp."communityId", cp.id, ${staffId}, x.created, x.created,
      (SELECT id FROM "TopicCategory" WHERE "districtId" IS NULL ORDER BY id OFFSET g % 10 LIMIT 1)
    FROM x JOIN cp ON cp.n = x.cpn, p`,
  );
  // Motions: the representatives' vote (step 5) of finished topics, 2/3 of the roster; one ballot per representative.
  await step(
    'motions',
    `
    INSERT INTO "Motion" ("topicId", "stepIndex", voters, rule, roster, status, tally, result, "openedAt", "decidedAt", mode)
    SELECT t.id, 4, '{"kind":"BODY","bodyKind":"RESIDENTS_REPRESENTATIVES"}', '{"kind":"ROSTER_FRACTION","fraction":{"p":2,"q":3}}', reps.ids,
      (CASE WHEN t.id % 10 = 0 THEN 'FAILED' ELSE 'PASSED' END)::"MotionStatus", '{}', '{}', t."createdAt" + interval '40 days', t."createdAt" + interval '41 days', 'ELECTRONIC'
    FROM (SELECT * FROM "Topic" WHERE status = 'DONE' AND "createdAt" < now() AT TIME ZONE 'UTC' - interval '41 days' ORDER BY id LIMIT ${MOTIONS}) t
    JOIN reps ON reps.community_id = t."communityId"`,
  );
  // The frozen roster the ballots point at (the database refuses a ballot off it: decision 022).
  await step(
    'motion voters',
    `
    INSERT INTO "MotionVoter" ("motionId", "voterKey") SELECT m.id, v FROM "Motion" m, unnest(m.roster) v`,
  );
  await step(
    'ballots',
    `
    INSERT INTO "Ballot" ("motionId", "voterKey", choice, channel, "castAt")
    SELECT m.id, v, (CASE WHEN m.status = 'FAILED' AND random() < 0.5 THEN 'AGAINST' WHEN random() < 0.9 THEN 'FOR' ELSE 'ABSTAIN' END)::"BallotChoice", 'ELECTRONIC', m."openedAt" + interval '1 hour'
    FROM "Motion" m, unnest(m.roster) v`,
  );
  // Meetings: a consultation meeting in every community every month, with the representatives who came.
  await step(
    'meetings',
    `
    INSERT INTO "Meeting" (kind, title, "communityId", "startsAt", "endsAt", location, status, "signInToken", "createdById", "createdAt")
    SELECT 'CONSULTATION', '协商议事会', r.community_id, m, m + interval '90 minutes', '党群服务中心', 'CLOSED', md5(r.community_id || '-' || m::text), ${staffId}, m
    FROM reps r, generate_series(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '23 months', date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month', interval '1 month') m`,
  );
  await step(
    'attendance',
    `
    INSERT INTO "Attendance" ("meetingId", "personId", method, "byUserId", at)
    SELECT m.id, v, 'QR', ${staffId}, m."startsAt" FROM "Meeting" m JOIN reps r ON r.community_id = m."communityId", unnest(r.ids[1:8 + (m.id % 8)]) v
    WHERE m.title = '协商议事会'`,
  );

  for (const t of BULK_TABLES) await db.query(`ALTER TABLE "${t}" ENABLE TRIGGER USER`);
  await step('analyze', 'ANALYZE');
  const tRollup = performance.now();
  process.env.DATABASE_URL = url;
  const { rebuildStats } = await import('../src/server/stats/refresh.ts');
  await rebuildStats();
  const cells = (await db.query(`SELECT (SELECT count(*) FROM "IssueStat")::int AS i, (SELECT count(*) FROM "ActivityStat")::int AS a`))
    .rows[0];
  console.log(`rollups rebuilt: ${cells.i} issue cells, ${cells.a} activity cells in ${since(tRollup)}`);
  await db.query('ANALYZE "IssueStat"; ANALYZE "ActivityStat"');
  const counts = (
    await db.query(`SELECT (SELECT count(*) FROM "Compound")::int AS compounds, (SELECT count(*) FROM "Issue")::int AS issues, (SELECT count(*) FROM "IssueEvent")::int AS events,
    (SELECT count(*) FROM "Topic")::int AS topics, (SELECT count(*) FROM "Motion")::int AS motions, (SELECT count(*) FROM "Ballot")::int AS ballots,
    (SELECT count(*) FROM "Meeting")::int AS meetings, (SELECT count(*) FROM "Attendance")::int AS attendance,
    (SELECT count(*) FROM "Street" s JOIN "District" d ON d.id = s."districtId" WHERE d."cityName" = '成都市')::int AS streets,
    (SELECT count(*) FROM "Community" c JOIN "Street" s ON s.id = c."streetId" JOIN "District" d ON d.id = s."districtId" WHERE d."cityName" = '成都市')::int AS communities`)
  ).rows[0];
  console.log('city:', counts);
  console.log(`generated in ${since(t0)}`);
  await db.end();
  const { getDb } = await import('../src/server/db.ts');
  await getDb().$disconnect();
} finally {
  await server?.stop();
}
