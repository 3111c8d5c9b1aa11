/**
 * The plans of the hot reads on the generated city (issue 16, item 6): the work queue of a building head
 * and of a branch secretary, the inbox, the audit of a compound, the notice chain's head and loose links
 * (read under the chain's lock when publishing), and the escalation pass's choice of issues.
 * The SQL is what Prisma sends (captured from the app's own read functions), run under EXPLAIN (ANALYZE, BUFFERS).
 * The city has no accounts, inbox, audit or notices: the first run adds 50,000 accounts with 2,000,000
 * notifications, 2,000,000 audit rows, 200,000 chained notices and six buildings per compound (bulk SQL, deterministic).
 *
 * First: node --conditions=react-server --import tsx bench/generate-city.ts /tmp/yishi-city
 * Then:  node --conditions=react-server --import tsx bench/hot-reads.ts [/tmp/yishi-city] [port=55478] [migrate]
 * Without "migrate" the city keeps the migrations it was generated with (the plans before a change).
 */
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { startEmbeddedPostgres } from '../scripts/db/embedded.ts';

const dataDir = path.resolve(process.argv[2] ?? '/tmp/yishi-city');
const port = Number(process.argv[3] ?? 55478);
const server = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port, persistent: true });
const url = process.env.DATABASE_URL ?? server!.url;
process.env.DATABASE_URL = url;
process.env.YISHI_JOBS = 'off';
if (process.argv.includes('migrate')) {
  const { prepareDatabase } = await import('../scripts/prepare-database.ts');
  await prepareDatabase(url, { demo: false, log: (l) => console.log(l) });
}
const db = new pg.Client({ connectionString: url });
await db.connect();
await db.query(`SET TimeZone = 'UTC'`);

if ((await db.query(`SELECT count(*)::int AS n FROM "Notice"`)).rows[0].n < 200_000) {
  const t = performance.now();
  await db.query('BEGIN');
  await db.query(`SELECT setseed(0.16)`);
  await db.query(
    `INSERT INTO "Person" (name, "updatedAt") SELECT '账号' || g, now() FROM generate_series(1, 50000) g WHERE NOT EXISTS (SELECT FROM "User")`,
  );
  await db.query(`
    INSERT INTO "User" (phone, "passwordHash", "personId", "updatedAt")
    SELECT '139' || lpad(row_number() OVER (ORDER BY id)::text, 8, '0'), 'x', id, now() FROM "Person" WHERE name LIKE '账号%' AND NOT EXISTS (SELECT FROM "User")`);
  await db.query(`CREATE TEMP TABLE u AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM "User"`);
  await db.query(`CREATE INDEX ON u (n)`);
  await db.query(`
    INSERT INTO "Notification" ("userId", at, kind, title, body, "readAt")
    SELECT u.id, now() - g * interval '10 seconds', 'issue.acknowledge', '通知', '-', CASE WHEN random() < 0.9 THEN now() END
    FROM generate_series(1, 2000000) g JOIN u ON u.n = 1 + (g::bigint * 7919) % 50000`);
  await db.query(`CREATE TEMP TABLE cp AS SELECT row_number() OVER (ORDER BY id) AS n, id, "communityId" FROM "Compound"`);
  await db.query(`CREATE INDEX ON cp (n)`);
  const compounds = (await db.query(`SELECT count(*)::int AS n FROM cp`)).rows[0].n as number;
  await db.query(`
    INSERT INTO "AuditLog" (at, "actorId", "actorLabel", action, "entityType", "entityId", "communityId", "compoundId")
    SELECT now() - g * interval '10 seconds', u.id, '员工', 'issue.act', 'Issue', g::text, cp."communityId", cp.id
    FROM generate_series(1, 2000000) g JOIN cp ON cp.n = 1 + (g::bigint * 104729) % ${compounds} JOIN u ON u.n = 1 + g % 50000`);
  await db.query(`
    INSERT INTO "Notice" (kind, category, title, body, "streetId", "communityId", "compoundId", "publishedAt", seq, "prevHash", hash)
    SELECT 'MANUAL', 'RESIDENTS', '公告 ' || g, '-', c."streetId", c."communityId", c.id, now() - (200000 - g) * interval '5 minutes',
           g, md5((g - 1)::text), md5(g::text)
    FROM generate_series(1, 200000) g JOIN cp ON cp.n = 1 + (g::bigint * 104729) % ${compounds} JOIN "Compound" c ON c.id = cp.id`);
  // Buildings: six per compound; the issues of one compound in ten name one of them (the city's issues name none).
  await db.query(`INSERT INTO "Building" (name, "compoundId") SELECT g || '栋', c.id FROM "Compound" c, generate_series(1, 6) g`);
  await db.query(`ALTER TABLE "Issue" DISABLE TRIGGER USER`);
  await db.query(`
    UPDATE "Issue" i SET "buildingId" = b.id FROM "Building" b
    WHERE i."compoundId" % 10 = 0 AND b."compoundId" = i."compoundId" AND b.name = (1 + i.id % 6) || '栋'`);
  await db.query(`ALTER TABLE "Issue" ENABLE TRIGGER USER`);
  await db.query('COMMIT');
  for (const table of ['User', 'Notification', 'AuditLog', 'Notice', 'Building', 'Issue']) await db.query(`ANALYZE "${table}"`);
  console.log(`added accounts, inbox, audit and notices in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

// The app's own Prisma client, logging every statement it sends.
const { PrismaClient } = await import('../src/generated/prisma/client.ts');
const prisma = new PrismaClient({
  adapter: new PrismaPg({ connectionString: url, options: '-c TimeZone=UTC' }),
  log: [{ emit: 'event', level: 'query' }],
});
const sent: { query: string; params: unknown[] }[] = [];
prisma.$on('query', (e: { query: string; params: string }) => sent.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
(globalThis as unknown as { yishiDb?: unknown }).yishiDb = prisma;

async function explain(
  label: string,
  run: () => Promise<unknown>,
  pick = (q: string) => /FROM ("public"\.)?"(Issue|Notification|AuditLog|Notice)"/.test(q),
) {
  sent.length = 0;
  await run();
  for (const s of sent.filter((s) => pick(s.query))) {
    const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, s.params);
    const lines = plan.rows.map((r) => r['QUERY PLAN'] as string);
    console.log(`\n== ${label}\n${s.query.slice(0, 400)}\n${lines.join('\n')}`);
  }
}

const today = new Date().toISOString().slice(0, 10);
const by = (role: string, level: string, id: number, userId = 0) => ({
  userId,
  label: 'bench',
  today,
  actor: { userId, grants: [{ role, place: { level, id }, startsOn: '2000-01-01', endsOn: null }] },
});
const { listWorkQueue, listInbox } = await import('../src/server/issues/read-issues.ts');
const { listAudit } = await import('../src/server/accounts/read-audit.ts');
const { escalationCandidates } = await import('../src/server/issues/escalation-pass.ts');
const building = (await db.query(`SELECT "buildingId" AS id FROM "Issue" WHERE "buildingId" IS NOT NULL ORDER BY id LIMIT 1`)).rows[0]
  ?.id as number | undefined;
const compound = (await db.query(`SELECT "compoundId" AS id FROM "Issue" WHERE "compoundId" IS NOT NULL ORDER BY id LIMIT 1`)).rows[0]
  .id as number;
const user = (await db.query(`SELECT "userId" AS id FROM "Notification" ORDER BY id DESC LIMIT 1`)).rows[0].id as number;
type TBy = Parameters<typeof listWorkQueue>[0];

if (building) await explain('work queue: building head', () => listWorkQueue(by('BUILDING_HEAD', 'building', building) as TBy));
await explain('work queue: branch secretary (compound)', () => listWorkQueue(by('BRANCH_SECRETARY', 'compound', compound) as TBy));
await explain('inbox', () => listInbox(user));
await explain('audit of a compound', () => listAudit(by('BRANCH_SECRETARY', 'compound', compound) as TBy));
await explain('escalation pass: what it reads', () => escalationCandidates(new Date()));
// Publishing: under the chain's lock, the loose links and the head (publish.ts), without writing a notice.
await explain('notice publishing: loose links and the chain head', async () => {
  await prisma.notice.findMany({ where: { hash: null }, orderBy: { id: 'asc' }, include: { attachments: true } });
  await prisma.notice.findFirst({ where: { seq: { not: null } }, orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
});

await prisma.$disconnect();
await db.end();
await server?.stop();
