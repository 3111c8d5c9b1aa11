/**
 * 督办 at city scale (issue 19, decision 049), on a throwaway embedded PostgreSQL, rows inserted with bulk SQL:
 * `topics` open topics over the first `communities` communities of Chengdu (one compound each, a community secretary
 * and a street staff account to notify), 3 tasks each (owned by the community's secretary). Of the tasks ~5% are
 * overdue by 1–14 calendar days, ~5% due tomorrow, the rest due in 2–60 days; ~5% of the topics' steps are overdue by
 * 1–14 days, the rest due in 2–60 days. Measures the first supervision pass (reminders, overdue, escalations), a second
 * pass right after (nothing to do), and the overdue counts the street and district dashboards read (overdueBy, p50/p95),
 * and checks the pass's counts against the pure rule (superviseDue) applied to the inserted deadlines.
 * Run: node --conditions=react-server --import tsx bench/supervision-pass.ts [topics=20000] [communities=500] [runs=20] [explain]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../scripts/db/embedded.ts';
import { freePort } from '../scripts/db/port.ts';
import { prepareDatabase } from '../scripts/prepare-database.ts';

const topics = Number(process.argv[2] ?? 20_000);
const communities = Number(process.argv[3] ?? 500);
const runs = Number(process.argv[4] ?? 20);
/** `explain`: also print the plans of the pass's two reads and of the district's overdue counts. */
const explain = process.argv[5] === 'explain';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-'));
const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(2);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
try {
  await prepareDatabase(server.url, { demo: false });
  process.env.DATABASE_URL = server.url;
  process.env.YISHI_JOBS = 'off';
  const { today } = await import('../src/server/today.ts');
  const client = new pg.Client({ connectionString: server.url });
  client.on('error', () => {}); // the server stopping in `finally` after a failure: the failure is what to show
  await client.connect();
  const q = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows;
  const day = today();
  const t0 = performance.now();
  // The places: the first communities of Chengdu by code (whole districts, the last one maybe in part).
  await q(
    `CREATE TEMP TABLE bench_place AS
     SELECT row_number() OVER (ORDER BY c.code) - 1 AS n, c.id AS "communityId", c."streetId", s."districtId"
     FROM "Community" c JOIN "Street" s ON s.id = c."streetId" WHERE c.code LIKE '5101%' ORDER BY c.code LIMIT $1`,
    [communities],
  );
  await q(`INSERT INTO "Compound" (name, initials, "communityId", "streetId", "districtId", "updatedAt")
           SELECT '基准小区', 'jzxq', "communityId", "streetId", "districtId", now() FROM bench_place`);
  // One account per community (its secretary, owner of its tasks) and per street (its staff), plus the creator.
  await q(`CREATE TEMP TABLE bench_account AS
           SELECT 'COMMUNITY' AS level, "communityId" AS "placeId" FROM bench_place
           UNION ALL SELECT DISTINCT 'STREET', "streetId" FROM bench_place
           UNION ALL SELECT 'CREATOR', 0`);
  await q(`INSERT INTO "Person" (name, phone, "updatedAt")
           SELECT '基准' || level || "placeId", 'b-' || level || '-' || "placeId", now() FROM bench_account`);
  await q(`INSERT INTO "User" (phone, "passwordHash", "personId", email, "updatedAt")
           SELECT p.phone, 'x', p.id, p.phone || '@bench.invalid', now() FROM "Person" p WHERE p.phone LIKE 'b-%'`);
  await q(`INSERT INTO "RoleGrant" ("userId", role, "placeLevel", "placeId", "startsOn")
           SELECT u.id, CASE a.level WHEN 'COMMUNITY' THEN 'COMMUNITY_SECRETARY' ELSE 'STREET_STAFF' END::"Role",
                  a.level::"PlaceLevel", a."placeId", '2020-01-01'
           FROM bench_account a JOIN "User" u ON u.phone = 'b-' || a.level || '-' || a."placeId" WHERE a.level <> 'CREATOR'`);
  const creator = (await q(`SELECT id FROM "User" WHERE phone = 'b-CREATOR-0'`))[0].id as number;
  // Topic g: community g mod C; its step overdue by 1–14 days for 5% of them (by a hash of g, spread over every
  // community), else due in 2–60 days.
  await q(
    `INSERT INTO "Topic" (title, description, "procedureId", "stepDueAt", "districtId", "streetId", "communityId", "compoundId",
                          "createdById", "updatedAt", "categoryId")
     SELECT '议题 ' || g, '描述', (SELECT id FROM "Procedure" WHERE "districtId" IS NULL AND active ORDER BY id LIMIT 1),
            date_trunc('minute', now() AT TIME ZONE 'UTC')
              + CASE WHEN h % 100 < 5 THEN -(1 + (h / 100) % 14) ELSE 2 + (h / 100) % 59 END * interval '1 day',
            p."districtId", p."streetId", p."communityId", cp.id, $2, now(),
            (SELECT id FROM "TopicCategory" WHERE "districtId" IS NULL AND code = 'OTHER')
     FROM generate_series(0, $1 - 1) g CROSS JOIN LATERAL (SELECT abs(hashint4(g + 1000000)::bigint) AS h) hh
     JOIN bench_place p ON p.n = g % (SELECT count(*) FROM bench_place)
     JOIN "Compound" cp ON cp."communityId" = p."communityId" AND cp.name = '基准小区'`,
    [topics, creator],
  );
  // Task j (3 per topic), by a hash of j: 5% overdue by 1–14 days, 5% due tomorrow, the rest due in 2–60 days.
  await q(
    `INSERT INTO "TopicTask" ("topicId", title, responsible, "ownerUserId", "dueOn", "createdById")
     SELECT t.id, '任务 ' || j, '社区书记', u.id,
            $1::date + CASE WHEN h % 100 < 5 THEN -(1 + (h / 100) % 14) WHEN h % 100 < 10 THEN 1 ELSE 2 + (h / 100) % 59 END::int, $2
     FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS r, "communityId" FROM "Topic" WHERE "createdById" = $2) t
     CROSS JOIN LATERAL (SELECT t.r * 3 + k AS j FROM generate_series(0, 2) k) jj CROSS JOIN LATERAL (SELECT abs(hashint4(j::int)::bigint) AS h) hh
     JOIN "User" u ON u.phone = 'b-COMMUNITY-' || t."communityId"`,
    [day, creator],
  );
  await q('ANALYZE');
  const [{ n: nTasks }] = await q(`SELECT count(*)::int AS n FROM "TopicTask"`);
  const [{ n: nPlaces, d: nDistricts, s: nStreets }] = await q(
    `SELECT count(*)::int AS n, count(DISTINCT "districtId")::int AS d, count(DISTINCT "streetId")::int AS s FROM bench_place`,
  );
  console.log(
    `inserted ${topics} open topics, ${nTasks} tasks over ${nPlaces} communities, ${nStreets} streets, ${nDistricts} districts in ${secs(t0)} s`,
  );

  const { runSupervisionPass } = await import('../src/server/topics/supervision-pass.ts');
  const { superviseDue, taskDeadline, stepDeadline } = await import('../src/domain/topics/supervision.ts');
  const { calendarFor } = await import('../src/server/issues/district-settings.ts');
  const { toChinaLocal } = await import('../src/server/issues/clock.ts');
  const { fromDateOnly } = await import('../src/server/today.ts');
  const { overdueBy, listOverdue } = await import('../src/server/stats/overdue.ts');
  const { getDb } = await import('../src/server/db.ts');

  // What the pure rule says the first pass must do, per distinct deadline (fresh rows: nothing reminded or late yet).
  const now = new Date();
  const expected = { reminded: 0, overdue: 0, escalated: 0, toCommunity: 0, toStreet: 0 };
  const add = (due: ReturnType<typeof superviseDue>, n: number) => {
    if (due.kind === 'REMIND') expected.reminded += n;
    if (due.kind === 'OVERDUE') expected.overdue += n;
    if (due.kind === 'ESCALATE') {
      expected.escalated += n;
      if (due.to === 'COMMUNITY') expected.toCommunity += n;
      else expected.toStreet += n;
    }
  };
  const fresh = { open: true, level: 'OWNER' as const, reminded: false, overdue: false };
  const cal = new Map<number, Awaited<ReturnType<typeof calendarFor>>>();
  for (const { districtId } of await q(`SELECT DISTINCT "districtId" FROM bench_place`)) cal.set(districtId, await calendarFor(districtId));
  for (const r of await q(
    `SELECT t."districtId", k."dueOn", count(*)::int AS n FROM "TopicTask" k JOIN "Topic" t ON t.id = k."topicId" GROUP BY 1, 2`,
  ))
    add(superviseDue({ ...fresh, deadline: taskDeadline(fromDateOnly(r.dueOn)) }, toChinaLocal(now), cal.get(r.districtId)!), r.n);
  // A timestamp column holds UTC (as Prisma writes it): read as text, so that pg does not take it for local time.
  for (const r of await q(
    `SELECT "districtId", to_char("stepDueAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, count(*)::int AS n FROM "Topic" GROUP BY 1, 2`,
  ))
    add(superviseDue({ ...fresh, deadline: stepDeadline(toChinaLocal(new Date(r.at))) }, toChinaLocal(now), cal.get(r.districtId)!), r.n);

  const t1 = performance.now();
  const first = await runSupervisionPass(now);
  const firstS = secs(t1);
  const acted = first.reminded + first.overdue + first.escalated;
  const t2 = performance.now();
  const second = await runSupervisionPass(new Date());
  const secondS = secs(t2);
  const [levels] = await q(`SELECT
      (SELECT count(*) FROM "TopicTask" WHERE "superviseLevel" = 'COMMUNITY') + (SELECT count(*) FROM "Topic" WHERE "stepLevel" = 'COMMUNITY') AS community,
      (SELECT count(*) FROM "TopicTask" WHERE "superviseLevel" = 'STREET') + (SELECT count(*) FROM "Topic" WHERE "stepLevel" = 'STREET') AS street,
      (SELECT count(*) FROM "Notification") AS notifications, (SELECT count(*) FROM "TopicEvent") AS events,
      (SELECT count(*) FROM "AuditLog" WHERE "actorLabel" = '系统（督办）') AS audits`);

  // The dashboards' overdue columns: a street's communities and a district's streets (the busiest of each).
  const [busy] = await q(`SELECT t."streetId", t."districtId" FROM "TopicTask" k JOIN "Topic" t ON t.id = k."topicId"
                          WHERE k."overdueSince" IS NOT NULL GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`);
  const [{ district: busyDistrict }] = await q(`SELECT t."districtId" AS district FROM "TopicTask" k JOIN "Topic" t ON t.id = k."topicId"
                          WHERE k."overdueSince" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  const streetScope = { column: 'streetId' as const, ids: [busy.streetId as number] };
  const districtScope = { column: 'districtId' as const, ids: [busyDistrict as number] };
  async function measure(fn: () => Promise<unknown>) {
    for (let i = 0; i < 3; i++) await fn();
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
    }
    return { p50: pct(ms, 50), p95: pct(ms, 95) };
  }
  const sum = (m: Map<string, { tasks: number; steps: number }>) =>
    [...m.values()].reduce((a, b) => ({ tasks: a.tasks + b.tasks, steps: a.steps + b.steps }), { tasks: 0, steps: 0 });
  const streetRows = await overdueBy(streetScope, 'communityId');
  const districtRows = await overdueBy(districtScope, 'streetId');
  const streetM = await measure(() => overdueBy(streetScope, 'communityId'));
  const districtM = await measure(() => overdueBy(districtScope, 'streetId'));
  const listM = await measure(() => listOverdue(streetScope, 'tasks'));
  const [truth] = await q(
    `SELECT (SELECT count(*)::int FROM "TopicTask" k JOIN "Topic" t ON t.id = k."topicId" WHERE k."overdueSince" IS NOT NULL AND t."districtId" = $1) AS tasks,
            (SELECT count(*)::int FROM "Topic" WHERE "stepOverdueSince" IS NOT NULL AND "districtId" = $1) AS steps`,
    [busyDistrict],
  );

  const ok =
    first.reminded === expected.reminded &&
    first.overdue === expected.overdue &&
    first.escalated === expected.escalated &&
    Number(levels.community) === expected.toCommunity &&
    Number(levels.street) === expected.toStreet &&
    second.reminded + second.overdue + second.escalated === 0 &&
    sum(districtRows).tasks === truth.tasks &&
    sum(districtRows).steps === truth.steps;
  const ms = (x: { p50: number; p95: number }) => `p50 ${x.p50.toFixed(1).padStart(7)} ms   p95 ${x.p95.toFixed(1).padStart(7)} ms`;
  const fmt = (c: { reminded: number; overdue: number; escalated: number }) =>
    `reminded ${c.reminded}, overdue ${c.overdue}, escalated ${c.escalated}`;
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  console.log(`${'measure'.padEnd(44)} result`);
  console.log(
    `${'first pass'.padEnd(44)} ${firstS} s  ${fmt(first)}  (${((Number(firstS) * 1000) / Math.max(1, acted)).toFixed(1)} ms a change)`,
  );
  console.log(`${'  expected (superviseDue on the deadlines)'.padEnd(44)} ${fmt(expected)}`);
  console.log(
    `${'  after it'.padEnd(44)} community ${levels.community}, street ${levels.street} (expected ${expected.toCommunity}, ${expected.toStreet}); ${levels.notifications} notifications, ${levels.events} timeline entries, ${levels.audits} audit rows`,
  );
  console.log(`${'second pass'.padEnd(44)} ${secondS} s  ${fmt(second)}`);
  console.log(
    `${`street overdueBy communityId ×${runs}`.padEnd(44)} ${ms(streetM)}   ${streetRows.size} communities, ${JSON.stringify(sum(streetRows))}`,
  );
  console.log(
    `${`district overdueBy streetId ×${runs}`.padEnd(44)} ${ms(districtM)}   ${districtRows.size} streets, ${JSON.stringify(sum(districtRows))} (SQL: ${JSON.stringify(truth)})`,
  );
  console.log(`${`street listOverdue tasks ×${runs}`.padEnd(44)} ${ms(listM)}`);
  console.log(
    `SUMMARY ${ok ? 'OK' : 'MISMATCH'}: ${topics} topics / ${nTasks} tasks / ${nPlaces} communities: first pass ${firstS} s (${acted} changes), second ${secondS} s; overdue counts street p95 ${streetM.p95.toFixed(1)} ms, district p95 ${districtM.p95.toFixed(1)} ms`,
  );
  if (explain) {
    const plan = async (label: string, sql: string, params: unknown[] = []) =>
      console.log(`-- ${label}\n${(await q(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).map((r) => r['QUERY PLAN']).join('\n')}`);
    const horizon = new Date(Date.now() + 12 * 86_400_000);
    // The pass's reads as Prisma sends them (the topic of each task is fetched by a second query on its ids).
    await plan(
      'the pass: tasks near or past their deadline',
      `SELECT k.* FROM "TopicTask" k WHERE k.status = 'OPEN' AND k."withdrawnAt" IS NULL AND k."superviseLevel" <> 'STREET'
       AND k."dueOn" <= $1::date AND k."topicId" IN (SELECT t.id FROM "Topic" t WHERE t.status = 'OPEN') ORDER BY k.id`,
      [today(horizon)],
    );
    await plan(
      'the pass: steps near or past their deadline',
      `SELECT * FROM "Topic" WHERE status = 'OPEN' AND "stepLevel" <> 'STREET' AND "stepDueAt" <= $1::timestamptz AT TIME ZONE 'UTC' ORDER BY id`,
      [horizon.toISOString()],
    );
    await plan(
      'the district dashboard: overdue tasks by street',
      `SELECT t."streetId", count(*) FROM "TopicTask" k JOIN "Topic" t ON t.id = k."topicId" WHERE k."overdueSince" IS NOT NULL
       AND k.status = 'OPEN' AND k."withdrawnAt" IS NULL AND t.status = 'OPEN' AND t."districtId" = ANY($1::int[]) GROUP BY 1`,
      [[busyDistrict]],
    );
  }
  await client.end();
  await getDb().$disconnect();
  if (!ok) process.exitCode = 1;
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
